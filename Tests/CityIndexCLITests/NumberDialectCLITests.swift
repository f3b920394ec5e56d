import CityIndexFormats
import Foundation
import Testing

/// Numbers through `cityindex import`, `validate` and `score`: the options that declare a
/// file's convention, and the refusals a user sees (file:line:column or cell).
@Suite("Numbers and dialects through the CLI")
struct NumberDialectCLITests {
    /// One indicator scored as it is (`normalise: none`), so the printed score is the value read.
    static let set = "id: numbers\nroot:\n  children:\n    - {id: a, normalise: none}\n"

    static let ambiguous =
        "\"5,057\" in column \"a\" is ambiguous: 5057 if \",\" separates thousands (--thousands-separator ','), "
        + "5.057 if \",\" is the decimal mark (--decimal-comma); pass the option that fits the file, or write the number without a thousands separator."

    /// (data file, its text, options, the value X gets, or the error line).
    static let cases: [(String, String, [String], String)] = [
        ("d.csv", "unit,indicator,period,value\nX,a,2025,\"5,057\"\n", [], "error: d.csv:2:10: \(ambiguous)"),
        ("d.csv", "unit,indicator,period,value\nX,a,2025,\"5,057\"\n", ["--thousands-separator", ","], "5057"),
        ("d.csv", "unit,indicator,period,value\nX,a,2025,\"5,057\"\n", ["--decimal-comma"], "5.057"),
        ("d.csv", "unit,indicator,period,value\nX,a,2025,\"1,234.5\"\n", ["--thousands-separator", ","], "1234.5"),
        ("d.csv", "unit,indicator,period,value\nX,a,2025,\"1,234.5\"\n", [],
         "error: d.csv:2:10: \"1,234.5\" in column \"a\" has \",\" between groups of digits: pass --thousands-separator ',' if the file groups thousands so, or write 1234.5."),
        ("d.csv", "unit,indicator,period,value\nX,a,2025,1 234.5\n", ["--thousands-separator", "space"], "1234.5"),
        ("d.csv", "unit,indicator,period,value\nX,a,2025,12%\n", [],
         "error: d.csv:2:10: \"12%\" in column \"a\" is not a number: write the value without \"%\", in the indicator's unit of measure."),
        ("w.csv", "unit,period,a\nX,2025,\"5,057\"\n", ["--period", "2025"], "error: w.csv:2:8: \(ambiguous)"),
        ("s.csv", "unit;indicator;period;value\nX;a;2025;1.234\n", [],
         "error: s.csv:2:10: \"1.234\" in column \"a\" is ambiguous: 1,234 if \".\" is the decimal mark (--no-decimal-comma), "
            + "1234 if \".\" separates thousands (--thousands-separator '.'); pass the option that fits the file, or write the number without a thousands separator."),
        ("s.csv", "unit;indicator;period;value\nX;a;2025;1.234\n", ["--decimal-comma"], "1234"),
        ("s.csv", "unit;indicator;period;value\nX;a;2025;1.234\n", ["--no-decimal-comma"], "1.234"),
        ("s.csv", "unit;indicator;period;value\nX;a;2025;1.234,5\n", [], "1234.5"),
    ]

    /// Runs `command` on the file and returns X's printed score, or the first line of standard error.
    func run(_ command: String, file: String, text: String, options: [String], workbook: Bool = false) throws -> (Int32, String) {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try Self.set.write(toFile: folder.path("set.yaml"), atomically: true, encoding: .utf8)
        let data = folder.path(file)
        try text.write(toFile: data, atomically: true, encoding: .utf8)
        var arguments = [command, "--criteria", folder.path("set.yaml"), "--data", data] + options
        if command != "validate" { arguments += ["--db", folder.path("s.sqlite")] }
        if command == "score" { arguments += ["--format", "csv"] }
        let result = cityindex(arguments)
        let error = result.stderr.split(separator: "\n").first.map { $0.replacingOccurrences(of: folder.url.path + "/", with: "") } ?? ""
        guard result.status == 0 else { return (result.status, error) }
        let row = parseCSV(result.stdout).first { $0["unit"] == "X" }
        return (result.status, row?["score"] ?? result.stdout)
    }

