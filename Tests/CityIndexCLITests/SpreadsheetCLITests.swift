import CityIndexFormats
import Foundation
import Testing

@testable import CityIndexCLI

/// Whether LibreOffice's `soffice` is on the PATH.
let sofficePath: String? = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// Runs LibreOffice headless with a private profile; returns the converted file's path.
func libreOfficeConvert(_ input: String, to format: String, infilter: String? = nil, outdir: String) throws -> String {
    try libreOfficeConvert([input], to: format, infilter: infilter, outdir: outdir)[0]
}

/// Converts `inputs` in one LibreOffice run (one start-up for all of them); returns the
/// converted files' paths, in the order of `inputs`. The inputs' names must differ.
func libreOfficeConvert(_ inputs: [String], to format: String, infilter: String? = nil, outdir: String) throws -> [String] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: sofficePath ?? "soffice")
    let profile = "/tmp/lo-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: profile) }
    var args = ["-env:UserInstallation=file://\(profile)", "--headless", "--norestore"]
    if let infilter { args.append("--infilter=\(infilter)") }
    args += ["--convert-to", format, "--outdir", outdir] + inputs
    p.arguments = args
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    let ext = String(format.split(separator: ":")[0])
    return try inputs.map { input in
        let stem = ((input as NSString).lastPathComponent as NSString).deletingPathExtension
        let out = (outdir as NSString).appendingPathComponent(stem + "." + ext)
        guard FileManager.default.fileExists(atPath: out) else {
            throw CLIError("soffice did not write \(out) (status \(p.terminationStatus))")
        }
        return out
    }
}

/// A small set and data whose unit names need the formula guard and carry Vietnamese.
enum TinySet {
    static let yaml = """
        id: tiny
        name: {en: Tiny, vi: Nhỏ}
        language: en
        scale: 100
        precision: 2
        defaults:
          normalise: {method: min-max}
        root:
          id: tiny
          children:
            - id: p1
              children:
                - {id: a, unit: "%"}
                - {id: b, direction: lower}
            - id: p2
              children:
                - {id: c, unit: "người"}
        """
    static let data = #"""
        unit,name,period,a,b,c
        U1,Hà Nội,2024,12.5,3,1000
        U2,=1+1,2024,7.25,-2.5,1500.75
        U3,-5,2024,9,1,800
        U4,@Đắk Lắk,2024,15,0.5,1200
        U5,"Huế, ""cố đô""",2024,11,2,950

