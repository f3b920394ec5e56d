import CityIndexCore
import CityIndexFormats
import CityIndexStore
import Foundation
import Testing

/// The General Statistics Office's province tables, arranged as offices publish them (long and
/// wide with Vietnamese headers, units × years for one indicator, the GSO file's own columns),
/// as CSV and as workbooks, region and whole-country rows included: each goes in with one
/// `import` command and stores the values of the plain long layout.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: GSOExtract.source), "skipped: ../shared/data/vn is not beside this clone"))
struct StatisticalTablesCLITests {
    /// One way of arranging the extract, and what reading it must give.
    struct Layout: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var extra: [String] = []
        var layout: String
        var indicators: [String]
        /// Region and whole-country rows in the file.
        var leftOut: Int
        var testDescription: String { name }
    }

    static let layouts: [Layout] = [
        Layout(name: "long, Vietnamese headers, CSV", file: "dai.csv", layout: "long", indicators: ["population", "retail"], leftOut: 56),
        Layout(name: "long, Vietnamese headers, workbook", file: "dai.xlsx", layout: "long", indicators: ["population", "retail"], leftOut: 56),
        Layout(name: "wide, Vietnamese headers, CSV", file: "rong.csv", layout: "wide", indicators: ["population", "retail"], leftOut: 28),
        Layout(name: "wide, Vietnamese headers, workbook", file: "rong.xlsx", layout: "wide", indicators: ["population", "retail"], leftOut: 28),
        Layout(
            name: "units × years, CSV, --indicator", file: "nam.csv", extra: ["--indicator", "population"],
            layout: "period-columns", indicators: ["population"], leftOut: 7),
        Layout(
            name: "units × years, workbook, indicator from the sheet name", file: "nam.xlsx", layout: "period-columns",
            indicators: ["population"], leftOut: 7),
        Layout(
            name: "the GSO file's own columns, --columns and --indicator", file: "gso.csv",
            extra: [
                "--columns", "gso_code=unit,area_name_gso=name,year=period,table=skip,topic=skip,area_level=skip,item=skip",
                "--columns", "preliminary=skip", "--indicator", "population",
            ],
            layout: "long", indicators: ["population"], leftOut: 28),
    ]

    @Test(arguments: layouts)
    func oneCommandSameValues(_ layout: Layout) throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let extract = try GSOExtract.write(in: tmp)
        let data = tmp.path(layout.file)

        let check = cityindex(["validate", "--criteria", extract.criteria, "--data", data] + layout.extra)
        #expect(check.status == 0, "\(check.stderr)")
        let values = layout.indicators.count * 63 * 4
        #expect(check.stdout.contains("\(data): \(layout.layout) layout, \(values) values for 63 units, periods 2010, 2012, 2014, 2016"), "\(check.stdout)")
        let notice = "note: \(data)\(data.hasSuffix(".xlsx") ? ", sheet \"\(extract.sheets[layout.file] ?? "")\"" : ""): left out \(layout.leftOut) region and whole-country rows, not units"
        #expect(check.stderr.hasPrefix(notice), "\(check.stderr)")
        #expect(check.stderr.split(separator: "\n").count == 1, "one line: \(check.stderr)")

        let db = tmp.path("store.sqlite")
        let run = cityindex(["import", "--criteria", extract.criteria, "--data", data, "--db", db] + layout.extra)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\(values) new"), "\(run.stdout)")
        #expect(run.stderr.hasPrefix(notice), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "one line: \(run.stderr)")

        let plain = tmp.path("plain.sqlite")
        let reference = cityindex(["import", "--criteria", extract.criteria, "--data", extract.plain, "--db", plain])
        try #require(reference.status == 0, "\(reference.stderr)")
        #expect(reference.stderr.isEmpty, "the plain file holds no region rows: \(reference.stderr)")
        let expected = try Self.stored(plain).filter { layout.indicators.contains($0.indicator) }
        #expect(expected.count == values)
        #expect(try Self.stored(db) == expected)

        // The long file's notes go with its values.
        if layout.file.hasPrefix("dai") {
            let notes = try Store(path: db).observations(indicators: nil, periods: nil)
            #expect(notes.allSatisfy { $0.note == ($0.period == .year(2016) ? "Sơ bộ" : nil) })
        }
        // The same file again is the same import: nothing new.
        let again = cityindex(["import", "--criteria", extract.criteria, "--data", data, "--db", db] + layout.extra)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.stored(db) == expected)
    }

    @Test("with another --indicator, the same file is another import")
    func optionsMakeAnotherBatch() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let extract = try GSOExtract.write(in: tmp)
        let db = tmp.path("store.sqlite")
        for indicator in ["population", "retail"] {
            let run = cityindex(["import", "--criteria", extract.criteria, "--data", tmp.path("nam.csv"), "--db", db, "--indicator", indicator])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("252 new"), "\(indicator): \(run.stdout)")
        }
    }

    /// Every stored value as `unit indicator period value`, sorted.
    static func stored(_ path: String) throws -> [StoredValue] {
        try Store(path: path).observations(indicators: nil, periods: nil)
            .map { StoredValue(unit: $0.unit, indicator: $0.indicator, period: $0.period, value: $0.value) }
            .sorted { ($0.unit, $0.indicator, $0.period) < ($1.unit, $1.indicator, $1.period) }
    }

    struct StoredValue: Equatable, CustomStringConvertible {
        var unit: String
        var indicator: String
        var period: Period
        var value: Double
        var description: String { "\(unit) \(indicator) \(period) \(value)" }
    }
}

