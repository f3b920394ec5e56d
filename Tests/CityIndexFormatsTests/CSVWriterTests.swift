import Foundation
import Testing

@testable import CityIndexFormats

@Suite("CSVWriter and CSVDialect")
struct CSVWriterTests {
    @Test("dialect names", arguments: [("data", CSVDialect.data), ("excel", .excel), ("excel-vi", .excelVi)])
    func names(raw: String, dialect: CSVDialect) {
        #expect(CSVDialect(rawValue: raw) == dialect)
        #expect(dialect.description == raw)
    }

    @Test("whole file per dialect", arguments: [
        (CSVDialect.data, Array("unit,name,score,rank\nHN,\"Hà Nội, VN\",72.5,1\nDN,'-x,-3.25,2\n".utf8)),
        (.excel, [0xEF, 0xBB, 0xBF] + Array("unit,name,score,rank\r\nHN,\"Hà Nội, VN\",72.5,1\r\nDN,'-x,-3.25,2\r\n".utf8)),
        (.excelVi, [0xEF, 0xBB, 0xBF] + Array("unit;name;score;rank\r\nHN;Hà Nội, VN;72,5;1\r\nDN;'-x;-3,25;2\r\n".utf8)),
    ])
    func wholeFile(dialect: CSVDialect, expected: [UInt8]) {
        var writer = CSVWriter(dialect: dialect)
        writer.writeHeader(["unit", "name", "score", "rank"])
        writer.writeRow([.text("HN"), .text("Hà Nội, VN"), .number(72.5), .integer(1)])
        writer.writeRow([.text("DN"), .text("-x"), .number(-3.25), .integer(2)])
        #expect(writer.bytes == expected)
    }

