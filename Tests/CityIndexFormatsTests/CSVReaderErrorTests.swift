import Foundation
import Testing

@testable import CityIndexFormats

@Suite("CSVReader: errors")
struct CSVReaderErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var options = CSVReadOptions()
        var error: CSVError
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unclosed quote", bytes: Array("a,b\n1,\"xx\n2,3\n".utf8),
            error: .unclosedQuote(file: "t.csv", line: 2, column: 3),
            message: "t.csv:2:3: this quoted field is never closed: add the closing \" or write a quote inside a field as \"\"."),
        Case(
            name: "quote in unquoted field", bytes: Array("a,b\n1,x\"y\n".utf8),
            error: .quoteInUnquotedField(file: "t.csv", line: 2, column: 4),
            message: "t.csv:2:4: a \" inside an unquoted field: quote the whole field and write the inner quote as \"\"."),
        Case(
            name: "text after closing quote", bytes: Array("a,b\n1,\"x\"y\n".utf8),
            error: .textAfterClosingQuote(file: "t.csv", line: 2, column: 6),
            message: "t.csv:2:6: text after a closing quote: put the whole field inside the quotes and write inner quotes as \"\"."),
        Case(
            name: "text after closing quote, slow path", bytes: Array("a,b\n1,\"é\"\"x\" y\n".utf8),
            error: .textAfterClosingQuote(file: "t.csv", line: 2, column: 9),
            message: "t.csv:2:9: text after a closing quote: put the whole field inside the quotes and write inner quotes as \"\"."),
        Case(
            name: "NUL byte", bytes: Array("a,b\n1,".utf8) + [0, 0x0A],
            error: .nulByte(file: "t.csv", line: 2, column: 3),
            message: "t.csv:2:3: a NUL byte: the file is binary or UTF-16; save it as UTF-8 CSV."),
        Case(
            name: "invalid UTF-8", bytes: Array("a,b\nà,x".utf8) + [0xFF, 0x0A],
            error: .invalidUTF8(file: "t.csv", line: 2, column: 4),
            message: "t.csv:2:4: bytes that are not UTF-8: save the file as UTF-8 CSV."),
        Case(
            name: "truncated UTF-8 at the end", bytes: Array("a,b\n1,".utf8) + [0xC3],
            error: .invalidUTF8(file: "t.csv", line: 2, column: 3),
            message: "t.csv:2:3: bytes that are not UTF-8: save the file as UTF-8 CSV."),
        Case(
            name: "overlong encoding", bytes: Array("a,b\n\"".utf8) + [0xC0, 0xAF, 0x22],
            error: .invalidUTF8(file: "t.csv", line: 2, column: 2),
            message: "t.csv:2:2: bytes that are not UTF-8: save the file as UTF-8 CSV."),
        Case(
            name: "byte order mark inside", bytes: Array("a,b\n1,".utf8) + [0xEF, 0xBB, 0xBF] + Array("x\n".utf8),
            error: .misplacedByteOrderMark(file: "t.csv", line: 2, column: 3),
            message: "t.csv:2:3: a byte order mark inside the file (files pasted together?): remove it, it may only start a file."),
        Case(
            name: "empty file", bytes: [],
            error: .emptyFile(file: "t.csv"),
            message: "t.csv: the file is empty: it needs a header line naming the columns."),
        Case(
            name: "only a BOM and blank lines", bytes: [0xEF, 0xBB, 0xBF, 0x0A, 0x0D, 0x0A],
            error: .emptyFile(file: "t.csv"),
            message: "t.csv: the file is empty: it needs a header line naming the columns."),
        Case(
            name: "field too long", bytes: Array("a,b\n1,12345\n".utf8), options: CSVReadOptions(maxFieldBytes: 4),
            error: .fieldTooLong(file: "t.csv", line: 2, column: 3, limit: 4),
            message: "t.csv:2:3: a field longer than 4 bytes: check for an unclosed quote, and that the file is CSV text."),
        Case(
            name: "quoted field too long", bytes: Array("a,b\n1,\"12\n345\"\n".utf8), options: CSVReadOptions(maxFieldBytes: 4),
            error: .fieldTooLong(file: "t.csv", line: 2, column: 3, limit: 4),
            message: "t.csv:2:3: a field longer than 4 bytes: check for an unclosed quote, and that the file is CSV text."),
        Case(
            name: "too many columns", bytes: Array("a,b,c,d\n".utf8), options: CSVReadOptions(maxColumns: 3),
            error: .tooManyColumns(file: "t.csv", line: 1, column: 7, limit: 3),
            message: "t.csv:1:7: more than 3 fields in one record: check the delimiter, and that the file is CSV text."),
        Case(
            name: "unsupported delimiter", bytes: Array("a\"b\n".utf8), options: CSVReadOptions(delimiter: 0x22),
            error: .unsupportedDelimiter(file: "t.csv", byte: 0x22),
            message: "t.csv: byte 34 cannot be a delimiter: use \",\", \";\", a tab or another ASCII punctuation mark."),
    ]

    @Test("each error with its place and message", arguments: cases)
    func error(_ c: Case) {
        let error = CSVTestSupport.error(c.bytes, options: c.options)
        #expect(error == c.error)
        #expect(error?.description == c.message)
    }

    @Test("errors are the same when streamed in small chunks", arguments: cases)
    func streamedError(_ c: Case) throws {
        let folder = try CSVTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/t.csv"
        try Data(c.bytes).write(to: URL(fileURLWithPath: path))
        var options = c.options
        options.chunkSize = 16
        var thrown: CSVError?
        do {
            var reader = try CSVReader(path: path, options: options)
            _ = try reader.readAll()
        } catch { thrown = error }
        #expect(thrown?.position == c.error.position)
        #expect(thrown?.message == c.error.message)
    }

    @Test func hostileInputStopsEarly() {
        let huge = [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
        #expect(CSVTestSupport.error(Array("a\n\"".utf8) + huge) == .fieldTooLong(file: "t.csv", line: 2, column: 1, limit: 1 << 20))
        let wide = Array(String(repeating: ",", count: 20_000).utf8)
        #expect(CSVTestSupport.error(wide) == .tooManyColumns(file: "t.csv", line: 1, column: 10_001, limit: 10_000))
    }

    @Test func missingFile() {
        #expect(throws: CSVError.cannotRead(file: "/nonexistent/x.csv", reason: "No such file or directory")) {
            _ = try CSVReader(path: "/nonexistent/x.csv")
        }
    }
}
