import CityIndexCore
import Foundation
import Testing

@testable import CityIndexFormats

@Suite("CSV dialects: written, then read back")
struct CSVDialectRoundTripTests {
    /// Text that needs guarding or quoting in some dialect, and Vietnamese.
    static let texts = [
        "Hà Nội", "TP. Hồ Chí Minh", "=HYPERLINK(\"http://x\")", "+84 24", "-minus", "@SUM(A1)", "\tTab", "\rCR",
        "a,b", "a;b", "say \"hi\"", "two\nlines", "crlf\r\nline", "'quoted", "plain", "Đắk Lắk",
    ]
    static let numbers: [Double] = [0, -0.0, 1, -1, 72.5, -3.25, 1234567.891, 0.000123, 1e-7, 1e20, -98765.4321, 0.1 + 0.2]

    @Test("text cells read back as written; numbers read back equal", arguments: CSVDialect.allCases)
    func cells(dialect: CSVDialect) throws {
        var writer = CSVWriter(dialect: dialect)
        writer.writeHeader(["text", "number", "fixed"])
        for (i, t) in Self.texts.enumerated() {
            let x = Self.numbers[i % Self.numbers.count]
            writer.writeRow([.text(t), .number(x), .number(x, decimals: 2)])
        }
        if dialect.writesByteOrderMark { #expect(Array(writer.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF]) }
        #expect(writer.text.contains(dialect == .data ? "\n" : "\r\n"))
        var reader = try CSVReader(bytes: writer.bytes, name: "t.csv")  // delimiter and decimal mark sniffed
        #expect(reader.delimiter == dialect.delimiter)
        #expect(reader.decimalComma == dialect.decimalComma)
        let header = try reader.nextRecord()
        #expect(header?.fields == ["text", "number", "fixed"])
        for (i, t) in Self.texts.enumerated() {
            let record = try #require(try reader.nextRecord())
            #expect(record.fields.count == 3)
            #expect(record.fields[0] == t.precomposedStringWithCanonicalMapping)
            let x = Self.numbers[i % Self.numbers.count]
            let back = try NumberParser.parse(record.fields[1], decimalComma: reader.decimalComma)
            #expect(back == (x == 0 ? 0 : x), "\(record.fields[1]) in \(dialect)")
            let fixed = try NumberParser.parse(record.fields[2], decimalComma: reader.decimalComma)
            #expect(fixed == Double(String(format: "%.2f", x)).map { $0 == 0 ? 0 : $0 })
        }
        #expect(try reader.nextRecord() == nil)
    }

    @Test("formula guard: text that starts like a formula is prefixed, numbers never", arguments: CSVDialect.allCases)
    func guardRules(dialect: CSVDialect) {
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            let field = CSVWriter.field(.text(start + "1"), dialect: dialect)
            #expect(field.hasPrefix("'") || field.hasPrefix("\"'"), "\(start.debugDescription) in \(dialect)")
        }
        let negative = CSVWriter.field(.number(-3.5), dialect: dialect)
        #expect(negative == (dialect.decimalComma ? "-3,5" : "-3.5"))
        #expect(CSVWriter.field(.integer(-2), dialect: dialect) == "-2")
        #expect(CSVWriter.field(.text("a\(dialect == .excelVi ? ";" : ",")b"), dialect: dialect).hasPrefix("\""))
    }

    @Test("reading removes only the guard quote")
    func unguard() {
        #expect(CSVReader.unguarded("'=1+1") == "=1+1")
        #expect(CSVReader.unguarded("'-5") == "-5")
        #expect(CSVReader.unguarded("'quoted") == "'quoted")
        #expect(CSVReader.unguarded("it's") == "it's")
        #expect(CSVReader.unguarded("'") == "'")
        #expect(CSVReader.unguarded("''=x") == "'=x")
        #expect(CSVReader.unguarded("'''+") == "''+")
        #expect(CSVReader.unguarded("''x") == "''x")
        for text in ["''+", "'=x", "'''-1", "''x", "'", "=1", "'@"] {
            #expect(CSVReader.unguarded(CSVWriter.guarded(text)) == text, "\(text)")
        }
    }

    @Test("a wide observation file written in each dialect reads back with the same numbers", arguments: CSVDialect.allCases)
    func observations(dialect: CSVDialect) throws {
        let ids = ["le", "eys", "gnipc"]
        let units = [("01", "Hà Nội"), ("79", "=cmd|' /C calc'!A0"), ("48", "Đà Nẵng; \"city\"")]
        var writer = CSVWriter(dialect: dialect)
        writer.writeHeader(["unit", "name", "period"] + ids)
        var expected: [String: Double] = [:]
        for (k, (code, name)) in units.enumerated() {
            let values = ids.indices.map { i in Double(k * 10 + i) * 1.125 - 7.3 + (i == 2 ? 12345.678 : 0) }
            for (i, id) in ids.enumerated() { expected[code + "/" + id] = values[i] }
            writer.writeRow([.text(code), .text(name), .text("2024")] + values.map { .number($0) })
        }
        let file = try ObservationFileReader(indicatorIDs: Set(ids)).read(bytes: writer.bytes, name: "w.csv")
        #expect(file.layout == .wide)
        #expect(file.records.count == expected.count)
        for r in file.records {
            #expect(r.value == expected[r.unitKey + "/" + r.indicator])
            #expect(r.period == Period("2024"))
        }
        #expect(Set(file.records.compactMap(\.unitName)) == Set(units.map { $0.1.precomposedStringWithCanonicalMapping }))
    }

    @Test("a long observation file written in each dialect reads back with the same numbers", arguments: CSVDialect.allCases)
    func longObservations(dialect: CSVDialect) throws {
        var writer = CSVWriter(dialect: dialect)
        writer.writeHeader(["unit", "indicator", "period", "value", "source", "note"])
        let values: [Double] = [-1.5, 0.000001, 98765432.1, 42]
        for (i, v) in values.enumerated() {
            writer.writeRow([.text("U\(i)"), .text("x"), .text("2024-Q3"), .number(v), .text("-survey"), .text("a\nb")])
        }
        let file = try ObservationFileReader(indicatorIDs: ["x"]).read(bytes: writer.bytes, name: "l.csv")
        #expect(file.layout == .long)
        #expect(file.records.map(\.value) == values)
        #expect(file.records.allSatisfy { $0.source == "-survey" && $0.note == "a\nb" })
    }
}
