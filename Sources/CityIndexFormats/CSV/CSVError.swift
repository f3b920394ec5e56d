/// A CSV file that cannot be read, with the place of the problem.
///
/// Every case prints as `file:line:column: what is wrong: what to do.`
public enum CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case cannotRead(file: String, reason: String)
    /// The file holds no header line (empty, or only blank lines).
    case emptyFile(file: String)
    /// The delimiter option is a byte that cannot delimit fields.
    case unsupportedDelimiter(file: String, byte: UInt8)
    /// A quoted field is not closed before the end of the file; placed at the opening quote.
    case unclosedQuote(file: String, line: Int, column: Int)
    /// A `"` inside a field that does not start with a quote.
    case quoteInUnquotedField(file: String, line: Int, column: Int)
    /// Characters between a closing quote and the next delimiter or line end.
    case textAfterClosingQuote(file: String, line: Int, column: Int)
    /// A NUL byte (binary data, or a UTF-16 file).
    case nulByte(file: String, line: Int, column: Int)
    /// Bytes that are not UTF-8.
    case invalidUTF8(file: String, line: Int, column: Int)
    /// A byte order mark (EF BB BF) that is not at the start of the file.
    case misplacedByteOrderMark(file: String, line: Int, column: Int)
    /// A field longer than the limit, in bytes; placed at the field start.
    case fieldTooLong(file: String, line: Int, column: Int, limit: Int)
    /// A record with more fields than the limit; placed at the first field over it.
    case tooManyColumns(file: String, line: Int, column: Int, limit: Int)
    /// A record whose field count differs from the header's.
    case raggedRow(file: String, line: Int, column: Int, expected: Int, found: Int)
    /// A thousands separator that is the decimal mark given (`,` with a decimal comma, `.` with a decimal point).
    case conflictingNumberConvention(file: String, decimalComma: Bool, separator: ThousandsSeparator)

    /// The file name the error is about.
    public var file: String {
        switch self {
        case .cannotRead(let file, _), .emptyFile(let file), .unsupportedDelimiter(let file, _),
            .unclosedQuote(let file, _, _), .quoteInUnquotedField(let file, _, _),
            .textAfterClosingQuote(let file, _, _), .nulByte(let file, _, _), .invalidUTF8(let file, _, _),
            .misplacedByteOrderMark(let file, _, _), .fieldTooLong(let file, _, _, _),
            .tooManyColumns(let file, _, _, _), .raggedRow(let file, _, _, _, _),
            .conflictingNumberConvention(let file, _, _):
            return file
        }
    }

    /// The place of the problem, or `nil` when it concerns the whole file.
    public var position: CSVPosition? {
        switch self {
        case .cannotRead, .emptyFile, .unsupportedDelimiter, .conflictingNumberConvention:
            return nil
        case .unclosedQuote(_, let line, let column), .quoteInUnquotedField(_, let line, let column),
            .textAfterClosingQuote(_, let line, let column), .nulByte(_, let line, let column),
            .invalidUTF8(_, let line, let column), .misplacedByteOrderMark(_, let line, let column),
            .fieldTooLong(_, let line, let column, _), .tooManyColumns(_, let line, let column, _),
            .raggedRow(_, let line, let column, _, _):
            return CSVPosition(line: line, column: column)
        }
    }

    /// The sentence without the `file:line:column:` prefix.
    public var message: String {
        switch self {
        case .cannotRead(_, let reason):
            return "cannot read the file (\(reason)): check the path and its permissions."
        case .emptyFile:
            return "the file is empty: it needs a header line naming the columns."
        case .unsupportedDelimiter(_, let byte):
            return "byte \(byte) cannot be a delimiter: use \",\", \";\", a tab or another ASCII punctuation mark."
        case .unclosedQuote:
            return "this quoted field is never closed: add the closing \" or write a quote inside a field as \"\"."
        case .quoteInUnquotedField:
            return "a \" inside an unquoted field: quote the whole field and write the inner quote as \"\"."
        case .textAfterClosingQuote:
            return "text after a closing quote: put the whole field inside the quotes and write inner quotes as \"\"."
        case .nulByte:
            return "a NUL byte: the file is binary or UTF-16; save it as UTF-8 CSV."
        case .invalidUTF8:
            return "bytes that are not UTF-8: save the file as UTF-8 CSV."
        case .misplacedByteOrderMark:
            return "a byte order mark inside the file (files pasted together?): remove it, it may only start a file."
        case .fieldTooLong(_, _, _, let limit):
            return "a field longer than \(limit) bytes: check for an unclosed quote, and that the file is CSV text."
        case .tooManyColumns(_, _, _, let limit):
            return "more than \(limit) fields in one record: check the delimiter, and that the file is CSV text."
        case .raggedRow(_, _, _, let expected, let found):
            return "this row has \(found) \(found == 1 ? "field" : "fields") but the header has \(expected): "
                + "quote fields that contain the delimiter, or add the missing ones."
        case .conflictingNumberConvention(_, let decimalComma, let separator):
            return "the thousands separator \(separator.option) is also the decimal mark (\(decimalComma ? "--decimal-comma" : "--no-decimal-comma")): "
                + "declare a separator other than the decimal mark."
        }
    }

    /// `file:line:column: message`.
    public var description: String {
        if let position { return "\(file):\(position): \(message)" }
        return "\(file): \(message)"
    }
}
