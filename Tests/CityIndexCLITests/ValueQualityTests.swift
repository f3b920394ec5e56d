import CityIndexCore
import CityIndexFormats
import CityIndexStore
import Foundation
import Testing

/// Issue 16, item 3: a value's data-quality level (U4SSC's six) and verified flag, read from
/// optional `quality` and `verified` columns, kept in the store and shown in the profiles and
/// report.
@Suite("Data-quality levels and verified flags")
struct ValueQualityTests {
    /// Long layout (read by the fast path): every way of writing a level and a flag, and empty cells.
    static let data = """
        unit,indicator,period,value,source,quality,verified
        X,a1,2024,1,GSO,measured,yes
        X,a2,2024,10,GSO,estimate,no
        X,b1,2024,5,GSO,,
        Y,a1,2024,3,GSO,Survey,TRUE
        Y,a2,2024,30,GSO,higher-level data,
        Y,b1,2024,0,GSO,6,0
        Z,a1,2024,2,GSO,assumptions,có
        Z,a2,2024,20,GSO,,Không
        Z,b1,2024,10,GSO,,

        """

    /// Imports `data` into a fresh store; returns the folder (the caller removes it) and the store.
    static func imported(_ data: String = data, name: String = "data.csv") throws -> (TemporaryFolder, String) {
        let tmp = try TemporaryFolder()
        try TwoPillarSet.criteria.write(toFile: tmp.path("tiny.yaml"), atomically: true, encoding: .utf8)
        try data.write(toFile: tmp.path(name), atomically: true, encoding: .utf8)
        let db = tmp.path("s.sqlite")
        let run = cityindex(["import", "--criteria", tmp.path("tiny.yaml"), "--data", tmp.path(name), "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        return (tmp, db)
    }

    /// The cells of a Markdown table row, trimmed.
    static func cells(_ line: String) -> [String] {
        line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test("the profile lists each value's level and verified mark", arguments: [
        ("en", "Data quality", ["measured, verified", "estimate, not verified", "not stated"]),
        ("vi", "Chất lượng dữ liệu", ["đo đạc, đã xác minh", "ước tính, chưa xác minh", "không nêu"]),
    ])
    func profile(language: String, column: String, marks: [String]) throws {
        let (tmp, db) = try Self.imported()
        defer { tmp.cleanUp() }
        let run = cityindex(["profile", "X", "--criteria", tmp.path("tiny.yaml"), "--db", db, "--lang", language])
        #expect(run.status == 0, "\(run.stderr)")
        // The levels table: from its header, which ends with the data-quality column, to the blank line.
        let lines = run.stdout.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("| ") && $0.hasSuffix("| \(column) |") }, "\(run.stdout)")
        let table = lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map(Self.cells)
        for (indicator, mark) in zip(["a1", "a2", "b1"], marks) {
            let cells = try #require(table.first { $0.first?.hasSuffix(indicator) == true }, "\(indicator) in \(run.stdout)")
            #expect(cells.last == mark, "\(indicator): \(cells)")
        }
        // Pillars and the index have no value of their own.
        #expect(table.first { $0.first == "**A**" }?.last == "")
    }

    @Test("report.md has a data-quality section: values per level, the share verified, and per unit the weak ones", arguments: [
        ("en", ["## Data quality", "| 1. measured | 1 |", "| 2. survey | 1 |", "| 3. higher-level data | 1 |", "| 4. assumption | 1 |",
                "| 5. estimate | 1 |", "| 6. unknown | 1 |", "| not stated | 3 |", "Verified: 3 of 9 values (33.3 %).",
                "| Unit | Not verified | Assumption | Estimate | Unknown |", "| X | 1 | 0 | 1 | 0 |", "| Y | 1 | 0 | 0 | 1 |",
                "| Z | 1 | 1 | 0 | 0 |"]),
        ("vi", ["## Chất lượng dữ liệu", "| 1. đo đạc | 1 |", "| 3. dữ liệu cấp trên | 1 |", "| không nêu | 3 |",
                "Đã xác minh: 3 trên 9 giá trị (33,3 %).", "| Đơn vị | Chưa xác minh | Giả định | Ước tính | Không rõ |",
                "| X | 1 | 0 | 1 | 0 |"]),
    ])
    func report(language: String, lines: [String]) throws {
        let (tmp, db) = try Self.imported()
        defer { tmp.cleanUp() }
        let out = tmp.path("report")
        let run = cityindex([
            "report", "--criteria", tmp.path("tiny.yaml"), "--db", db, "--out", out, "--lang", language, "--no-charts", "--no-html",
            "--profiles",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        for line in lines { #expect(md.contains(line), "\(line) in\n\(md)") }
        let profile = try String(contentsOfFile: out + "/profiles/Y.md", encoding: .utf8)
        #expect(profile.contains(language == "en" ? "unknown, not verified" : "không rõ, chưa xác minh"), "\(profile)")
    }

    @Test("an equal value re-imported with a new level, flag or source updates them without --replace; empty cells keep what is stored")
    func reimportUpdatesMarks() throws {
        let (tmp, db) = try Self.imported()
        defer { tmp.cleanUp() }
        // X a2 verified since (and its source corrected); Y b1 left empty: keeps level 6 and flag 0; Z b1 unchanged.
        try """
            unit,indicator,period,value,source,quality,verified
            X,a2,2024,10,GSO 2025,,yes
            Y,b1,2024,0,,,
            Z,b1,2024,10,GSO,,

            """.write(toFile: tmp.path("again.csv"), atomically: true, encoding: .utf8)
        let dry = cityindex(["validate", "--criteria", tmp.path("tiny.yaml"), "--data", tmp.path("again.csv"), "--db", db])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("0 new, 0 replaced, 3 unchanged value(s), 1 of them with a new source, note, quality or verified mark"), "\(dry.stdout)")
        let run = cityindex(["import", "--criteria", tmp.path("tiny.yaml"), "--data", tmp.path("again.csv"), "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("0 new, 0 replaced, 3 unchanged value(s); 1 unchanged value(s) took a new source, note, quality or verified mark"), "\(run.stdout)")
        let profile = cityindex(["profile", "X", "--criteria", tmp.path("tiny.yaml"), "--db", db, "--lang", "en"]).stdout
        #expect(profile.contains("| estimate, verified |"), "\(profile)")
        let y = cityindex(["profile", "Y", "--criteria", tmp.path("tiny.yaml"), "--db", db, "--lang", "en"]).stdout
        #expect(y.contains("| unknown, not verified |"), "\(y)")
        // The old source and marks are in the history, beside the unchanged value.
        let store = try Store(path: db)
        let history = try store.history(unit: "X", indicator: "a2", period: .year(2024))
        #expect(history.map { [$0.oldValue, $0.newValue] } == [[10, 10]])
        #expect(history.first?.oldSource == "GSO" && history.first?.oldMark == ValueMark(quality: .estimate, verified: false))
        #expect(try store.history(unit: "Y", indicator: "b1", period: .year(2024)).isEmpty)
    }

    @Test("a report whose data states no level or flag has no data-quality section or column")
    func nothingStated() throws {
        let data = Self.data.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(5).joined(separator: ",") }
            .joined(separator: "\n") + "\n"
        let (tmp, db) = try Self.imported(data)
        defer { tmp.cleanUp() }
        let out = tmp.path("report")
        let run = cityindex(["report", "--criteria", tmp.path("tiny.yaml"), "--db", db, "--out", out, "--lang", "en", "--no-charts", "--no-html", "--profiles"])
        #expect(run.status == 0, "\(run.stderr)")
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(!md.contains("Data quality"))
        #expect(!(try String(contentsOfFile: out + "/profiles/X.md", encoding: .utf8)).contains("Data quality"))
    }

    @Test("Vietnamese headers, names of levels and U4SSC's numbers are read; empty cells stay not stated")
    func vietnameseHeaders() throws {
        let data = """
            Mã tỉnh,Tỉnh/thành phố,Năm,Chỉ tiêu,Giá trị,Chất lượng,Đã xác minh
            X,Xuân Thủy,2024,a1,1,Đo đạc,có
            X,Xuân Thủy,2024,a2,10,2,
            X,Xuân Thủy,2024,b1,5,,không
            Y,Yên Bái,2024,a1,3,dữ liệu cấp trên,1
            Y,Yên Bái,2024,a2,30,  giả định ,
            Y,Yên Bái,2024,b1,0,ước tính,
            Z,Zeta,2024,a1,2,KHÔNG RÕ,false
            Z,Zeta,2024,a2,20,4,
            Z,Zeta,2024,b1,10,,

            """
        let (tmp, db) = try Self.imported(data)
        defer { tmp.cleanUp() }
        let run = cityindex(["profile", "X", "--criteria", tmp.path("tiny.yaml"), "--db", db, "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        for mark in ["measured, verified", "survey", "not verified"] { #expect(run.stdout.contains("| \(mark) |"), "\(mark) in \(run.stdout)") }
        let out = tmp.path("report")
        let report = cityindex(["report", "--criteria", tmp.path("tiny.yaml"), "--db", db, "--out", out, "--lang", "en", "--no-charts", "--no-html"])
        #expect(report.status == 0, "\(report.stderr)")
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        for line in ["| 1. measured | 1 |", "| 2. survey | 1 |", "| 3. higher-level data | 1 |", "| 4. assumption | 2 |", "| 5. estimate | 1 |",
                     "| 6. unknown | 1 |", "| not stated | 2 |", "Verified: 2 of 9 values (22.2 %)."] {
            #expect(md.contains(line), "\(line) in\n\(md)")
        }
    }

    @Test("each bad cell is refused with its place and the accepted values, by import and by validate --data", arguments: [
        ("quality", "great", "quality \"great\" is not a data-quality level: write measured, survey, higher-level, assumption, estimate or unknown (or 1 to 6 in that order; in Vietnamese: đo đạc, khảo sát, dữ liệu cấp trên, giả định, ước tính, không rõ), or leave the cell empty."),
        ("quality", "7", "quality \"7\" is not a data-quality level: write"),
        ("quality", "0", "quality \"0\" is not a data-quality level: write"),
        ("quality", "measure", "quality \"measure\" is not a data-quality level: write"),
        ("quality", "higher", "quality \"higher\" is not a data-quality level: write"),
        ("verified", "maybe", "verified \"maybe\" is neither yes nor no: write yes or no (also true/false, 1/0, có/không), or leave the cell empty."),
        ("verified", "2", "verified \"2\" is neither yes nor no: write"),
        ("verified", "y", "verified \"y\" is neither yes nor no: write"),
        ("verified", "chưa", "verified \"chưa\" is neither yes nor no: write"),
    ])
    func badCell(column: String, cell: String, message: String) throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try TwoPillarSet.criteria.write(toFile: tmp.path("tiny.yaml"), atomically: true, encoding: .utf8)
        // The bad cell is on line 2; line 3 is good and read by the fast path.
        let quality = column == "quality" ? cell : "survey", verified = column == "verified" ? cell : "yes"
        let data = "unit,indicator,period,value,quality,verified\nX,a1,2024,1,\(quality),\(verified)\nX,a2,2024,2,measured,no\n"
        // "X,a1,2024,1," is 12 characters: the quality cell starts in column 13.
        let place = "data.csv:2:\(column == "quality" ? 13 : 14 + quality.count)"
        try data.write(toFile: tmp.path("data.csv"), atomically: true, encoding: .utf8)
        let db = tmp.path("s.sqlite")
        for command in [["import", "--db", db], ["validate"]] {
            let run = cityindex([command[0], "--criteria", tmp.path("tiny.yaml"), "--data", tmp.path("data.csv")] + command.dropFirst())
            #expect(run.status != 0, "\(command[0]): \(run.stdout)")
            let line = try #require(run.stderr.split(separator: "\n").first { $0.contains(place) }, "\(command[0]): \(run.stderr)")
            #expect(line.contains("\(place): \(message)"), "\(command[0]): \(line)")
        }
    }

    @Test("an xlsx report lists each value's level and flag in the values sheet: ids, or words with --headers vi", arguments: [
        ("ids", "values", ["quality", "verified"], ["measured", "yes", "higher-level", "", "unknown", "no"]),
        ("vi", "Giá trị", ["Chất lượng dữ liệu", "Đã xác minh"], ["đo đạc", "có", "dữ liệu cấp trên", "", "không rõ", "không"]),
    ])
    func workbookValues(headers: String, sheet: String, titles: [String], cells: [String]) throws {
        let (tmp, db) = try Self.imported()
        defer { tmp.cleanUp() }
        let out = tmp.path("report")
        let run = cityindex([
            "report", "--criteria", tmp.path("tiny.yaml"), "--db", db, "--out", out, "--no-charts", "--no-html", "--xlsx", "--headers", headers,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let records = try XLSXReader(path: out + "/report.xlsx").table(sheet: sheet).records.map(\.fields)
        let header = try #require(records.first)
        #expect(Array(header.suffix(2)) == titles)
        func marks(_ unit: String, _ indicator: String) -> [String] {
            records.dropFirst().first { $0[1] == unit && $0[3] == indicator }.map { Array($0.suffix(2)) } ?? []
        }
        #expect(marks("X", "a1") + marks("Y", "a2") + marks("Y", "b1") == cells)
        #expect(marks("X", "b1") == ["", ""])
    }
}
