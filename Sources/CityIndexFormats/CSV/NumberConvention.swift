/// How a file writes its numbers: the decimal mark, and the thousands separator it declares.
///
/// A decimal comma that was declared (`--decimal-comma`) implies `.` between thousands
/// (`1.234,5`), as does one sniffed from a `;` delimiter for numbers that can only be read that
/// way; a decimal point implies no grouping at all unless a separator is declared.
///
/// ```swift
/// let english = NumberConvention(decimalComma: false, thousandsSeparator: .comma)
/// try NumberParser.parse("5,057", convention: english)    // 5057
/// try NumberParser.parse("5,057", decimalComma: false)    // throws NumberError.ambiguous
/// ```
public struct NumberConvention: Sendable, Hashable {
    /// Whether the decimal mark is the comma.
    public var decimalComma: Bool
    /// Whether the decimal mark was declared (an option) rather than sniffed from the delimiter.
    public var declaresDecimalMark: Bool
    /// The thousands separator the file declares, or nil when it declares none.
    public var thousandsSeparator: ThousandsSeparator?

    /// Creates a convention.
    public init(decimalComma: Bool, declaresDecimalMark: Bool = true, thousandsSeparator: ThousandsSeparator? = nil) {
        self.decimalComma = decimalComma
        self.declaresDecimalMark = declaresDecimalMark
        self.thousandsSeparator = thousandsSeparator
    }

    /// The separator numbers are read with: the declared one, else `.` with a decimal comma, else none.
    var grouping: ThousandsSeparator { thousandsSeparator ?? (decimalComma ? .dot : .noSeparator) }

    /// Whether the grouping was declared, by a separator or by a declared decimal comma.
    var declaresGrouping: Bool { thousandsSeparator != nil || (decimalComma && declaresDecimalMark) }
}