    @Test("formula injection guard", arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+1", "'+1"), ("-1", "'-1"), ("@cmd", "'@cmd"), ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""), ("a=b", "a=b"), ("Hà Nội", "Hà Nội"), ("", ""),
        // Text that already looks guarded gets one more quote, however many it has (a property test found `''+`).
        ("'=x", "''=x"), ("''+", "'''+"), ("'''-1", "''''-1"), ("''x", "''x"), ("'", "'"),
    ])
    func guarded(text: String, field: String) {
        for dialect in CSVDialect.allCases {
            #expect(CSVWriter.field(.text(text), dialect: dialect) == field)
        }
    }

    @Test func numericCellsAreNeverGuarded() {
        for dialect in CSVDialect.allCases {
            #expect(CSVWriter.field(.number(-3.5), dialect: dialect) == (dialect.decimalComma ? "-3,5" : "-3.5"))
            #expect(CSVWriter.field(.number(-2, decimals: 1), dialect: dialect) == (dialect.decimalComma ? "-2,0" : "-2.0"))
            #expect(CSVWriter.field(.integer(-7), dialect: dialect) == "-7")
            #expect(CSVWriter.field(.empty, dialect: dialect) == "")
        }
    }

    @Test("quoting", arguments: [
        (CSVDialect.data, "a,b", "\"a,b\""), (.data, "say \"hi\"", "\"say \"\"hi\"\"\""), (.data, "a\nb", "\"a\nb\""),
        (.data, "a\r\nb", "\"a\r\nb\""), (.data, "a;b", "a;b"), (.excel, "a,b", "\"a,b\""),
        (.excelVi, "a,b", "a,b"), (.excelVi, "a;b", "\"a;b\""), (.excelVi, "\"", "\"\"\"\""),
    ])
    func quoting(dialect: CSVDialect, text: String, field: String) {
        #expect(CSVWriter.field(.text(text), dialect: dialect) == field)
    }

    @Test("number formatting", arguments: [
        (0.1, nil, "0.1"), (3, nil, "3"), (-0.0, nil, "0"), (0, nil, "0"), (1e-6, nil, "0.000001"),
        (1.5e-7, nil, "1.5e-07"), (0.00012, nil, "0.00012"), (1e15, nil, "1000000000000000"),
        (1.2345e15, nil, "1234500000000000"), (1e16, nil, "1e+16"), (123456789.125, nil, "123456789.125"),
        (-2.5e-5, nil, "-0.000025"), (0.1 + 0.2, nil, "0.30000000000000004"), (72.5, 2, "72.50"),
        (-0.001, 2, "0.00"), (2.5, 0, "2"), (-1234.5678, 3, "-1234.568"), (.nan, nil, ""),
        (.infinity, 2, ""), (-.infinity, nil, ""),
    ] as [(Double, Int?, String)])
    func numbers(value: Double, decimals: Int?, text: String) {
        #expect(CSVWriter.format(value, decimals: decimals) == text)
        let viText = text.replacingOccurrences(of: ".", with: ",")
        #expect(CSVWriter.field(.number(value, decimals: decimals), dialect: .excelVi) == viText)
    }

    @Test("round trip writer → reader gives the same numbers and text", arguments: CSVDialect.allCases)
    func roundTrip(dialect: CSVDialect) throws {
        var generator = SplitMix64(seed: 7)
        var values: [Double] = [0, -0.0, 1e-6, 1e15, 1e16, 1e-7, 0.1, -123.456, 1.7976931348623157e308, 5e-324]
        for _ in 0..<2000 {
            let magnitude = pow(10, Double(Int(generator.next() % 30)) - 12)
            values.append((Double(generator.next() % 2_000_000) / 1_000_000 - 1) * magnitude)
            values.append(Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF))
        }
        let texts = ["plain", "a,b", "a;b", "say \"hi\"", "two\nlines", "Hà Nội", "=1+1", " spaced "]
        var writer = CSVWriter(dialect: dialect)
        writer.writeHeader(["text", "value", "fixed", "count"])
        for (i, value) in values.enumerated() {
            writer.writeRow([.text(texts[i % texts.count]), .number(value), .number(value, decimals: 3), .integer(i)])
        }
        for options in [dialect.readOptions, CSVReadOptions()] {
            var reader = try CSVReader(bytes: writer.bytes, name: "t.csv", options: options)
            #expect(reader.delimiter == dialect.delimiter)
            #expect(reader.decimalComma == dialect.decimalComma)
            let records = try reader.readAll()
            #expect(records.count == values.count + 1)
            #expect(records.first?.fields == ["text", "value", "fixed", "count"])
            for (i, value) in values.enumerated() {
                let fields = records[i + 1].fields
                let text = texts[i % texts.count]
                #expect(fields[0] == text)  // the formula guard is removed on reading
                let read = try NumberParser.parse(fields[1], decimalComma: reader.decimalComma)
                #expect(read == (value == 0 ? 0 : value), "\(value) written as \(fields[1])")
                let fixed = try #require(try NumberParser.parse(fields[2], decimalComma: reader.decimalComma))
                let expectedFixed = try #require(Double(String(format: "%.3f", value)))
                #expect(fixed == expectedFixed + 0, "\(value) fixed as \(fields[2])")
                #expect(abs(fixed - value) <= 0.0005 * (1 + 1e-9) + abs(value) * 1e-15)
                #expect(fields[3] == String(i))
            }
        }
    }

    @Test("fields written straight to bytes equal field(_:dialect:)", arguments: CSVDialect.allCases)
    func fastFieldsEqualReference(dialect: CSVDialect) {
        var generator = SplitMix64(seed: 11)
        var values: [Double] = [0, -0.0, 0.5, -0.5, 1.5, 2.5, 0.125, 0.005, 1.005, -0.0049, 72.5, 1e15, 9.999e14, 1e-7]
        for _ in 0..<5000 {
            let magnitude = pow(10, Double(Int(generator.next() % 24)) - 8)
            values.append((Double(generator.next() % 2_000_000) / 1_000_000 - 1) * magnitude)
            // Exact halves at a few decimals: the cases rounding must leave to printf.
            values.append(Double(Int(generator.next() % 200_000) - 100_000) / 1000 + 0.0005)
        }
        let texts = ["", "plain", "'", "'=x", "-1", "a,b", "a;b", "say \"hi\"", "\r\n", "=1+1", "Hà Nội"]
        for value in values {
            for decimals in [nil, 0, 1, 2, 3, 4, 6, 15, 16, 17, -1, 40] as [Int?] {
                let cell = CSVCell.number(value, decimals: decimals)
                var writer = CSVWriter(dialect: .data)
                writer.writeField(cell)
                var reference = CSVWriter.field(cell, dialect: .data)
                if dialect.decimalComma {
                    writer = CSVWriter(dialect: dialect)
                    writer.writeField(cell)
                    reference = CSVWriter.field(cell, dialect: dialect)
                }
                let bom = dialect.writesByteOrderMark && dialect.decimalComma ? 3 : 0
                #expect(Array(writer.bytes.dropFirst(bom)) == Array(reference.utf8), "\(value) decimals \(String(describing: decimals))")
            }
        }
        for text in texts {
            var writer = CSVWriter(dialect: dialect)
            writer.writeRow([.text(text), .integer(-12), .integer(0), .integer(Int.min), .empty])
            let expected = [
                CSVWriter.field(.text(text), dialect: dialect), "-12", "0", String(Int.min), "",
            ].joined(separator: String(UnicodeScalar(dialect.delimiter)))
            let bom = dialect.writesByteOrderMark ? 3 : 0
            let end = dialect == .data ? 1 : 2
            #expect(Array(writer.bytes.dropFirst(bom).dropLast(end)) == Array(expected.utf8))
            let encoded = CSVWriter.encode([.text(text), .integer(3)], dialect: dialect)
            var a = CSVWriter(dialect: dialect)
            a.writeField(.integer(1))
            a.writeEncoded(encoded, count: 2)
            a.writeField(.empty)
            a.endRow()
            var b = CSVWriter(dialect: dialect)
            b.writeRow([.integer(1), .text(text), .integer(3), .empty])
            #expect(a.bytes == b.bytes)
        }
    }

    @Test func writesFilesAtomically() throws {
        let folder = try CSVTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/out.csv"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        var writer = CSVWriter(dialect: .excel)
        writer.writeRow([.text("a"), .number(1.5)])
        try writer.write(toFile: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(writer.bytes))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
    }

    @Test func writeErrorLeavesNothingBehind() throws {
        let path = "/nonexistent-folder-\(UUID().uuidString)/out.csv"
        #expect(throws: CSVWriteError.cannotWrite(path: path, reason: "No such file or directory")) {
            try CSVWriter().write(toFile: path)
        }
        #expect(
            CSVWriteError.cannotWrite(path: "x.csv", reason: "Permission denied").description
                == "x.csv: cannot write the file (Permission denied): check that the folder exists and is writable.")
    }
}
