/// The cells of one sheet read with ``XLSXReader``: its rows that hold at least one cell, in order.
public struct XLSXTable: Sendable, Hashable {
    /// The workbook's file name, for messages.
    public var file: String
    /// The sheet's name.
    public var name: String
    /// The rows holding at least one value, in sheet order.
    public var rows: [XLSXTableRow]

    /// Creates a table.
    public init(file: String, name: String, rows: [XLSXTableRow]) {
        self.file = file
        self.name = name
        self.rows = rows
    }

    /// The rows as CSV records: each cell's ``XLSXCellValue/csvText``, placed at line = row
    /// number and column = column number, so readers that take CSV records take sheets too.
    /// Every record has as many fields as the widest row.
    public var records: [CSVRecord] {
        let width = rows.map(\.cells.count).max() ?? 0
        return rows.map { row in
            var fields = row.cells.map(\.csvText)
            if fields.count < width { fields += Array(repeating: "", count: width - fields.count) }
            return CSVRecord(fields: fields, positions: (0..<width).map { CSVPosition(line: row.number, column: $0 + 1) })
        }
    }

    /// `Sheet!C14` for a record's line and column.
    public func reference(row: Int, column: Int) -> String {
        CellReference.name(sheet: name, row: row, column: column)
    }
}
