import CityIndexCLI
import CityIndexFormats
import Foundation
import Testing

/// Every command that prints CSV takes `--csv-dialect`, and each dialect reads back to the
/// same cells as the data dialect: text as written, numbers equal.
@Suite("Printed CSV in every dialect")
struct PrintedCSVDialectTests {
    /// The records of `text` read in `dialect`, the header first.
    static func records(_ text: String, dialect: CSVDialect) throws -> [[String]] {
        let bytes = Array(text.utf8)
        if dialect != .data {
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "a spreadsheet dialect starts with the BOM")
            #expect(!text.dropFirst().contains("\u{FEFF}"), "one BOM, at the start")
            #expect(text.contains("\r\n"), "a spreadsheet dialect ends lines with CRLF")
        }
        var reader = try CSVReader(bytes: bytes, name: "stdout", options: dialect.readOptions)
        return try reader.readAll().map(\.fields)
    }

    /// The same cell in the data dialect and in `dialect`: equal text, or equal numbers.
    static func expectSame(_ data: String, _ other: String, dialect: CSVDialect) throws {
        if let number = try? NumberParser.parse(data, decimalComma: false), !data.isEmpty {
            #expect(try NumberParser.parse(other, decimalComma: dialect.decimalComma) == number, "\(data) vs \(other)")
        } else {
            #expect(other == data)
        }
    }

    @Test("score, compare, trend, units and runs print every dialect", arguments: [CSVDialect.excel, .excelVi])
    func printedDialects(dialect: CSVDialect) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let (criteria, data) = try TinySet.write(in: folder)
        let db = folder.path("s.sqlite")
        let earlier = "unit,name,period,a,b,c\nU1,Hà Nội,2023,9,3,900\nU2,=1+1,2023,8,-1,1500\nU3,-5,2023,10,1,700\n"
        try earlier.write(toFile: folder.path("2023.csv"), atomically: true, encoding: .utf8)
        let commands: [[String]] = [
            ["score", "--criteria", criteria, "--data", folder.path("2023.csv"), "--data", data, "--db", db, "--levels", "all"],
            ["compare", "U1", "U2", "--criteria", criteria, "--db", db, "--period", "2024", "--format", "csv"],
            ["trend", "--unit", "U1", "--criteria", criteria, "--db", db, "--format", "csv"],
            ["units", "--criteria", repo("Indicators/qd2244-provinces.yaml")],
            ["runs", "--db", db],
        ]
        for command in commands {
            let plain = cityindex(command)
            let other = cityindex(command + ["--csv-dialect", dialect.rawValue])
            #expect(plain.status == 0 && other.status == 0, "\(command[0]): \(plain.stderr) \(other.stderr)")
            let a = try Self.records(plain.stdout, dialect: .data)
            let b = try Self.records(other.stdout, dialect: dialect)
            #expect(a.count > 1 && a.count == b.count, "\(command[0])")
            for (x, y) in zip(a, b) {
                #expect(x.count == y.count)
                for (p, q) in zip(x, y) { try Self.expectSame(p, q, dialect: dialect) }
            }
        }
    }
}
