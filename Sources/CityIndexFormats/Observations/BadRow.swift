/// One problem in a row of an observation file, with its place.
///
/// Prints as `data.csv:14:3: "12%" in column "eys" is not a number: write 12 or 0.12 without "%".` (or `data.xlsx: Data!C14: …` for a workbook).
public struct BadRow: Sendable, Hashable, CustomStringConvertible {
    /// The file name.
    public var file: String
    /// The 1-based physical line.
    public var line: Int
    /// The 1-based character column of the offending field.
    public var column: Int
    /// What is wrong and what to write instead, as one sentence.
    public var message: String
    /// The sheet when the row comes from a workbook; `line` is then the row and `column` the column number.
    public var sheet: String?

    /// Creates a bad-row report.
    public init(file: String, line: Int, column: Int, message: String, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.sheet = sheet
    }

    /// `file:line:column: message`, or `file: Sheet!C14: message` for a workbook.
    public var description: String {
        if let sheet { return "\(file): \(CellReference.name(sheet: sheet, row: line, column: column)): \(message)" }
        return "\(file):\(line):\(column): \(message)"
    }
}
