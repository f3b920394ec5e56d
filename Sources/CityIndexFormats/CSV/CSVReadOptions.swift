/// Options for ``CSVReader``: the delimiter, the decimal mark and the limits that keep hostile input bounded.
///
/// ```swift
/// var options = CSVReadOptions()
/// options.delimiter = UInt8(ascii: ";")
/// ```
public struct CSVReadOptions: Sendable, Equatable {
    /// The field delimiter, or `nil` to sniff it from the header line among `,` `;` and tab.
    public var delimiter: UInt8?
    /// Whether numbers use a decimal comma, or `nil` for "exactly when the delimiter is `;`"
    /// (a declared ``thousandsSeparator`` of `,` or `.` decides it too).
    public var decimalComma: Bool?
    /// The thousands separator the files declare, or `nil` for none declared (then only a
    /// decimal comma implies one, `.`); numbers grouped otherwise are refused, never guessed.
    public var thousandsSeparator: ThousandsSeparator?
    /// The longest field accepted, in bytes (default 1 MiB).
    public var maxFieldBytes: Int
    /// The most fields accepted in one record (default 10,000).
    public var maxColumns: Int
    /// The size of each read from a file, in bytes (default 1 MiB).
    public var chunkSize: Int
    /// Whether a leading `'` is removed from fields that start `'=`, `'+`, `'-`, `'@`, `'` tab or
    /// `'` CR: the formula guard ``CSVWriter`` and spreadsheets add to text cells (default `true`),
    /// so text reads back as it was before it was guarded.
    public var removesFormulaGuard: Bool

    /// Creates options; the defaults sniff the delimiter and the decimal mark.
    public init(
        delimiter: UInt8? = nil,
        decimalComma: Bool? = nil,
        thousandsSeparator: ThousandsSeparator? = nil,
        maxFieldBytes: Int = 1 << 20,
        maxColumns: Int = 10_000,
        chunkSize: Int = 1 << 20,
        removesFormulaGuard: Bool = true
    ) {
        self.delimiter = delimiter
        self.decimalComma = decimalComma
        self.thousandsSeparator = thousandsSeparator
        self.maxFieldBytes = maxFieldBytes
        self.maxColumns = maxColumns
        self.chunkSize = chunkSize
        self.removesFormulaGuard = removesFormulaGuard
    }

    /// How the numbers of a file delimited by `delimiter` are read: the decimal mark given, else
    /// the one a declared separator implies (`,` → point, `.` → comma), else sniffed (a comma
    /// exactly when the delimiter is `;`).
    ///
    /// - Throws: ``CSVError/conflictingNumberConvention(file:decimalComma:separator:)`` when the
    ///   separator is the decimal mark given.
    public func numberConvention(delimiter: UInt8, file: String) throws(CSVError) -> NumberConvention {
        let implied: Bool? = switch thousandsSeparator {
        case .comma?: false
        case .dot?: true
        default: nil
        }
        if let decimalComma, let implied, decimalComma != implied, let separator = thousandsSeparator {
            throw .conflictingNumberConvention(file: file, decimalComma: decimalComma, separator: separator)
        }
        let declared = decimalComma ?? implied
        return NumberConvention(
            decimalComma: declared ?? (delimiter == UInt8(ascii: ";")), declaresDecimalMark: declared != nil,
            thousandsSeparator: thousandsSeparator)
    }
}
