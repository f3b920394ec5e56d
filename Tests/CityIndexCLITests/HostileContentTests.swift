import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Hostile content (issue 8, item 6): names that try to break out of CSV, Markdown, HTML and
/// SVG come out inert; codes and ids shaped like paths never write outside the output folder;
/// oversized inputs stop with a clear error within bounded memory; SQL binds its parameters.
@Suite struct HostileContentTests {
    static let criteria = """
        id: tiny
        name: {en: "Tiny <b>index</b> | `x`"}
        scale: 100
        precision: 2
        root:
          id: index
          children:
            - id: A
              children:
                - {id: a1}
                - {id: a2, direction: lower}
            - id: B
              children:
                - {id: b1}
        """

    /// Unit codes shaped like paths, and names shaped like markup, formulas and table breakers.
    static let units: [(code: String, name: String)] = [
        ("../../evil", "Pipe | name"),
        ("/tmp/cityindex-hostile-abs", "<script>alert(1)</script>"),
        ("a/b", "=HYPERLINK(\"http://x\",\"y\")"),
        ("..", "Line\nBreak `tick` ``two``"),
        ("L", "[x](javascript:alert(1)) <img src=x onerror=alert(1)>"),
        ("M", "@SUM(A1) **b** _i_ # h"),
        ("N", "+1+1"),
        ("O", "-2-2"),
        ("P", "-\tTabbed"),
        ("Q", "a\"quote\" & 'apos' \\ back"),
    ]

    static var data: String {
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var text = "unit,name,period,a1,a2,b1\n"
        for (i, u) in units.enumerated() {
            text += "\(quoted(u.code)),\(quoted(u.name)),2024,\(i + 1),\(10 - i),\((i * 7) % 10)\n"
        }
        return text
    }

