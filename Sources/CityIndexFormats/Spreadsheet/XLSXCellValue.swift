/// The value of one cell read from a workbook.
public enum XLSXCellValue: Sendable, Hashable {
    /// No value.
    case empty
    /// A numeric cell (dates are numbers too, as spreadsheets store them).
    case number(Double)
    /// Text: a shared string, an inline string or a formula's text result; NFC-normalised.
    case text(String)
    /// A boolean cell (`TRUE` / `FALSE`).
    case bool(Bool)
    /// An error value such as `#N/A` or `#DIV/0!`.
    case error(String)

    /// The value as CSV text: numbers in the shortest form that reads back the same value
    /// (decimal point), booleans as `1` / `0`, `#N/A` as empty (missing), other errors as written.
    public var csvText: String {
        switch self {
        case .empty: return ""
        case .number(let v): return CSVWriter.format(v, decimals: nil)
        case .text(let t): return t
        case .bool(let b): return b ? "1" : "0"
        case .error(let e): return e == "#N/A" ? "" : e
        }
    }
}
