/// One cell to write with ``CSVWriter``.
///
/// Text is guarded against formula injection; numbers are formatted for the dialect.
public enum CSVCell: Sendable, Hashable {
    /// Text, written as is unless it starts like a formula (then prefixed with `'`).
    case text(String)
    /// A number with `decimals` fixed decimals, or the shortest text that reads back the same value when `nil`.
    case number(Double, decimals: Int?)
    /// An integer.
    case integer(Int)
    /// An empty cell.
    case empty

    /// A number written in the shortest form that reads back the same value.
    public static func number(_ value: Double) -> CSVCell { .number(value, decimals: nil) }
}
