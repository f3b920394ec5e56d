/// How a CSV file is written: delimiter, decimal mark, byte order mark and line ends.
///
/// The raw values (`data`, `excel`, `excel-vi`) are the names users type on the command line.
public enum CSVDialect: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// RFC 4180 for programs: comma, decimal point, UTF-8 without BOM, LF line ends.
    case data
    /// For Excel: comma, decimal point, UTF-8 with BOM, CRLF line ends.
    case excel
    /// For Excel in Vietnamese (and other decimal-comma locales): `;`, decimal comma, UTF-8 with BOM, CRLF.
    case excelVi = "excel-vi"

    /// The field delimiter.
    public var delimiter: UInt8 { self == .excelVi ? UInt8(ascii: ";") : UInt8(ascii: ",") }

    /// Whether numbers are written with a decimal comma.
    public var decimalComma: Bool { self == .excelVi }

    /// Whether the file starts with a UTF-8 byte order mark (EF BB BF).
    public var writesByteOrderMark: Bool { self != .data }

    /// The line end: LF for `data`, CRLF otherwise.
    public var lineEnd: [UInt8] { self == .data ? [0x0A] : [0x0D, 0x0A] }

    /// The read options that read back what this dialect writes.
    public var readOptions: CSVReadOptions {
        CSVReadOptions(delimiter: delimiter, decimalComma: decimalComma)
    }

    /// The name typed on the command line.
    public var description: String { rawValue }
}
