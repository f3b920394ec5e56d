/// One problem in a row of an observation file, with its place.
///
/// Prints as `data.csv:14:3: "12%" in column "eys" is not a number: write 12 or 0.12 without "%".`
public struct BadRow: Sendable, Hashable, CustomStringConvertible {
    /// The file name.
    public var file: String
    /// The 1-based physical line.
    public var line: Int
    /// The 1-based character column of the offending field.
    public var column: Int
    /// What is wrong and what to write instead, as one sentence.
    public var message: String

    /// Creates a bad-row report.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
