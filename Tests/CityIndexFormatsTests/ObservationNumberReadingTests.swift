import CityIndexCore
import Testing

@testable import CityIndexFormats

/// One value read from a CSV field and from a workbook cell under the options of each dialect:
/// read as the file declares, or refused with the place and every reading.
@Suite("Observation numbers by dialect")
struct ObservationNumberReadingTests {
    /// The options a dialect is read with, by the command-line options that give them.
    static let dialects: [String: CSVReadOptions] = [
        "default": CSVReadOptions(),
        "--thousands-separator ,": CSVReadOptions(thousandsSeparator: .comma),
        "--thousands-separator space": CSVReadOptions(thousandsSeparator: .space),
        "--decimal-comma": CSVReadOptions(decimalComma: true),
        "--decimal-comma --thousands-separator space": CSVReadOptions(decimalComma: true, thousandsSeparator: .space),
        "--thousands-separator .": CSVReadOptions(thousandsSeparator: .dot),
        "--no-decimal-comma": CSVReadOptions(decimalComma: false),
    ]

    static let ambiguous5057 =
        "\"5,057\" in column \"a\" is ambiguous: 5057 if \",\" separates thousands (--thousands-separator ','), "
        + "5.057 if \",\" is the decimal mark (--decimal-comma); pass the option that fits the file, or write the number without a thousands separator."
    static let ambiguous1234 =
        "\"1.234\" in column \"a\" is ambiguous: 1,234 if \".\" is the decimal mark (--no-decimal-comma), "
        + "1234 if \".\" separates thousands (--thousands-separator '.'); pass the option that fits the file, or write the number without a thousands separator."

    /// (dialect, delimiter, text, value read or the message of the refusal).
    static let cases: [(String, String, String, String)] = [
        ("default", ",", "5,057", ambiguous5057),
        ("default", ",", "1.326", "1.326"),
        ("default", ",", "1,234.5",
         "\"1,234.5\" in column \"a\" has \",\" between groups of digits: pass --thousands-separator ',' if the file groups thousands so, or write 1234.5."),
        ("default", ",", "12,5", "\"12,5\" in column \"a\" uses a decimal comma: pass --decimal-comma, or write 12.5."),
        ("default", ",", "12%", "\"12%\" in column \"a\" is not a number: write the value without \"%\", in the indicator's unit of measure."),
        ("--thousands-separator ,", ",", "5,057", "5057"),
        ("--thousands-separator ,", ",", "1,234.5", "1234.5"),
        ("--thousands-separator ,", ";", "1,234.5", "1234.5"),
        ("--thousands-separator space", ",", "1 234.5", "1234.5"),
        ("--thousands-separator space", ",", "5,057", ambiguous5057),
        ("--decimal-comma", ",", "1.234,5", "1234.5"),
        ("--decimal-comma", ",", "1.234", "1234"),
        ("--decimal-comma", ";", "5,057", "5.057"),
        ("--decimal-comma --thousands-separator space", ";", "1 234,5", "1234.5"),
        ("--decimal-comma --thousands-separator space", ";", "1.234", ambiguous1234),
        ("--thousands-separator .", ";", "1.234", "1234"),
        ("--thousands-separator .", ",", "5,057", "5.057"),
        ("--no-decimal-comma", ";", "1.234", "1.234"),
        ("--no-decimal-comma", ";", "5,057", ambiguous5057),
        // A ';' file sniffed as decimal comma: what reads one way only is read, the rest refused.
        ("default", ";", "1.234,5", "1234.5"),
        ("default", ";", "5,057", "5.057"),
        ("default", ";", "1.234", ambiguous1234),
    ]

    /// The one value `read` gives, or its error.
    func value(_ read: () throws(ObservationFileError) -> ObservationFile) throws -> Result<Double, ObservationFileError> {
        let file: ObservationFile
        do throws(ObservationFileError) {
            file = try read()
        } catch {
            return .failure(error)
        }
        return .success(try #require(file.records.first).value)
    }

    func read(_ dialect: String, _ delimiter: String, _ text: String) throws -> Result<Double, ObservationFileError> {
        let options = try #require(Self.dialects[dialect])
        let quoted = delimiter == "," && text.contains(",") ? "\"\(text)\"" : text
        let csv = ["unit", "indicator", "period", "value"].joined(separator: delimiter) + "\n"
            + ["X", "a", "2025", quoted].joined(separator: delimiter) + "\n"
        let reader = ObservationFileReader(options: options, indicatorIDs: ["a"])
        return try value { () throws(ObservationFileError) in try reader.read(bytes: Array(csv.utf8), name: "d.csv") }
    }

    @Test("CSV fields", arguments: cases)
    func csv(dialect: String, delimiter: String, text: String, expected: String) throws {
        switch try read(dialect, delimiter, text) {
        case .success(let value): #expect(Double(expected) == value, "read \(value)")
        case .failure(let error): #expect("\(error)" == "d.csv:2:10: \(expected)")
        }
    }

    func read(_ dialect: String, cell: XLSXCellValue) throws -> Result<Double, ObservationFileError> {
        let reader = ObservationFileReader(options: try #require(Self.dialects[dialect]), indicatorIDs: ["a"])
        let table = XLSXTable(file: "d.xlsx", name: "Số liệu", rows: [
            XLSXTableRow(number: 1, cells: [.text("unit"), .text("indicator"), .text("period"), .text("value")]),
            XLSXTableRow(number: 2, cells: [.text("X"), .text("a"), .number(2025), cell]),
        ])
        return try value { () throws(ObservationFileError) in try reader.read(table: table) }
    }

    /// Text cells follow the CSV rules of the dialect (a sheet has no delimiter to sniff from).
    @Test("workbook text cells", arguments: cases.filter { $0.1 == "," })
    func workbookText(dialect: String, delimiter: String, text: String, expected: String) throws {
        switch try read(dialect, cell: .text(text)) {
        case .success(let value): #expect(Double(expected) == value, "read \(value)")
        case .failure(let error): #expect("\(error)" == "d.xlsx: 'Số liệu'!D2: \(expected)")
        }
    }

    /// Numeric cells are exact under every dialect.
    @Test("workbook numeric cells", arguments: dialects.keys.sorted(), [1.234, 5057, 1234.5, -0.001, 5.057e21, 1e-7])
    func workbookNumbers(dialect: String, value: Double) throws {
        switch try read(dialect, cell: .number(value)) {
        case .success(let read): #expect(read == value)
        case .failure(let error): Issue.record("\(error)")
        }
    }
}