/// Extracts of `../shared/data/vn/gso-province-tables-1995-2016.csv`: average population
/// (thousand people) and retail sales, 2010-2016 every other year, for the 63 provinces and the
/// region and whole-country rows the yearbook prints among them.
///
/// Hà Tây (code 28, merged into Hà Nội in 2008) is left out of every extract: its rows for these
/// years are empty and it is not a unit of the 2024 registry (units over time are issue 13's).
enum GSOExtract {
    static let source = shared("data/vn/gso-province-tables-1995-2016.csv")
    static let years = ["2010", "2012", "2014", "2016"]
    static let tables: [String: String] = [
        "Average population by province\u{1}Total": "population",
        "Retail sales of goods and services at current prices by province\u{1}": "retail",
    ]
    /// The yearbook's English region names as its Vietnamese edition prints them.
    static let vietnamese: [String: String] = [
        "WHOLE COUNTRY": "CẢ NƯỚC", "Red River Delta": "Đồng bằng sông Hồng",
        "Northern midlands and mountain areas": "Trung du và miền núi phía Bắc",
        "Northern Central area and Central coastal area": "Bắc Trung Bộ và duyên hải miền Trung",
        "Central Highlands": "Tây Nguyên", "South East": "Đông Nam Bộ", "Mekong River Delta": "Đồng bằng sông Cửu Long",
    ]

    struct Row: Sendable {
        var fields: [String: String]
        var indicator: String
        var code: String { fields["gso_code"] ?? "" }
        var year: String { fields["year"] ?? "" }
        var value: String { fields["value"] ?? "" }
    }

    struct Written {
        var criteria: String
        var plain: String
        /// The sheet name of each workbook.
        var sheets: [String: String]
    }

    /// The rows of the two tables for the four years, and the population table's lines as the
    /// GSO file writes them (header first); read once for every test.
    static let selected: Result<(rows: [Row], gsoLines: [[String]]), any Error> = Result {
        var reader = try CSVReader(path: source)
        guard let header = try reader.nextRecord()?.fields else { throw CLIProcessError("\(source) is empty") }
        var rows: [Row] = []
        var gsoLines: [[String]] = [header]
        while let r = try reader.nextRecord() {
            let f = Dictionary(uniqueKeysWithValues: zip(header, r.fields))
            guard let id = tables[(f["table"] ?? "") + "\u{1}" + (f["item"] ?? "")], years.contains(f["year"] ?? ""),
                f["gso_code"] != "28"
            else { continue }
            rows.append(Row(fields: f, indicator: id))
            if id == "population" { gsoLines.append(r.fields) }
        }
        return (rows, gsoLines)
    }

