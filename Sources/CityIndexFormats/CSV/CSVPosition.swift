/// A place in a text file: a 1-based physical line and a 1-based character column.
public struct CSVPosition: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based physical line.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars from the start of the line.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}
