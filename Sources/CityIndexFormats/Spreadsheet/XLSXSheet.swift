/// One worksheet to write with ``XLSXWriter``: a name, a header row and data rows.
///
/// Cells are ``CSVCell``s, so a table that writes CSV writes a sheet too: text becomes a shared
/// string (never a formula, so no guard is needed), numbers become numeric cells shown with
/// their `decimals` (`0.00` for 2), integers numeric cells shown as `0`.
///
/// ```swift
/// let sheet = XLSXSheet(name: "ranking", header: ["rank", "unit", "score"],
///                       rows: [[.integer(1), .text("Hà Nội"), .number(93.34, decimals: 2)]])
/// ```
public struct XLSXSheet: Sendable, Equatable {
    /// The sheet name (at most 31 characters, without `[]:*?/\`; longer or odd names are cleaned).
    public var name: String
    /// The header row, written in bold and frozen (it stays in view while scrolling); may be empty.
    public var header: [String]
    /// The data rows.
    public var rows: [[CSVCell]]
    /// Rows written above the header, frozen with it (labels for people, such as the names and
    /// units of a template's columns); empty by default. The CSV form of the sheet leaves them out.
    public var titleRows: [[CSVCell]] = []

    /// Creates a sheet.
    public init(name: String, header: [String], rows: [[CSVCell]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }

    /// `name` made acceptable to spreadsheets: forbidden characters replaced, at most 31 characters.
    var safeName: String {
        var cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        if cleaned.count > 31 { cleaned = String(cleaned.prefix(31)) }
        return cleaned.isEmpty ? "Sheet" : cleaned
    }
}
