/// One row of a sheet read from a workbook.
public struct XLSXTableRow: Sendable, Hashable {
    /// The 1-based row number in the sheet.
    public var number: Int
    /// The cells from column A on (`.empty` where the sheet has none), without trailing empty cells.
    public var cells: [XLSXCellValue]

    /// Creates a row.
    public init(number: Int, cells: [XLSXCellValue]) {
        self.number = number
        self.cells = cells
    }
}
