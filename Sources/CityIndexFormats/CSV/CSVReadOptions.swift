/// Options for ``CSVReader``: the delimiter, the decimal mark and the limits that keep hostile input bounded.
///
/// ```swift
/// var options = CSVReadOptions()
/// options.delimiter = UInt8(ascii: ";")
/// ```
public struct CSVReadOptions: Sendable, Equatable {
    /// The field delimiter, or `nil` to sniff it from the header line among `,` `;` and tab.
    public var delimiter: UInt8?
    /// Whether numbers use a decimal comma, or `nil` for "exactly when the delimiter is `;`".
    public var decimalComma: Bool?
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
        maxFieldBytes: Int = 1 << 20,
        maxColumns: Int = 10_000,
        chunkSize: Int = 1 << 20,
        removesFormulaGuard: Bool = true
    ) {
        self.delimiter = delimiter
        self.decimalComma = decimalComma
        self.maxFieldBytes = maxFieldBytes
        self.maxColumns = maxColumns
        self.chunkSize = chunkSize
        self.removesFormulaGuard = removesFormulaGuard
    }
}
