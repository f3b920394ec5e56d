import Testing

@testable import CityIndexFormats

@Suite("NumberParser")
struct CSVNumberParserTests {
    @Test("missing-value tokens", arguments: ["", "  ", "NA", "na", " N/A ", "n/a", "..", "-", "—", " – "])
    func missing(text: String) throws {
        #expect(try NumberParser.parse(text, decimalComma: false) == nil)
        #expect(try NumberParser.parse(text, decimalComma: true) == nil)
    }

    @Test("decimal point", arguments: [
        ("12.5", 12.5), ("-3", -3), ("1e3", 1000), ("+4.25", 4.25), (" 7 ", 7), (".5", 0.5), ("5.", 5),
        ("0.1", 0.1), ("1E-3", 0.001), ("2.5e+2", 250), ("000123", 123), ("-0", -0.0),
        ("123456789012345678901234567890", 1.2345678901234568e29), ("0.30000000000000004", 0.30000000000000004),
        ("1e-320", 1e-320), ("9007199254740993", 9007199254740992), ("1e22", 1e22), ("1e23", 1e23),
    ])
    func decimalPoint(text: String, value: Double) throws {
        #expect(try NumberParser.parse(text, decimalComma: false) == value)
    }

    @Test("decimal comma", arguments: [
        ("12,5", 12.5), ("1.234,5", 1234.5), ("-1.234.567,25", -1_234_567.25), ("1.234", 1234), ("3", 3),
        ("12.5", 12.5), ("0.125", 0.125), ("1,5e3", 1500), (",5", 0.5),
    ])
    func decimalComma(text: String, value: Double) throws {
        #expect(try NumberParser.parse(text, decimalComma: true) == value)
    }

    @Test("errors with their sentences", arguments: [
        ("12%", false, NumberError.percent("12%"), "\"12%\" is not a number: write the value without \"%\", in the indicator's unit of measure."),
        ("12.5 %", false, .percent("12.5 %"), "\"12.5 %\" is not a number: write the value without \"%\", in the indicator's unit of measure."),
        ("12,5%", true, .percent("12,5%"), "\"12,5%\" is not a number: write the value without \"%\", in the indicator's unit of measure."),
        ("1e999", false, .notFinite("1e999"),
         "\"1e999\" is not a finite number: write a finite value, or leave the cell empty when it is missing."),
        ("NaN", false, .notFinite("NaN"),
         "\"NaN\" is not a finite number: write a finite value, or leave the cell empty when it is missing."),
        ("-Inf", true, .notFinite("-Inf"),
         "\"-Inf\" is not a finite number: write a finite value, or leave the cell empty when it is missing."),
        ("1.234,5", false, .decimalCommaWithoutDialect("1.234,5"),
         "\"1.234,5\" uses a decimal comma: pass --decimal-comma, or write 1234.5."),
        ("12,5", false, .decimalCommaWithoutDialect("12,5"),
         "\"12,5\" uses a decimal comma: pass --decimal-comma, or write 12.5."),
        ("1,234.5", false, .thousandsSeparator("1,234.5", .comma),
         "\"1,234.5\" has \",\" between groups of digits: pass --thousands-separator ',' if the file groups thousands so, or write 1234.5."),
        ("1,234,567", false, .thousandsSeparator("1,234,567", .comma),
         "\"1,234,567\" has \",\" between groups of digits: pass --thousands-separator ',' if the file groups thousands so, or write 1234567."),
        ("abc", false, .notANumber("abc"),
         "\"abc\" is not a number: write a number such as 12.5, or leave the cell empty (or NA) when it is missing."),
        ("1.2.3", false, .notANumber("1.2.3"),
         "\"1.2.3\" is not a number: write a number such as 12.5, or leave the cell empty (or NA) when it is missing."),
        ("1 234", false, .thousandsSeparator("1 234", .space),
         "\"1 234\" has spaces between groups of digits: pass --thousands-separator space if the file groups thousands so, or write 1234."),
        ("1 23", false, .notANumber("1 23"),
         "\"1 23\" is not a number: write a number such as 12.5, or leave the cell empty (or NA) when it is missing."),
        ("1e", false, .notANumber("1e"),
         "\"1e\" is not a number: write a number such as 12.5, or leave the cell empty (or NA) when it is missing."),
        ("1,234.5", true, .notANumber("1,234.5"),
         "\"1,234.5\" is not a number: write a number such as 12.5, or leave the cell empty (or NA) when it is missing."),
        ("1,2,3", true, .notANumber("1,2,3"),
         "\"1,2,3\" is not a number: write a number such as 12.5, or leave the cell empty (or NA) when it is missing."),
        ("+", false, .notANumber("+"),
         "\"+\" is not a number: write a number such as 12.5, or leave the cell empty (or NA) when it is missing."),
    ])
    func errors(text: String, decimalComma: Bool, error: NumberError, message: String) {
        #expect(throws: error) { try NumberParser.parse(text, decimalComma: decimalComma) }
        #expect(error.description == message)
    }

    @Test func messageNamesTheColumn() {
        #expect(
            NumberError.percent("12%").message(column: "eys")
                == "\"12%\" in column \"eys\" is not a number: write the value without \"%\", in the indicator's unit of measure.")
    }

    /// Random plain decimals must read exactly as `Double(String)` reads them.
    @Test func agreesWithSwiftForPlainDecimals() throws {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<20_000 {
            let intDigits = Int(generator.next() % 12)
            let fracDigits = Int(generator.next() % 20)
            var text = generator.next() % 3 == 0 ? "-" : ""
            text += intDigits == 0 ? "0" : String((0..<intDigits).map { _ in Character(String(generator.next() % 10)) })
            if fracDigits > 0 {
                text += "." + String((0..<fracDigits).map { _ in Character(String(generator.next() % 10)) })
            }
            if generator.next() % 4 == 0 { text += "e\(Int(generator.next() % 40) - 20)" }
            let expected = try #require(Double(text))
            let parsed = try NumberParser.parse(text, decimalComma: false)
            #expect(parsed == expected, "\(text)")
            #expect(parsed?.sign == expected.sign, "\(text)")
        }
    }
}

/// A small deterministic random generator for reproducible tests.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
