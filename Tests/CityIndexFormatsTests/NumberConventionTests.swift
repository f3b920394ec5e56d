import Testing

@testable import CityIndexFormats

/// Every reading of grouped and decimal numbers under each convention a file can declare:
/// what is read, and what is refused with which sentence.
@Suite("Number conventions")
struct NumberConventionTests {
    /// The conventions by the options that make them.
    static let conventions: [String: NumberConvention] = [
        "point": NumberConvention(decimalComma: false),
        "point, ','": NumberConvention(decimalComma: false, thousandsSeparator: .comma),
        "point, space": NumberConvention(decimalComma: false, thousandsSeparator: .space),
        "point, none": NumberConvention(decimalComma: false, thousandsSeparator: .noSeparator),
        "--decimal-comma": NumberConvention(decimalComma: true),
        "sniffed comma": NumberConvention(decimalComma: true, declaresDecimalMark: false),
        "comma, space": NumberConvention(decimalComma: true, thousandsSeparator: .space),
        "comma, '.'": NumberConvention(decimalComma: true, declaresDecimalMark: false, thousandsSeparator: .dot),
        "comma, none": NumberConvention(decimalComma: true, thousandsSeparator: .noSeparator),
    ]

    static func convention(_ name: String) throws -> NumberConvention {
        try #require(conventions[name], "no convention \(name)")
    }

    @Test("read", arguments: [
        // A decimal point: "1.326" is a decimal, whatever its digits (ranges catch magnitudes).
        ("1.326", "point", 1.326), ("5057", "point", 5057), ("-0.5", "point", -0.5),
        // A declared ',' between thousands.
        ("5,057", "point, ','", 5057), ("1,234.5", "point, ','", 1234.5), ("1,234,567", "point, ','", 1_234_567),
        ("-5,057", "point, ','", -5057), ("1.326", "point, ','", 1.326), ("5057", "point, ','", 5057),
        // Spaces, including the no-break spaces spreadsheets write.
        ("1 234.5", "point, space", 1234.5), ("1\u{00A0}234", "point, space", 1234), ("1\u{202F}234 567", "point, space", 1_234_567),
        // A declared decimal comma implies '.' between thousands, as before.
        ("1.234,5", "--decimal-comma", 1234.5), ("1.234", "--decimal-comma", 1234), ("12,5", "--decimal-comma", 12.5),
        ("12.5", "--decimal-comma", 12.5), ("0.125", "--decimal-comma", 0.125),
        // A decimal comma sniffed from ';': whatever reads one way only.
        ("1.234,5", "sniffed comma", 1234.5), ("1,234", "sniffed comma", 1.234), ("1.234.567", "sniffed comma", 1_234_567),
        ("12.5", "sniffed comma", 12.5),
        ("1 234,5", "comma, space", 1234.5), ("12.5", "comma, space", 12.5),
        ("1.234", "comma, '.'", 1234), ("1,5", "comma, none", 1.5),
    ])
    func reads(text: String, convention: String, value: Double) throws {
        #expect(try NumberParser.parse(text, convention: Self.convention(convention)) == value)
    }

    static let fiveThousand = "5057 if \",\" separates thousands (--thousands-separator ',')"
    static let fivePoint = "5.057 if \",\" is the decimal mark (--decimal-comma)"
    static let ambiguousEnd = "; pass the option that fits the file, or write the number without a thousands separator."

