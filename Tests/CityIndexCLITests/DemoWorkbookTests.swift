import CityIndexFormats
import Foundation
import Testing

/// Issue 5's done-when on the shipped demo: every CSV output of `report --xlsx --audit` (the
/// sensitivity tables the demo set declares, the audit tables and the history included) has a
/// sheet of the same rows in `report.xlsx`, in every CSV dialect. The demo report is Vietnamese,
/// so its workbook has Vietnamese sheet names and headers (issue 15): its column ids sheet says
/// which sheet holds which CSV file and each column's id, the CSV's header.
@Suite(.serialized) struct DemoWorkbookTests {
    /// The fields of one CSV file, header first.
    static func fields(_ path: String) throws -> [[String]] {
        var reader = try CSVReader(path: path)
        var rows: [[String]] = []
        while let record = try reader.nextRecord() { rows.append(record.fields) }
        return rows
    }

    /// Whether a sheet cell holds what a CSV field of `dialect` says: the same number, the
    /// same text (the CSV's formula guard removed) or nothing.
    static func same(_ cell: XLSXCellValue, _ field: String, dialect: CSVDialect) -> Bool {
        switch cell {
        case .number(let v): return (try? NumberParser.parse(field, decimalComma: dialect.decimalComma)) == v
        case .text(let t): return CSVReader.unguarded(field) == t
        case .empty: return field.isEmpty
        case .bool, .error: return false
        }
    }

    @Test("every CSV of the demo report has a sheet of the same rows, in every dialect")
    func everyCSVHasItsSheet() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        var sheetsByDialect: [CSVDialect: [String: [XLSXTableRow]]] = [:]
        for dialect in CSVDialect.allCases {
            let out = tmp.path("out-\(dialect.rawValue)")
            let run = cityindex([
                "report", "--criteria", repo("Indicators/qd2244-provinces.yaml"), "--data", repo("Indicators/demo/qd2244-demo.csv"), "--data-basis", "2025",
                "--db", tmp.path("store.sqlite"), "--out", out, "--as-of", "2025-01-01", "--csv-dialect", dialect.rawValue,
                "--xlsx", "--audit", "--no-charts", "--no-html",
            ])
            try #require(run.status == 0, "\(run.stderr)")
            let csvFiles = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".csv") }.sorted()
            // The demo set declares an uncertainty analysis, and --audit adds the audit tables.
            // The demo compares 2025 with 2024: the history of the two periods too.
            #expect(
                Set(csvFiles) == [
                    "ranking.csv", "scores.csv", "history.csv", "sensitivity-units.csv", "sensitivity-indices.csv", "audit-indicators.csv",
                    "audit-correlations.csv", "audit-pillars.csv",
                ], "\(dialect): \(csvFiles)")
            let book = try XLSXReader(path: out + "/report.xlsx")
            let columns = try WorkbookColumnIDs(book)
            var sheets: [String: [XLSXTableRow]] = [:]
            for file in csvFiles {
                guard let entry = columns.byFile[file], book.sheetNames.contains(entry.sheet) else {
                    Issue.record("\(dialect): \(file) has no sheet in report.xlsx (sheets: \(book.sheetNames))")
                    continue
                }
                let name = entry.sheet
                let sheet = try book.table(sheet: name).rows
                let csv = try Self.fields(out + "/" + file)
                #expect(sheet.count == csv.count, "\(dialect) \(file): \(sheet.count) sheet rows, \(csv.count) CSV rows")
                // The header: the CSV's ids in the column ids sheet, titles for people in the sheet.
                #expect(csv.first == entry.ids, "\(dialect) \(file)")
                #expect(sheet.first?.cells.map(\.csvText) == entry.titles, "\(dialect) \(file)")
                #expect(entry.titles != entry.ids, "\(dialect) \(file): the Vietnamese workbook has titles, not ids")
                for (row, record) in zip(sheet.dropFirst(), csv.dropFirst()) {
                    var cells = row.cells
                    if cells.count < record.count { cells += Array(repeating: .empty, count: record.count - cells.count) }
                    #expect(cells.count == record.count, "\(dialect) \(file), row \(row.number): \(cells.count) cells, \(record.count) fields")
                    for (k, (cell, field)) in zip(cells, record).enumerated() where !Self.same(cell, field, dialect: dialect) {
                        Issue.record("\(dialect) \(file), row \(row.number), column \(k + 1): sheet \(cell), CSV \"\(field)\"")
                    }
                }
                // Numbers are numeric cells, as in the other sheets.
                let numeric = sheet.dropFirst().flatMap(\.cells).filter { if case .number = $0 { true } else { false } }
                #expect(!numeric.isEmpty, "\(dialect) \(file): no numeric cell")
                sheets[name] = sheet
            }
            sheetsByDialect[dialect] = sheets
        }
        // The same numbers whatever the CSV dialect.
        let reference = try #require(sheetsByDialect[.data])
        for (dialect, sheets) in sheetsByDialect {
            #expect(sheets == reference, "\(dialect)")
        }
    }
}