    /// Every regular file under `folder`, as paths relative to it.
    static func files(under folder: URL) -> Set<String> {
        let fm = FileManager.default
        var out = Set<String>()
        guard let e = fm.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return out }
        let base = folder.resolvingSymlinksInPath().path + "/"
        for case let url as URL in e where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            out.insert(url.resolvingSymlinksInPath().path.replacingOccurrences(of: base, with: ""))
        }
        return out
    }

    @Test("names with |, <script>, backticks, line breaks and formula prefixes are inert in every report file")
    func hostileNamesAreInert() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try Self.criteria.write(toFile: tmp.path("tiny.yaml"), atomically: true, encoding: .utf8)
        try Self.data.write(toFile: tmp.path("hostile.csv"), atomically: true, encoding: .utf8)
        let out = tmp.path("out")
        let run = cityindex([
            "report", "--criteria", tmp.path("tiny.yaml"), "--data", tmp.path("hostile.csv"), "--db", tmp.path("s.sqlite"),
            "--out", out, "--profiles", "--as-of", "2025-01-01", "--lang", "en",
        ])
        try #require(run.status == 0, "\(run.stderr)")

        // CSV: every name reads back exactly; formula prefixes are guarded with ', nothing else is.
        for dialect in ["data", "excel", "excel-vi"] {
            let folder = tmp.path("out-\(dialect)")
            let r = cityindex([
                "report", "--criteria", tmp.path("tiny.yaml"), "--db", tmp.path("s.sqlite"), "--period", "2024",
                "--out", folder, "--csv-dialect", dialect, "--no-charts", "--no-html", "--as-of", "2025-01-01",
            ])
            try #require(r.status == 0, "\(r.stderr)")
            var text = try String(contentsOfFile: folder + "/ranking.csv", encoding: .utf8)
            if dialect == "excel-vi" { text = Self.semicolonsToCommas(text) }
            let rows = parseCSV(text)
            #expect(rows.count == Self.units.count, "\(dialect): a name broke a row")
            for row in rows {
                let code = row["unit"] ?? ""
                let written = row["name"] ?? ""
                let expected = try #require(Self.units.first { $0.code == code }?.name, "unknown code \(code)")
                let guarded = expected.first.map { "=+-@\t\r".contains($0) } ?? false
                #expect(written == (guarded ? "'" + expected : expected), "\(dialect) \(code): \(written)")
            }
        }

        // Markdown: no raw HTML, no live link or code span made of a name, table rows intact.
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(Self.liveMarkup(md).isEmpty, "report.md: \(Self.liveMarkup(md))")
        #expect(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(md.contains("Pipe \\| name"))
        Self.checkTables(md, file: "report.md")
        let profiles = try FileManager.default.contentsOfDirectory(atPath: out + "/profiles")
        for profile in profiles where profile.hasSuffix(".md") {
            let text = try String(contentsOfFile: out + "/profiles/" + profile, encoding: .utf8)
            #expect(Self.liveMarkup(text).isEmpty, "\(profile): \(Self.liveMarkup(text))")
            Self.checkTables(text, file: profile)
        }
        // The profiles' web pages (linked from report.html): the report's own markup only.
        for page in profiles where page.hasSuffix(".html") {
            let text = try String(contentsOfFile: out + "/profiles/" + page, encoding: .utf8)
            #expect(Self.hostileTags(text).isEmpty, "\(page): \(Self.hostileTags(text))")
            #expect(Self.matches(of: "href=\"([^\"]*)\"", in: text).isEmpty, "\(page) links")
        }
        #expect(profiles.filter { $0.hasSuffix(".html") }.count == profiles.filter { $0.hasSuffix(".md") }.count)

        // HTML: the only markup is the report's own; links go to report files only.
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(Self.hostileTags(html).isEmpty, "report.html: \(Self.hostileTags(html))")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        for href in Self.matches(of: "href=\"([^\"]*)\"", in: html) {
            #expect(href.hasPrefix("profiles/") || href.hasPrefix("charts/") || href.hasPrefix("#"), "link to \(href)")
        }

        // SVG: well-formed XML with no script, handler or foreign element.
        let charts = try FileManager.default.contentsOfDirectory(atPath: out + "/charts")
        #expect(charts.count >= 3)
        for chart in charts {
            let data = try Data(contentsOf: URL(fileURLWithPath: out + "/charts/" + chart))
            let svg = String(decoding: data, as: UTF8.self)
            #expect(Self.hostileTags(svg).isEmpty, "\(chart): \(Self.hostileTags(svg))")
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(chart) is not well-formed: \(String(describing: parser.parserError))")
        }

        // Paths: every file is inside the output folder; the path-shaped codes were made safe.
        let written = Self.files(under: tmp.url)
        let inputs: Set<String> = ["tiny.yaml", "hostile.csv", "s.sqlite"]
        for file in written where !inputs.contains(file) {
            #expect(file.hasPrefix("out/") || file.hasPrefix("out-"), "\(file) was written outside the output folder")
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/cityindex-hostile-abs.md"))
        #expect(!FileManager.default.fileExists(atPath: tmp.url.deletingLastPathComponent().appendingPathComponent("evil.md").path))
        for file in written where file.hasPrefix("out/profiles/") || file.hasPrefix("out/charts/radar-") {
            let name = (file as NSString).lastPathComponent
            #expect(!name.hasPrefix(".") && !name.contains("/"), "\(file)")
        }
        #expect(written.contains("out/profiles/_.._evil.md"))
        #expect(written.contains("out/profiles/_tmp_cityindex-hostile-abs.md"))
        #expect(written.contains("out/profiles/a_b.md"))
        #expect(written.contains("out/profiles/_.md"))
    }

    @Test(
        "a criteria set whose id is \"..\" writes its default report folder inside Reports/",
        .enabled(if: cityindexExecutable != nil, cityindexExecutableMissing))
    func setIDShapedLikeAPath() throws {
        let exe = try #require(cityindexExecutable)
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let work = tmp.url.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try Self.criteria.replacingOccurrences(of: "id: tiny", with: "id: \"..\"")
            .write(toFile: work.path + "/dots.yaml", atomically: true, encoding: .utf8)
        try Self.data.write(toFile: work.path + "/hostile.csv", atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = exe
        p.arguments = ["report", "--criteria", "dots.yaml", "--data", "hostile.csv", "--db", "s.sqlite", "--profiles", "--as-of", "2025-01-01"]
        p.currentDirectoryURL = work
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let written = Self.files(under: tmp.url)
        #expect(written.contains("work/Reports/_/2024/report.md"))
        for file in written {
            #expect(["work/dots.yaml", "work/hostile.csv", "work/s.sqlite"].contains(file) || file.hasPrefix("work/Reports/_/2024/"), "\(file)")
        }

        // Ids with separators are refused before anything is written.
        for id in ["../../escape", "/tmp/escape", "a/b", "a\\\\b"] {
            try Self.criteria.replacingOccurrences(of: "id: tiny", with: "id: \"\(id)\"")
                .write(toFile: tmp.path("bad.yaml"), atomically: true, encoding: .utf8)
            let run = cityindex(["report", "--criteria", tmp.path("bad.yaml"), "--db", tmp.path("s2.sqlite"), "--period", "2024"])
            #expect(run.status == 1)
            #expect(run.stderr.contains("(id): id \""), "\(run.stderr)")
            #expect(run.stderr.contains("may only hold letters A-Z and a-z, digits, \"_\", \".\" and \"-\""))
        }
    }

    @Test(
        "a 100 MB field and a million columns stop with a clear error, in bounded memory",
        .enabled(if: cityindexExecutable != nil, cityindexExecutableMissing))
    func oversizedCSV() throws {
        let exe = try #require(cityindexExecutable)
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try Self.criteria.write(toFile: tmp.path("tiny.yaml"), atomically: true, encoding: .utf8)
        try "unit,name,period,a1,a2,b1\nX,X,2024,1,2,3\n".write(toFile: tmp.path("small.csv"), atomically: true, encoding: .utf8)

        // One field of 100 MiB (unquoted digits), written in pieces.
        let field = tmp.path("field.csv")
        FileManager.default.createFile(atPath: field, contents: Data("unit,indicator,period,value\nX,a1,2024,".utf8))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: field))
        try handle.seekToEnd()
        let piece = Data(repeating: UInt8(ascii: "1"), count: 1 << 20)
        for _ in 0..<100 { handle.write(piece) }
        handle.write(Data("\n".utf8))
        try handle.close()

        // A header of a million columns.
        var header = "unit"
        header.reserveCapacity(8_000_000)
        for i in 1..<1_000_000 { header += ",c\(i)" }
        try (header + "\n").write(toFile: tmp.path("columns.csv"), atomically: true, encoding: .utf8)

        // Memory bound: an address-space limit of 300 MB, far below what holding the 100 MB
        // field (plus its string) would take. A control import shows the limit suffices for the
        // tool itself; sanitizer builds reserve terabytes of shadow memory, so there the bound
        // is not applied (the errors are still checked).
        let limitKB = 300_000
        func run(_ data: String, limited: Bool) throws -> (status: Int32, stderr: String, seconds: Double) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            let command = "\"$0\" import --criteria \"$1\" --data \"$2\" --db \"$3\""
            p.arguments = ["-c", (limited ? "ulimit -v \(limitKB) && exec " : "exec ") + command,
                           exe.path, tmp.path("tiny.yaml"), tmp.path(data), tmp.path("s.sqlite")]
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            let started = Date()
            try p.run()
            let bytes = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: bytes, as: UTF8.self), Date().timeIntervalSince(started))
        }
        let control = try run("small.csv", limited: true)
        let bounded = control.status == 0
        if !bounded { print("hostile content: the tool does not run under ulimit -v \(limitKB) (a sanitizer build?); memory bound not applied") }

        let big = try run("field.csv", limited: bounded)
        #expect(big.status == 1)
        #expect(big.stderr == "error: \(tmp.path("field.csv")):2:11: a field longer than 1048576 bytes: check for an unclosed quote, and that the file is CSV text.\n")
        #expect(big.seconds < 30)

        let wide = try run("columns.csv", limited: bounded)
        #expect(wide.status == 1)
        #expect(wide.stderr == "error: \(tmp.path("columns.csv")):1:58893: more than 10000 fields in one record: check the delimiter, and that the file is CSV text.\n")
        #expect(wide.seconds < 30)
    }

    @Test("a zip bomb in a workbook stops with a clear error, whether its sizes are declared or lied about", arguments: [false, true])
    func zipBomb(lying: Bool) throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try Self.criteria.write(toFile: tmp.path("tiny.yaml"), atomically: true, encoding: .utf8)
        let real: UInt64 = 300 << 20
        let book = ZipBomb.workbook(sheetBytes: real, declaredSize: lying ? 4096 : real)
        try Data(book).write(to: URL(fileURLWithPath: tmp.path("bomb.xlsx")))
        let started = Date()
        let run = cityindex(["import", "--criteria", tmp.path("tiny.yaml"), "--data", tmp.path("bomb.xlsx"), "--db", tmp.path("s.sqlite")])
        #expect(run.status == 1)
        let path = tmp.path("bomb.xlsx")
        if lying {
            // Stopped while unpacking, as soon as the real size passed the 200 MiB limit.
            #expect(run.stderr.hasPrefix("error: \(path): xl/worksheets/sheet1.xml would unpack to "), "\(run.stderr)")
            #expect(run.stderr.hasSuffix(" bytes, more than the limit of 209715200: split the workbook, or save the data as CSV.\n"))
        } else {
            #expect(run.stderr == "error: \(path): xl/worksheets/sheet1.xml would unpack to \(real) bytes, more than the limit of 209715200: split the workbook, or save the data as CSV.\n")
        }
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(run.stdout.isEmpty)
    }

    @Test("SQL in the store binds its values: no string interpolation inside SQL text")
    func sqlUsesBoundParameters() throws {
        let folder = repositoryRoot.appendingPathComponent("Sources/CityIndexStore")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        // SQL is written in upper case in the sources; prose in messages is not.
        let keywords = ["SELECT ", "INSERT ", "UPDATE ", "DELETE ", "PRAGMA ", "CREATE ", "ALTER ", "DROP ", " WHERE ", " VALUES ", " FROM "]
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOfFile: folder.path + "/" + file, encoding: .utf8)
            // Every string literal (single-line and multi-line) that holds SQL must not interpolate.
            for literal in Self.stringLiterals(text) where keywords.contains(where: { literal.contains($0) }) {
                if literal.contains("\\(") { offenders.append("\(file): \(literal.prefix(120))") }
            }
        }
        // The one allowed form: PRAGMA user_version, which SQLite cannot bind, set from an Int.
        offenders.removeAll { $0.contains("PRAGMA user_version = \\(") }
        #expect(offenders.isEmpty, "SQL built by interpolation:\n\(offenders.joined(separator: "\n"))")
    }

    // MARK: - Helpers

    /// Checks that every table row of `markdown` has as many unescaped `|` as its header.
    static func checkTables(_ markdown: String, file: String) {
        var expected: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                expected = nil
                continue
            }
            var count = 0, escaped = false
            for c in line {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "|" { count += 1 }
            }
            if let e = expected { #expect(count == e, "\(file): \(line)") } else { expected = count }
        }
    }

    /// Raw HTML tags, and links or images not escaped, in Markdown text.
    static func liveMarkup(_ markdown: String) -> [String] {
        matches(of: "(<[A-Za-z/][^>]*>|(?<!\\\\)\\]\\((?:javascript|data):)", in: markdown)
            .filter { !["<sub>", "</sub>", "<sup>", "</sup>", "<br>"].contains($0) }  // the report's own
    }

    /// Tags that a name could have injected: script, img, foreign elements, event handlers,
    /// javascript: URLs (the report's own tags hold none of these).
    static func hostileTags(_ markup: String) -> [String] {
        matches(of: "(<[A-Za-z][^>]*>)", in: markup).filter { tag in
            let t = tag.lowercased()
            return t.hasPrefix("<script") || t.hasPrefix("<img") || t.hasPrefix("<b>") || t.hasPrefix("<iframe")
                || t.contains(" on") && t.range(of: " on[a-z]+=", options: .regularExpression) != nil || t.contains("javascript:")
        }
    }

    static func matches(of pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    /// `excel-vi` CSV (`;`, decimal comma) rewritten with `,` delimiters so `parseCSV` reads it.
    static func semicolonsToCommas(_ text: String) -> String {
        var out = "", quoted = false
        for c in text {
            if c == "\"" { quoted.toggle() }
            if !quoted, c == ";" { out.append(",") } else if !quoted, c == "," { out.append(".") } else { out.append(c) }
        }
        return out
    }

    /// The contents of the Swift string literals in `source`, roughly: `"…"` on one line and `"""…"""` blocks.
    static func stringLiterals(_ source: String) -> [String] {
        var out: [String] = []
        let parts = source.components(separatedBy: "\"\"\"")
        for (i, part) in parts.enumerated() {
            if i % 2 == 1 {
                out.append(part)
                continue
            }
            for line in part.split(separator: "\n") {
                var current = "", inside = false, escaped = false
                for c in line {
                    if inside {
                        if escaped { escaped = false; current.append(c) }
                        else if c == "\\" { escaped = true; current.append(c) }
                        else if c == "\"" { out.append(current); current = ""; inside = false }
                        else { current.append(c) }
                    } else if c == "\"" { inside = true }
                }
            }
        }
        return out
    }
}