        """#

    static func write(in folder: TemporaryFolder) throws -> (criteria: String, data: String) {
        try yaml.write(toFile: folder.path("tiny.yaml"), atomically: true, encoding: .utf8)
        try data.write(toFile: folder.path("tiny.csv"), atomically: true, encoding: .utf8)
        return (folder.path("tiny.yaml"), folder.path("tiny.csv"))
    }
}

@Suite("Spreadsheets from the command line")
struct SpreadsheetCLITests {
    @Test("the workbook's ranking sheet has ranking.csv's columns, rank change included")
    func workbookRankingHasTheChangeColumns() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let (criteria, data) = try TinySet.write(in: folder)
        let earlier = "unit,name,period,a,b,c\nU1,Hà Nội,2023,9,3,900\nU2,=1+1,2023,8,-1,1500\nU3,-5,2023,10,1,700\n"
        try earlier.write(toFile: folder.path("2023.csv"), atomically: true, encoding: .utf8)
        let out = folder.path("out")
        let run = cityindex([
            "report", "--criteria", criteria, "--data", folder.path("2023.csv"), "--data", data, "--db", folder.path("s.sqlite"),
            "--out", out, "--xlsx", "--period", "2024",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        var csv = try CSVReader(path: out + "/ranking.csv")
        let header = try #require(try csv.nextRecord()?.fields)
        #expect(header.contains("rank_change") && header.contains("base_rank"))
        let sheet = try XLSXReader(path: out + "/report.xlsx").table(sheet: "ranking")
        #expect(sheet.rows[0].cells.map(\.csvText) == header)
        let rows = try csv.readAll().map(\.fields)
        #expect(rows.count == sheet.rows.count - 1)
        for (record, row) in zip(rows, sheet.rows.dropFirst()) {
            let change = try #require(header.firstIndex(of: "rank_change"))
            #expect(row.cells[change].csvText == record[change], "rank change of \(record[1])")
        }
    }

    @Test("report --xlsx writes a workbook beside the CSVs in every dialect, with the CSVs' numbers")
    func reportWorkbook() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let (criteria, data) = try TinySet.write(in: folder)
        var scores: [[XLSXCellValue]] = []
        for dialect in CSVDialect.allCases {
            let out = folder.path("out-\(dialect)")
            let run = cityindex([
                "report", "--criteria", criteria, "--data", data, "--db", folder.path("s.sqlite"), "--out", out,
                "--csv-dialect", dialect.rawValue, "--xlsx", "--as-of", "2025-01-01",
            ])
            #expect(run.status == 0, "\(run.stderr)")
            let book = try XLSXReader(path: out + "/report.xlsx")
            #expect(book.sheetNames == ["ranking", "scores", "values", "criteria", "methodology"])
            let ranking = try book.table(sheet: "ranking")
            let names = ranking.rows.dropFirst().map { $0.cells[2] }
            #expect(Set(names) == [.text("Hà Nội"), .text("=1+1"), .text("-5"), .text("@Đắk Lắk"), .text("Huế, \"cố đô\"")])
            // The CSV in this dialect holds the same numbers as the workbook.
            let csv = try ObservationLikeTable.read(out + "/ranking.csv")
            for (row, record) in zip(ranking.rows.dropFirst(), csv) {
                guard case .number(let score) = row.cells[3] else { Issue.record("score is not a number"); continue }
                #expect(try NumberParser.parse(record[3], decimalComma: dialect.decimalComma) == score)
                #expect(record[2] == names[ranking.rows.dropFirst().firstIndex(of: row)! - 1].csvText)
            }
            let values = try book.table(sheet: "values")
            #expect(values.rows[0].cells.map(\.csvText) == ReportWorkbookHeader.values)
            // The ranking sheet has the columns of ranking.csv, change columns included.
            var header = try CSVReader(path: out + "/ranking.csv")
            #expect(ranking.rows[0].cells.map(\.csvText) == (try header.nextRecord()?.fields))
            scores.append(ranking.rows.flatMap(\.cells))
        }
        #expect(scores.allSatisfy { $0 == scores[0] })
        // Deterministic: the same run gives the same bytes.
        let again = folder.path("again")
        _ = cityindex(["report", "--criteria", criteria, "--db", folder.path("s.sqlite"), "--out", again, "--xlsx", "--as-of", "2025-01-01", "--period", "2024"])
        let first = try Data(contentsOf: URL(fileURLWithPath: folder.path("out-data/report.xlsx")))
        let second = try Data(contentsOf: URL(fileURLWithPath: again + "/report.xlsx"))
        #expect(first == second)
    }

    @Test("import --sheet reads observations from a workbook and names bad cells")
    func importSheet() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let (criteria, _) = try TinySet.write(in: folder)
        var book = XLSXWriter()
        book.add(XLSXSheet(name: "readme", header: ["note"], rows: [[.text("data in sheet Số liệu")]]))
        book.add(XLSXSheet(name: "Số liệu", header: ["unit", "name", "period", "a", "b", "c"], rows: [
            [.text("U1"), .text("Hà Nội"), .text("2024"), .number(12.5), .number(3), .text("12%")],
        ]))
        try book.write(toFile: folder.path("d.xlsx"))
        let run = cityindex(["import", "--criteria", criteria, "--data", folder.path("d.xlsx"), "--sheet", "Số liệu", "--db", folder.path("s.sqlite")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("'Số liệu'!F2"), "\(run.stderr)")
    }

    @Test("the template.xlsx and template.csv the command writes, filled in by a script, import and give the scores of the same data as CSV")
    func template() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let criteria = repo("Indicators/qd2244-provinces.yaml")
        let run = cityindex(["template", "--criteria", criteria, "--period", "2025", "--out", folder.path("t"), "--db", folder.path("none.sqlite")])
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["template.csv", "template-notes.csv", "template.xlsx"] {
            #expect(FileManager.default.fileExists(atPath: folder.path("t/" + name)))
        }
        // The values of 2025 from the demo data, in the long layout.
        let demo = try String(contentsOfFile: repo("Indicators/demo/qd2244-demo.csv"), encoding: .utf8)
        var values: [String: String] = [:]
        var long = "unit,indicator,period,value\n"
        for line in demo.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 4, f[2] == "2025" else { continue }
            values[f[0] + "/" + f[1]] = f[3]
            long += "\(f[0]),\(f[1]),2025,\(f[3])\n"
        }
        try long.write(toFile: folder.path("long.csv"), atomically: true, encoding: .utf8)
        // Fill the CSV template.
        let template = try String(contentsOfFile: folder.path("t/template.csv"), encoding: .utf8)
        let lines = template.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        #expect(Array(header.prefix(3)) == ["unit", "name", "period"])
        #expect(lines.count == 35)
        var filled = lines[0].joined(separator: ",") + "\n"
        for row in lines.dropFirst() {
            var cells = row
            for k in 3..<header.count { cells[k] = values[row[0] + "/" + header[k]] ?? "" }
            filled += cells.joined(separator: ",") + "\n"
        }
        try filled.write(toFile: folder.path("filled.csv"), atomically: true, encoding: .utf8)
        // Fill the template.xlsx the command wrote, as a script would: read it, put the values in
        // its data sheet as numbers, write it back with the same sheets, label rows, header rows
        // and notes. Above the data sheet's header, two rows give each indicator's name and unit
        // of measure in the set's language (Vietnamese).
        let written = try XLSXReader(path: folder.path("t/template.xlsx"))
        #expect(written.sheetNames == ["data", "notes"])
        var book = XLSXWriter(), unchanged = XLSXWriter()
        for name in written.sheetNames {
            let table = try written.table(sheet: name)
            let labels = name == "data" ? 2 : 0
            let titleRows = table.rows.prefix(labels).map { $0.cells.map(Self.cell) }
            let sheetHeader = table.rows[labels].cells.map(\.csvText)
            var sheetRows = table.rows.dropFirst(labels + 1).map { row in
                row.cells.map(Self.cell) + Array(repeating: CSVCell.empty, count: max(0, sheetHeader.count - row.cells.count))
            }
            if name == "data" {
                #expect(titleRows.map { $0.first } == [.text("Tên chỉ tiêu"), .text("Đơn vị đo")])
                let column = try #require(sheetHeader.firstIndex(of: "inp_st_human_resources"))
                #expect(titleRows.map { $0[column] } == [.text("Nhân lực khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"), .text("người")])
            }
            var same = XLSXSheet(name: name, header: sheetHeader, rows: sheetRows)
            same.titleRows = titleRows
            unchanged.add(same)
            if name == "data" {
                #expect(sheetHeader == header, "the workbook's data sheet has template.csv's columns")
                #expect(sheetRows.count == 34)
                for k in sheetRows.indices {
                    let unit = table.rows[k + labels + 1].cells.first?.csvText ?? ""
                    for c in 3..<sheetHeader.count {
                        sheetRows[k][c] = values[unit + "/" + sheetHeader[c]].flatMap(Double.init).map { .number($0) } ?? .empty
                    }
                }
            }
            var filledSheet = XLSXSheet(name: name, header: sheetHeader, rows: sheetRows)
            filledSheet.titleRows = titleRows
            book.add(filledSheet)
        }
        try book.write(toFile: folder.path("filled.xlsx"))
        // Read and written back without values, the template is the same file: nothing is lost.
        let original = try Data(contentsOf: URL(fileURLWithPath: folder.path("t/template.xlsx")))
        #expect(Data(try unchanged.bytes()) == original)
        // The filled workbook is the template with values: same sheets, header rows, notes, units.
        let filledBook = try XLSXReader(path: folder.path("filled.xlsx"))
        #expect(filledBook.sheetNames == written.sheetNames)
        let notes = try written.table(sheet: "notes").rows
        #expect(notes.count > 1)
        #expect(try filledBook.table(sheet: "notes").rows == notes)
        let (before, after) = (try written.table(sheet: "data").rows, try filledBook.table(sheet: "data").rows)
        #expect(Array(after.prefix(3)) == Array(before.prefix(3)), "label rows and header")
        #expect(after.map { Array($0.cells.prefix(3)) } == before.map { Array($0.cells.prefix(3)) })
        #expect(after.dropFirst().contains { $0.cells.count > 3 }, "values were filled in")

        func score(_ data: String, _ db: String) -> String {
            let r = cityindex(["score", "--criteria", criteria, "--data", data, "--period", "2025", "--db", folder.path(db), "--format", "csv"])
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout
        }
        let expected = score(folder.path("long.csv"), "a.sqlite")
        #expect(expected.split(separator: "\n").count == 35)
        #expect(score(folder.path("filled.csv"), "b.sqlite") == expected)
        #expect(score(folder.path("filled.xlsx"), "c.sqlite") == expected)
        // cityindex import, then score from the store alone.
        let imported = cityindex(["import", "--criteria", criteria, "--data", folder.path("filled.xlsx"), "--db", folder.path("d.sqlite")])
        #expect(imported.status == 0, "\(imported.stderr)")
        let stored = cityindex(["score", "--criteria", criteria, "--period", "2025", "--db", folder.path("d.sqlite"), "--format", "csv"])
        #expect(stored.status == 0, "\(stored.stderr)")
        #expect(stored.stdout == expected)
    }

    /// A cell read from a workbook as the cell to write it back with.
    static func cell(_ value: XLSXCellValue) -> CSVCell {
        switch value {
        case .empty: .empty
        case let .number(v): .number(v)
        case let .text(t): .text(t)
        case let .bool(b): .integer(b ? 1 : 0)
        case let .error(e): .text(e)
        }
    }
}

/// Headers the tests check.
enum ReportWorkbookHeader {
    static let values = [
        "period", "unit", "unit_name", "indicator", "indicator_name", "unit_of_measure", "scored", "value",
        "value_used", "imputed", "combined", "flags",
    ]
}

/// Reads any CSV CityIndex writes into rows of fields (header skipped), guards removed.
enum ObservationLikeTable {
    static func read(_ path: String) throws -> [[String]] {
        var reader = try CSVReader(path: path)
        _ = try reader.nextRecord()
        return try reader.readAll().map(\.fields)
    }
}

@Suite("Spreadsheets checked in LibreOffice", .serialized, .enabled(if: sofficePath != nil, "skipped: LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui"))
struct SpreadsheetLibreOfficeTests {
    /// LibreOffice's CSV import filter options: separator, quote, UTF-8, first line, column formats, language.
    static func infilter(_ dialect: CSVDialect) -> String {
        dialect == .excelVi ? "CSV:59,34,76,1,,1066" : "CSV:44,34,76,1,,1033"
    }

    /// The CSV files every report below writes: the uncertainty analysis and the audit included.
    static let reportCSVs: Set<String> = [
        "ranking.csv", "scores.csv", "sensitivity-units.csv", "sensitivity-indices.csv",
        "audit-indicators.csv", "audit-correlations.csv", "audit-pillars.csv",
    ]

    @Test("every CSV a report writes opens in every dialect with numbers as numbers, diacritics intact, no formula evaluated", arguments: CSVDialect.allCases)
    func csvInLibreOffice(dialect: CSVDialect) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        // The tiny set (names that need the guard) with an uncertainty analysis, and the shipped demo.
        let (_, tinyData) = try TinySet.write(in: folder)
        let uncertain = folder.path("tiny-uncertain.yaml")
        try (TinySet.yaml + "\nuncertainty:\n  weights: 0.25\n  aggregate: [arithmetic, geometric]\n  normalise: [min-max, rank]\n  runs: 200\n  seed: 1\n")
            .write(toFile: uncertain, atomically: true, encoding: .utf8)
        let reports = [
            ("tiny", uncertain, tinyData, [String]()),
            // The demo data give 2024 on the 34 units of 2025 (Indicators/demo/README.md); its
            // CSV files and workbook with Vietnamese headers (issue 15).
            ("demo", repo("Indicators/qd2244-provinces.yaml"), repo("Indicators/demo/qd2244-demo.csv"), ["--data-basis", "2025", "--headers", "vi"]),
        ]
        let staged = folder.path("csv")
        try FileManager.default.createDirectory(atPath: staged, withIntermediateDirectories: true)
        var files: [(csv: String, workbook: String, sheet: String)] = []
        for (name, criteria, data, basis) in reports {
            let out = folder.path(name)
            let run = cityindex([
                "report", "--criteria", criteria, "--data", data, "--db", folder.path(name + ".sqlite"), "--out", out,
                "--csv-dialect", dialect.rawValue, "--xlsx", "--audit",
            ] + basis)
            #expect(run.status == 0, "\(run.stderr)")
            let written = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".csv") }
            // The demo compares 2025 with 2024, so it has the history of both.
            #expect(Set(written) == Self.reportCSVs.union(name == "demo" ? ["history.csv"] : []), "\(name) wrote \(written.sorted())")
            // The Vietnamese workbook names its sheets in Vietnamese: its last sheet says which is which.
            let sheets = name == "demo" ? try WorkbookColumnIDs(XLSXReader(path: out + "/report.xlsx")).byFile.mapValues(\.sheet) : [:]
            for file in written.sorted() {
                // One LibreOffice run converts them all: the names must differ.
                let copy = staged + "/\(name)-\(file)"
                try FileManager.default.copyItem(atPath: out + "/" + file, toPath: copy)
                files.append((copy, out + "/report.xlsx", sheets[file] ?? String(file.dropLast(4))))
            }
        }
        let converted = try libreOfficeConvert(files.map(\.csv), to: "xlsx", infilter: Self.infilter(dialect), outdir: folder.path("lo"))
        for (file, xlsx) in zip(files, converted) {
            // Our workbook's sheet of the same table says what each cell is: number, text or empty.
            let ours = try XLSXReader(path: file.workbook).table(sheet: file.sheet)
            let theirs = try XLSXReader(path: xlsx).table()
            let what = "\((file.csv as NSString).lastPathComponent) (\(dialect))"
            #expect(theirs.rows.count == ours.rows.count, "\(what): \(theirs.rows.count) rows, \(ours.rows.count) expected")
            for (a, b) in zip(ours.rows, theirs.rows) {
                for k in 0..<max(a.cells.count, b.cells.count) {
                    let mine = k < a.cells.count ? a.cells[k] : .empty
                    let lo = k < b.cells.count ? b.cells[k] : .empty
                    Self.expectSameCell(mine, lo, "\(what) row \(a.number) column \(k + 1)", dialect: dialect)
                }
            }
        }

        // The ranking: score and rank as our workbook has them, names unguarded as written.
        let ranking = try #require(zip(files, converted).first { $0.0.csv.hasSuffix("tiny-ranking.csv") })
        let ours = try XLSXReader(path: ranking.0.workbook).table(sheet: "ranking")
        let theirs = try XLSXReader(path: ranking.1).table()
        for (a, b) in zip(ours.rows.dropFirst(), theirs.rows.dropFirst()) {
            #expect(b.cells[3] == a.cells[3], "score \(b.cells[3]) in \(dialect)")  // a number, the same
            #expect(b.cells[0] == a.cells[0])  // rank
            guard case .text(let name) = b.cells[2], case .text(let expected) = a.cells[2] else {
                Issue.record("name \(b.cells[2]) is not text in \(dialect)")
                continue
            }
            #expect(CSVReader.unguarded(name) == expected)
        }
    }

    /// A cell LibreOffice read from our CSV holds what our workbook holds: a number as the same
    /// number; text as the same text (diacritics intact; the formula guard is the only change,
    /// so nothing was evaluated); empty as empty. Text that is a plain number, such as a unit
    /// code "01" or a period "2024", may arrive as that number.
    static func expectSameCell(_ mine: XLSXCellValue, _ lo: XLSXCellValue, _ what: String, dialect: CSVDialect) {
        switch (mine, lo) {
        case let (.number(x), .number(y)):
            #expect(abs(x - y) <= 1e-12 * max(1, abs(x)), "\(what): \(y), expected \(x)")
        case let (.text(t), .text(s)):
            #expect(CSVReader.unguarded(s) == t, "\(what): \"\(s)\", expected \"\(t)\"")
        case let (.text(t), .number(y)):
            let plain = dialect.decimalComma ? t.replacingOccurrences(of: ",", with: ".") : t
            #expect(Double(plain) == y, "\(what): the text \"\(t)\" arrived as the number \(y)")
        case (.empty, .empty):
            break
        default:
            Issue.record("\(what): \(lo), expected \(mine)")
        }
    }

    @Test("our workbook opens in LibreOffice and saved back (xlsx → ods → xlsx) reads the same")
    func workbookThroughLibreOffice() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let (criteria, data) = try TinySet.write(in: folder)
        let out = folder.path("r")
        #expect(cityindex(["report", "--criteria", criteria, "--data", data, "--db", folder.path("s.sqlite"), "--out", out, "--xlsx"]).status == 0)
        let ods = try libreOfficeConvert(out + "/report.xlsx", to: "ods", outdir: folder.path("ods"))
        let back = try libreOfficeConvert(ods, to: "xlsx", outdir: folder.path("back"))
        let ours = try XLSXReader(path: out + "/report.xlsx")
        let theirs = try XLSXReader(path: back)
        #expect(theirs.sheetNames == ours.sheetNames)
        for sheet in ["ranking", "scores", "values"] {
            #expect(try theirs.table(sheet: sheet).rows == ours.table(sheet: sheet).rows, "\(sheet)")
        }
    }

    @Test("the Vietnamese workbook opens in LibreOffice with its sheet names and titles, numbers as numbers and unit codes as text")
    func vietnameseWorkbookThroughLibreOffice() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let out = folder.path("demo")
        let run = cityindex([
            "report", "--criteria", repo("Indicators/qd2244-provinces.yaml"), "--data", repo("Indicators/demo/qd2244-demo.csv"),
            "--data-basis", "2025", "--db", folder.path("s.sqlite"), "--out", out, "--xlsx", "--audit", "--no-charts", "--no-html",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let ours = try XLSXReader(path: out + "/report.xlsx")
        #expect(Array(ours.sheetNames.prefix(4)) == ["Xếp hạng", "Điểm", "Qua các kỳ", "Giá trị"])
        let ods = try libreOfficeConvert(out + "/report.xlsx", to: "ods", outdir: folder.path("ods"))
        let back = try libreOfficeConvert(ods, to: "xlsx", outdir: folder.path("back"))
        let theirs = try XLSXReader(path: back)
        #expect(theirs.sheetNames == ours.sheetNames)
        for sheet in ours.sheetNames {
            let (a, b) = (try ours.table(sheet: sheet).rows, try theirs.table(sheet: sheet).rows)
            #expect(a.count == b.count, "\(sheet): \(b.count) rows, \(a.count) written")
            // LibreOffice keeps 15 significant digits of a number written with more.
            if let k = a.indices.first(where: { $0 < b.count && !Self.sameCells(a[$0].cells, b[$0].cells) }) {
                Issue.record("\(sheet) row \(a[k].number): LibreOffice \(b[k].cells), written \(a[k].cells)")
            }
        }
        // What LibreOffice holds: the titles, unit codes as text with their zeros, scores and ranks as numbers.
        let ranking = try theirs.table(sheet: "Xếp hạng").rows
        #expect(Array(ranking[0].cells.prefix(4)) == [.text("Hạng"), .text("Mã đơn vị"), .text("Tên đơn vị"), .text("Điểm")])
        let codes = ranking.dropFirst().map { $0.cells[1] }
        #expect(codes.contains(.text("01")) && codes.contains(.text("08")), "\(codes)")
        #expect(codes.allSatisfy { if case .text = $0 { true } else { false } }, "\(codes)")
        #expect(ranking.dropFirst().allSatisfy { if case .number = $0.cells[0], case .number = $0.cells[3] { true } else { false } })
        let history = try theirs.table(sheet: "Qua các kỳ").rows
        #expect(history[0].cells.map(\.csvText) == ["Mã đơn vị", "Tên đơn vị", "Điểm 2024", "Hạng 2024", "Điểm 2025", "Hạng 2025", "Thay đổi hạng 2025"])
        #expect(history.dropFirst().allSatisfy { if case .text = $0.cells[0], case .number = $0.cells[4], case .number = $0.cells[5] { true } else { false } })
        #expect(history.dropFirst().filter { if case .number = $0.cells[2] { true } else { false } }.count == 33, "2024: 33 units ranked")
    }

    /// The same cells, numbers within LibreOffice's 15 significant digits.
    static func sameCells(_ a: [XLSXCellValue], _ b: [XLSXCellValue]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            if case let .number(p) = x, case let .number(q) = y { return abs(p - q) <= 1e-14 * max(1, abs(p)) }
            return x == y
        }
    }

    @Test("CSV files keep unit codes as text in LibreOffice when their column is imported as Text, as the README says", arguments: [CSVDialect.data, .excelVi])
    func codesStayTextInLibreOffice(dialect: CSVDialect) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let out = folder.path("demo")
        let run = cityindex([
            "report", "--criteria", repo("Indicators/qd2244-provinces.yaml"), "--data", repo("Indicators/demo/qd2244-demo.csv"),
            "--data-basis", "2025", "--db", folder.path("s.sqlite"), "--out", out, "--headers", "vi", "--csv-dialect", dialect.rawValue,
            "--no-charts", "--no-html", "--no-sensitivity",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let (separator, language) = dialect == .excelVi ? (59, 1066) : (44, 1033)
        // ranking.csv has the unit code in its second column, history.csv in its first.
        for (file, column) in [("ranking.csv", 2), ("history.csv", 1)] {
            let staged = folder.path("text-" + file)
            try FileManager.default.copyItem(atPath: out + "/" + file, toPath: staged)
            let asText = try libreOfficeConvert(staged, to: "xlsx", infilter: "CSV:\(separator),34,76,1,\(column)/2,\(language)", outdir: folder.path("lo"))
            let standard = try libreOfficeConvert(out + "/" + file, to: "xlsx", infilter: "CSV:\(separator),34,76,1,,\(language)", outdir: folder.path("lo"))
            let rows = try XLSXReader(path: asText).table().rows
            #expect(rows[0].cells[column - 1] == .text("Mã đơn vị"), "\(file): the Vietnamese title")
            let codes = rows.dropFirst().map { $0.cells[column - 1] }
            #expect(codes.contains(.text("01")) && codes.contains(.text("04")), "\(file) (\(dialect)): \(codes)")
            #expect(codes.allSatisfy { if case .text = $0 { true } else { false } }, "\(file) (\(dialect))")
            // The scores beside them are numbers.
            let score = column == 2 ? 3 : 2
            let scores = rows.dropFirst().map { $0.cells[score] }
            #expect(scores.allSatisfy { if case .number = $0 { true } else { $0 == .empty } }, "\(file) (\(dialect)): \(scores)")
            #expect(scores.filter { $0 != .empty }.count >= 33, "\(file) (\(dialect)): \(scores)")
            // Opened with the standard column type, a code is read as a number and loses its zero:
            // why the README gives the instruction.
            let plain = try XLSXReader(path: standard).table().rows.dropFirst().map { $0.cells[column - 1] }
            #expect(plain.contains(.number(1)) && !plain.contains(.text("01")), "\(file) (\(dialect)): \(plain)")
        }
    }

    @Test("a template saved by LibreOffice keeps its label rows above the header, and imports as it is")
    func templateThroughLibreOffice() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let criteria = repo("Indicators/qd2244-provinces.yaml")
        let run = cityindex(["template", "--criteria", criteria, "--period", "2025", "--out", folder.path("t"), "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        let ods = try libreOfficeConvert(folder.path("t/template.xlsx"), to: "ods", outdir: folder.path("ods"))
        let back = try libreOfficeConvert(ods, to: "xlsx", outdir: folder.path("back"))
        let ours = try XLSXReader(path: folder.path("t/template.xlsx")).table(sheet: "data").rows
        let theirs = try XLSXReader(path: back).table(sheet: "data").rows
        #expect(Array(theirs.prefix(3)) == Array(ours.prefix(3)))
        #expect(theirs[0].cells.first == .text("Indicator name") && theirs[1].cells.first == .text("Unit of measure"))
        #expect(theirs[2].cells.prefix(3).map(\.csvText) == ["unit", "name", "period"])
        // The codes stay text with their zeros.
        #expect(theirs.dropFirst(3).first?.cells.first == .text("01"))
        let imported = cityindex(["import", "--criteria", criteria, "--data", back, "--db", folder.path("s.sqlite")])
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    @Test("a workbook LibreOffice saved imports into CityIndex with the same values")
    func libreOfficeWorkbookImports() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let (criteria, _) = try TinySet.write(in: folder)
        // Raw data as a department would type it (no formula-like names: those are the guard's business).
        let data = folder.path("plain.csv")
        try TinySet.data.replacingOccurrences(of: "=1+1", with: "Thừa Thiên").replacingOccurrences(of: ",-5,", with: ",Cà Mau,")
            .replacingOccurrences(of: "@Đắk", with: "Đắk").write(toFile: data, atomically: true, encoding: .utf8)
        let xlsx = try libreOfficeConvert(data, to: "xlsx", infilter: Self.infilter(.data), outdir: folder.path("lo"))
        func score(_ file: String, _ db: String) -> String {
            let r = cityindex(["score", "--criteria", criteria, "--data", file, "--db", folder.path(db), "--format", "csv", "--period", "2024"])
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout
        }
        let expected = score(data, "a.sqlite")
        #expect(expected.contains("Hà Nội"))
        #expect(score(xlsx, "b.sqlite") == expected)
    }
}