    @Test("import and score read the value as declared, or refuse it with its place", arguments: cases)
    func importAndScore(file: String, text: String, options: [String], expected: String) throws {
        let (status, out) = try run("score", file: file, text: text, options: options)
        #expect(out == expected)
        #expect(status == (expected.hasPrefix("error:") ? 1 : 0))
        let (importStatus, importOut) = try run("import", file: file, text: text, options: options)
        #expect(importStatus == status)
        if status != 0 { #expect(importOut == expected) }
    }

    @Test("validate --data reports the same refusals", arguments: cases.filter { $0.3.hasPrefix("error:") })
    func validate(file: String, text: String, options: [String], expected: String) throws {
        let (status, out) = try run("validate", file: file, text: text, options: options)
        #expect(status == 1)
        #expect(out == expected)
    }

    /// A workbook: a text cell follows the CSV rules and is named by its cell; numeric cells are exact.
    @Test("workbook cells", arguments: [
        (XLSXCellValue.text("5,057"), [String](), "error: d.xlsx: Data!D2: \(ambiguous)"),
        (.text("5,057"), ["--thousands-separator", ","], "5057"),
        (.text("1.234,5"), ["--decimal-comma"], "1234.5"),
        (.number(1.234), ["--decimal-comma"], "1.234"),
        (.number(5057), ["--thousands-separator", "."], "5057"),
        (.number(1.234), ["--thousands-separator", ","], "1.234"),
    ])
    func workbook(cell: XLSXCellValue, options: [String], expected: String) throws {
        for command in ["score", "import", "validate"] {
            let folder = try TemporaryFolder()
            defer { folder.cleanUp() }
            try Self.set.write(toFile: folder.path("set.yaml"), atomically: true, encoding: .utf8)
            var book = XLSXWriter()
            let x: CSVCell = switch cell {
            case .number(let v): .number(v)
            case .text(let t): .text(t)
            default: .empty
            }
            book.add(XLSXSheet(name: "Data", header: ["unit", "indicator", "period", "value"], rows: [[.text("X"), .text("a"), .integer(2025), x]]))
            try book.write(toFile: folder.path("d.xlsx"))
            var arguments = [command, "--criteria", folder.path("set.yaml"), "--data", folder.path("d.xlsx")] + options
            if command != "validate" { arguments += ["--db", folder.path("s.sqlite")] }
            if command == "score" { arguments += ["--format", "csv"] }
            let result = cityindex(arguments)
            let error = result.stderr.split(separator: "\n").first.map { $0.replacingOccurrences(of: folder.url.path + "/", with: "") } ?? ""
            if expected.hasPrefix("error:") {
                #expect(result.status == 1, "\(command)")
                #expect(error == expected, "\(command)")
            } else {
                #expect(result.status == 0, "\(command): \(result.stderr)")
                if command == "score" { #expect(parseCSV(result.stdout).first { $0["unit"] == "X" }?["score"] == expected) }
            }
        }
    }

    @Test("contradictory or unknown options are usage errors", arguments: [
        (["--decimal-comma", "--thousands-separator", ","],
         "Error: --thousands-separator ',' is the decimal mark too: drop --decimal-comma or declare another separator"),
        (["--no-decimal-comma", "--thousands-separator", "."],
         "Error: --thousands-separator '.' is the decimal mark too: drop --no-decimal-comma or declare another separator"),
        (["--thousands-separator", "'"], "Error: --thousands-separator \"'\" is not supported: expected ',', '.', space or none"),
    ])
    func usage(options: [String], expected: String) throws {
        let (status, out) = try run("import", file: "d.csv", text: "unit,indicator,period,value\nX,a,2025,1\n", options: options)
        #expect(status == 2)
        #expect(out == expected)
    }
}