/// A workbook whose first sheet is a deflate stream that unpacks to many bytes (a zip bomb).
enum ZipBomb {
    /// The ZIP bytes: stored workbook parts, and `xl/worksheets/sheet1.xml` deflated from
    /// `sheetBytes` bytes, declaring `declaredSize` as its size.
    static func workbook(sheetBytes: UInt64, declaredSize: UInt64) -> [UInt8] {
        let workbook = """
            <?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
            <sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>
            """
        let rels = """
            <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
            Target="worksheets/sheet1.xml"/></Relationships>
            """
        let types = """
            <?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """
        var zip = ZipWriter()
        zip.addStored("[Content_Types].xml", Array(types.utf8))
        zip.addStored("xl/workbook.xml", Array(workbook.utf8))
        zip.addStored("xl/_rels/workbook.xml.rels", Array(rels.utf8))
        // The CRC cannot be right without unpacking 300 MB; the reader must stop before checking it.
        zip.addDeflated("xl/worksheets/sheet1.xml", deflated: deflateOfRepeatedByte(count: sheetBytes), crc: 0, size: declaredSize)
        return zip.finish()
    }

    /// A raw deflate stream (one fixed-Huffman block) of `count` bytes `<`: a literal, then
    /// matches of 258 bytes at distance 1.
    static func deflateOfRepeatedByte(count: UInt64) -> [UInt8] {
        var w = BitWriter()
        w.bits(1, 1)  // BFINAL
        w.bits(1, 2)  // BTYPE 01: fixed Huffman
        w.huffman(0x30 + UInt32(UInt8(ascii: "<")), 8)  // literal '<'
        var left = count - 1
        while left >= 258 {
            w.huffman(0b1100_0101, 8)  // length 258 (symbol 285)
            w.huffman(0, 5)  // distance 1
            left -= 258
        }
        while left > 0 {
            w.huffman(0x30 + UInt32(UInt8(ascii: "<")), 8)
            left -= 1
        }
        w.huffman(0, 7)  // end of block (256)
        return w.finish()
    }

