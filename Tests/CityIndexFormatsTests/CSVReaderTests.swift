import Foundation
import Testing

@testable import CityIndexFormats

@Suite("CSVReader: records")
struct CSVReaderTests {
    @Test("line ends", arguments: ["a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\r1,2\r", "a,b\n1,2", "a,b\r\n1,2"])
    func lineEnds(text: String) throws {
        let records = try CSVTestSupport.records(text)
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(records.map(\.line) == [1, 2])
    }

    @Test func quotedFields() throws {
        let text = "name,note\n\"Hà Nội, VN\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",\"\"\nlast,x\n"
        let records = try CSVTestSupport.records(text)
        #expect(records.map(\.fields) == [["name", "note"], ["Hà Nội, VN", "say \"hi\""], ["two\r\nlines", ""], ["last", "x"]])
        #expect(records.map(\.line) == [1, 2, 3, 5])
        #expect(records[2].position(of: 1) == CSVPosition(line: 4, column: 8))
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let records = try CSVTestSupport.records([0xEF, 0xBB, 0xBF] + Array("unit,le\nVN,75\n".utf8))
        #expect(records[0].fields == ["unit", "le"])
        #expect(records[0].column(of: 0) == 1)
        #expect(records[0].column(of: 1) == 6)
    }

    @Test func blankLinesAreSkipped() throws {
        let records = try CSVTestSupport.records("\n\na,b\n\r\n\n1,2\n\n")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(records.map(\.line) == [3, 6])
    }

    @Test func emptyFieldsAndTrailingDelimiter() throws {
        let records = try CSVTestSupport.records("a,b,c\n,,\n1,2,\n3,,4")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["", "", ""], ["1", "2", ""], ["3", "", "4"]])
        #expect(records[1].isBlank)
        #expect(!records[2].isBlank)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let records = try CSVTestSupport.records("ab,\"c\",é,d\n")
        #expect((0..<4).map { records[0].column(of: $0) } == [1, 4, 8, 10])
    }

    @Test func fieldsAreNFCNormalised() throws {
        let decomposed = "Tha\u{300}nh pho\u{302}\u{301}"
        let records = try CSVTestSupport.records("x\n\(decomposed)\n")
        #expect(records[1].fields[0].unicodeScalars.elementsEqual("Thành phố".unicodeScalars))
        #expect(records[1].fields[0].unicodeScalars.count == 9)
    }

    @Test("NFC quick check", arguments: [
        ("Thành phố Hồ Chí Minh", true), ("café – 5 ₫", true), ("a\u{301}", false), ("日本", false),
    ])
    func nfcQuickCheck(text: String, surelyNFC: Bool) {
        #expect(CSVReader.isSurelyNFC(Array(text.utf8)) == surelyNFC)
    }

    @Test("delimiter sniffing", arguments: [
        ("a,b,c\n1,2,3\n", UInt8(ascii: ","), false),
        ("a;b;c\n1;2,5;3\n", UInt8(ascii: ";"), true),
        ("a\tb\tc\n1\t2\t3\n", UInt8(0x09), false),
        ("\"x,y,z\";b;c\n1;2;3\n", UInt8(ascii: ";"), true),
        ("single\n1\n", UInt8(ascii: ","), false),
        ("a;b,c\n", UInt8(ascii: ","), false),
    ])
    func sniffing(text: String, delimiter: UInt8, decimalComma: Bool) throws {
        let reader = try CSVReader(bytes: Array(text.utf8), name: "t.csv")
        #expect(reader.delimiter == delimiter)
        #expect(reader.decimalComma == decimalComma)
    }

    @Test func explicitOptionsWin() throws {
        let options = CSVReadOptions(delimiter: UInt8(ascii: "|"), decimalComma: true)
        var reader = try CSVReader(bytes: Array("a|b,c\n".utf8), name: "t.csv", options: options)
        #expect(reader.decimalComma)
        #expect(try reader.nextRecord()?.fields == ["a", "b,c"])
        #expect(try reader.nextRecord() == nil)
    }

    static let tricky: String = {
        var text = "\u{FEFF}unit;name;\"note\"\r\n"
        for i in 0..<200 {
            text += "U\(i);\"Thành phố \"\"\(i)\"\"\r\nline two\";\(i),5\r"
            text += i % 7 == 0 ? "\n\n" : "\n"
        }
        return text
    }()

    @Test("streaming across chunk boundaries", arguments: [16, 17, 19, 31, 64, 1 << 20])
    func streaming(chunkSize: Int) throws {
        let folder = try CSVTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/tricky.csv"
        try Data(Self.tricky.utf8).write(to: URL(fileURLWithPath: path))
        let expected = try CSVTestSupport.records(Self.tricky)
        var reader = try CSVReader(path: path, options: CSVReadOptions(chunkSize: chunkSize))
        let streamed = try reader.readAll()
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(streamed == expected)
        #expect(streamed.count == 201)
        #expect(streamed[1].fields == ["U0", "Thành phố \"0\"\r\nline two", "0,5"])
        #expect(streamed[2].line == 5)
        #expect(streamed[200].column(of: 2) == 11)
    }

    @Test func largeFileStreamsRecordByRecord() throws {
        let folder = try CSVTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/big.csv"
        var text = "unit,value\n"
        for i in 0..<50_000 { text += "U\(i),\(i).5\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var reader = try CSVReader(path: path, options: CSVReadOptions(chunkSize: 4096))
        var count = 0
        var sum = 0.0
        while let record = try reader.nextRecord() {
            count += 1
            if count > 1 { sum += try NumberParser.parse(record.fields[1], decimalComma: false) ?? 0 }
        }
        #expect(count == 50_001)
        #expect(sum == (0..<50_000).reduce(0.0) { $0 + Double($1) + 0.5 })
    }

    @Test func raggedRowHelper() throws {
        let records = try CSVTestSupport.records("a,b,c\n1,2,3,4\n1,2\n")
        #expect(throws: Never.self) { try records[0].checkFieldCount(3, file: "t.csv") }
        #expect(throws: CSVError.raggedRow(file: "t.csv", line: 2, column: 7, expected: 3, found: 4)) {
            try records[1].checkFieldCount(3, file: "t.csv")
        }
        #expect(throws: CSVError.raggedRow(file: "t.csv", line: 3, column: 3, expected: 3, found: 2)) {
            try records[2].checkFieldCount(3, file: "t.csv")
        }
        let error = CSVError.raggedRow(file: "t.csv", line: 3, column: 3, expected: 3, found: 2)
        #expect(
            error.description
                == "t.csv:3:3: this row has 2 fields but the header has 3: quote fields that contain the delimiter, or add the missing ones."
        )
    }
}