    @Test("refused, naming every reading", arguments: [
        ("5,057", "point", "\"5,057\" is ambiguous: \(fiveThousand), \(fivePoint)\(ambiguousEnd)"),
        ("-5,057", "point",
         "\"-5,057\" is ambiguous: -5057 if \",\" separates thousands (--thousands-separator ','), -5.057 if \",\" is the decimal mark (--decimal-comma)\(ambiguousEnd)"),
        ("5,057", "point, none", "\"5,057\" is ambiguous: \(fiveThousand), \(fivePoint)\(ambiguousEnd)"),
        ("5,057", "point, space", "\"5,057\" is ambiguous: \(fiveThousand), \(fivePoint)\(ambiguousEnd)"),
        ("1,000", "point",
         "\"1,000\" is ambiguous: 1000 if \",\" separates thousands (--thousands-separator ','), 1.000 if \",\" is the decimal mark (--decimal-comma)\(ambiguousEnd)"),
        ("1.234", "sniffed comma",
         "\"1.234\" is ambiguous: 1,234 if \".\" is the decimal mark (--no-decimal-comma), 1234 if \".\" separates thousands (--thousands-separator '.')\(ambiguousEnd)"),
        ("1.234", "comma, space",
         "\"1.234\" is ambiguous: 1,234 if \".\" is the decimal mark (--no-decimal-comma), 1234 if \".\" separates thousands (--thousands-separator '.')\(ambiguousEnd)"),
        ("1 234", "point, ','",
         "\"1 234\" has spaces between groups of digits: pass --thousands-separator space if the file groups thousands so, or write 1234."),
        ("1,234.5", "point",
         "\"1,234.5\" has \",\" between groups of digits: pass --thousands-separator ',' if the file groups thousands so, or write 1234.5."),
        ("1,234.5", "point, none",
         "\"1,234.5\" has \",\" between groups of digits: pass --thousands-separator ',' if the file groups thousands so, or write 1234.5."),
        ("1.234,5", "comma, space",
         "\"1.234,5\" has \".\" between groups of digits: pass --thousands-separator '.' if the file groups thousands so, or write 1234,5."),
        // One reading only: the advice keeps its magnitude.
        ("12,5", "point", "\"12,5\" uses a decimal comma: pass --decimal-comma, or write 12.5."),
        ("12,5", "point, ','", "\"12,5\" uses a decimal comma: pass --decimal-comma, or write 12.5."),
        ("0,057", "point", "\"0,057\" uses a decimal comma: pass --decimal-comma, or write 0.057."),
        ("1 234,5", "point", "\"1 234,5\" uses a decimal comma: pass --decimal-comma, or write 1234.5."),
        ("12%", "point, ','", "\"12%\" is not a number: write the value without \"%\", in the indicator's unit of measure."),
        ("1,2,3", "point, ','", "\"1,2,3\" is not a number: write a number such as 12.5, or leave the cell empty (or NA) when it is missing."),
    ])
    func refuses(text: String, convention: String, message: String) throws {
        let c = try Self.convention(convention)
        #expect(performing: { try NumberParser.parse(text, convention: c) }, throws: { error in
            (error as? NumberError)?.description == message
        })
    }

    /// No advice proposes a value of another magnitude than the text's only reading.
    @Test(arguments: ["5,057", "1,000", "12,345", "999,999"])
    func ambiguityNamesBothMagnitudes(text: String) throws {
        do {
            _ = try NumberParser.parse(text, decimalComma: false)
            Issue.record("\(text) was read")
        } catch {
            guard case .ambiguous(_, let readings) = error else {
                Issue.record("\(error)")
                return
            }
            let plain = text.replacingOccurrences(of: ",", with: "")
            #expect(readings.map(\.value) == [Double(plain), Double(text.replacingOccurrences(of: ",", with: "."))])
            #expect(!error.description.contains("write \(text.replacingOccurrences(of: ",", with: "."))."))
        }
    }

    @Test func declaredSeparatorMustDifferFromTheDecimalMark() {
        #expect(throws: CSVError.conflictingNumberConvention(file: "d.csv", decimalComma: true, separator: .comma)) {
            _ = try CSVReader(bytes: Array("a\n1\n".utf8), name: "d.csv", options: CSVReadOptions(decimalComma: true, thousandsSeparator: .comma))
        }
        let implied = try? CSVReader(bytes: Array("a;b\n1;2\n".utf8), name: "d.csv", options: CSVReadOptions(thousandsSeparator: .comma))
        #expect(implied?.numberConvention == NumberConvention(decimalComma: false, thousandsSeparator: .comma))
        let sniffed = try? CSVReader(bytes: Array("a;b\n1;2\n".utf8), name: "d.csv")
        #expect(sniffed?.numberConvention == NumberConvention(decimalComma: true, declaresDecimalMark: false))
    }
}