    /// Writes the set, the plain long file and every layout into `folder`.
    static func write(in folder: TemporaryFolder) throws -> Written {
        let (rows, gsoLines) = try selected.get()
        let registry = try UnitRegistry.read(path: repo("Indicators/units/vn-provinces-2024.csv"))
        let names = Dictionary(uniqueKeysWithValues: registry.units.map { ($0.code, $0.name) })
        func name(_ r: Row, english: Bool = false) -> String {
            if let n = names[r.code] { return n }
            let gso = r.fields["area_name_gso"] ?? ""
            return english ? gso : vietnamese[gso] ?? gso
        }
        func cell(_ text: String) -> CSVCell { Double(text).map { .number($0) } ?? (text.isEmpty ? .empty : .text(text)) }

        let criteria = folder.path("gso.yaml")
        try """
            id: gso-tables
            name: {en: GSO tables, vi: Bảng TCTK}
            units: [\(repo("Indicators/units/vn-provinces-2024.csv"))]
            root:
              id: index
              children:
                - {id: population}
                - {id: retail}
            """.write(toFile: criteria, atomically: true, encoding: .utf8)

        let plain = rows.filter { !$0.code.isEmpty }.map { [$0.code, $0.indicator, $0.year, $0.value] }
        try writeCSV(folder.path("plain.csv"), [["unit", "indicator", "period", "value"]] + plain)

        let long = rows.map { r in
            [r.code, name(r), r.indicator, r.year, r.value, r.fields["preliminary"] == "1" ? "Sơ bộ" : ""]
        }
        let longHeader = ["Mã tỉnh", "Tỉnh/thành phố", "Chỉ tiêu", "Năm", "Giá trị", "Ghi chú"]
        try writeCSV(folder.path("dai.csv"), [longHeader] + long)
        try writeBook(folder.path("dai.xlsx"), XLSXSheet(name: "Số liệu", header: longHeader, rows: long.map { $0.map(cell) }))

        // Wide: a row per unit and year; the regions keep the yearbook's English names.
        var wide: [[String]] = []
        var wideIndex: [String: Int] = [:]
        for r in rows {
            let key = name(r, english: true) + "|" + r.year
            if wideIndex[key] == nil {
                wideIndex[key] = wide.count
                wide.append([r.code, name(r, english: true), r.year, "", ""])
            }
            wide[wideIndex[key] ?? 0][r.indicator == "population" ? 3 : 4] = r.value
        }
        let wideHeader = ["Mã tỉnh", "Tỉnh, thành phố", "Năm", "population", "retail"]
        try writeCSV(folder.path("rong.csv"), [wideHeader] + wide)
        try writeBook(folder.path("rong.xlsx"), XLSXSheet(name: "Bảng 1", header: wideHeader, rows: wide.map { $0.map(cell) }))

        // Units × years of one indicator, as the yearbook prints a table.
        var table: [[String]] = []
        var tableIndex: [String: Int] = [:]
        for r in rows where r.indicator == "population" {
            let key = name(r)
            if tableIndex[key] == nil {
                tableIndex[key] = table.count
                table.append([r.code, name(r)] + years.map { _ in "" })
            }
            table[tableIndex[key] ?? 0][2 + (years.firstIndex(of: r.year) ?? 0)] = r.value
        }
        try writeCSV(folder.path("nam.csv"), [["Mã tỉnh", "Tỉnh/thành phố"] + years] + table)
        // In the workbook the years are numeric cells, as a spreadsheet keeps them.
        let yearCells = years.compactMap(Int.init).map { CSVCell.integer($0) }
        try writeBook(folder.path("nam.xlsx"), XLSXSheet(
            name: "population", header: [],
            rows: [[.text("Mã tỉnh"), .text("Tên tỉnh")] + yearCells] + table.map { $0.map(cell) }))

        try writeCSV(folder.path("gso.csv"), gsoLines)
        return Written(
            criteria: criteria, plain: folder.path("plain.csv"),
            sheets: ["dai.xlsx": "Số liệu", "rong.xlsx": "Bảng 1", "nam.xlsx": "population"])
    }

    static func writeCSV(_ path: String, _ rows: [[String]]) throws {
        try CSVWriter(dialect: .data, header: rows[0], rows: rows.dropFirst().map { $0.map { CSVCell.text($0) } })
            .write(toFile: path)
    }

    static func writeBook(_ path: String, _ sheet: XLSXSheet) throws {
        var book = XLSXWriter()
        book.add(sheet)
        try book.write(toFile: path)
    }
}