    struct BitWriter {
        var bytes: [UInt8] = []
        var current: UInt32 = 0
        var used = 0
        /// `count` bits of `value`, least significant first (header fields).
        mutating func bits(_ value: UInt32, _ count: Int) {
            for i in 0..<count { push((value >> i) & 1) }
        }
        /// A Huffman code of `count` bits, most significant first.
        mutating func huffman(_ code: UInt32, _ count: Int) {
            for i in stride(from: count - 1, through: 0, by: -1) { push((code >> i) & 1) }
        }
        private mutating func push(_ bit: UInt32) {
            current |= bit << used
            used += 1
            if used == 8 {
                bytes.append(UInt8(current))
                current = 0
                used = 0
            }
        }
        mutating func finish() -> [UInt8] {
            if used > 0 { bytes.append(UInt8(current)) }
            return bytes
        }
    }

    struct ZipWriter {
        var out: [UInt8] = []
        var central: [UInt8] = []
        var count = 0

        mutating func addStored(_ name: String, _ data: [UInt8]) {
            add(name, method: 0, payload: data, crc: crc32(data), size: UInt64(data.count))
        }

        mutating func addDeflated(_ name: String, deflated: [UInt8], crc: UInt32, size: UInt64) {
            add(name, method: 8, payload: deflated, crc: crc, size: size)
        }

        private mutating func add(_ name: String, method: UInt16, payload: [UInt8], crc: UInt32, size: UInt64) {
            let offset = UInt32(out.count)
            let nameBytes = Array(name.utf8)
            let declared = UInt32(min(size, UInt64(UInt32.max - 1)))
            var local: [UInt8] = []
            local.le32(0x0403_4B50)
            local.le16(20); local.le16(0); local.le16(method); local.le16(0); local.le16(0)
            local.le32(crc); local.le32(UInt32(payload.count)); local.le32(declared)
            local.le16(UInt16(nameBytes.count)); local.le16(0)
            out += local + nameBytes + payload
            central.le32(0x0201_4B50)
            central.le16(20); central.le16(20); central.le16(0); central.le16(method); central.le16(0); central.le16(0)
            central.le32(crc); central.le32(UInt32(payload.count)); central.le32(declared)
            central.le16(UInt16(nameBytes.count)); central.le16(0); central.le16(0); central.le16(0); central.le16(0)
            central.le32(0); central.le32(offset)
            central += nameBytes
            count += 1
        }

        mutating func finish() -> [UInt8] {
            let start = UInt32(out.count)
            var end: [UInt8] = []
            end.le32(0x0605_4B50)
            end.le16(0); end.le16(0); end.le16(UInt16(count)); end.le16(UInt16(count))
            end.le32(UInt32(central.count)); end.le32(start); end.le16(0)
            return out + central + end
        }

        func crc32(_ data: [UInt8]) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for b in data {
                crc ^= UInt32(b)
                for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
            }
            return ~crc
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    fileprivate mutating func le32(_ v: UInt32) { for i in 0..<4 { append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
}
