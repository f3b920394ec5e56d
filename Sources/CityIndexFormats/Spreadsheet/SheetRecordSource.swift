/// The rows of a workbook sheet as records, for the observation and criteria table readers.
///
/// Cells arrive as text, each placed at its row and column, so messages name the cell
/// (`Data!C14`). Numeric cells are written in their shortest round-trip form with the
/// convention's decimal mark and no grouping, so they read back exactly; text cells are read
/// by the convention like CSV fields.
struct SheetRecordSource: RecordSource {
    let file: String
    let sheet: String?
    let numberConvention: NumberConvention
    var decimalComma: Bool { numberConvention.decimalComma }
    private var records: [CSVRecord]
    private var next = 0

    /// The rows of `table`; formula-guard quotes removed when `removesFormulaGuard`; text
    /// numbers read by `convention` (default: a decimal point, no grouping).
    init(table: XLSXTable, removesFormulaGuard: Bool, convention: NumberConvention = NumberConvention(decimalComma: false)) {
        numberConvention = convention
        file = table.file
        sheet = table.name
        records = table.records
        if removesFormulaGuard {
            for r in records.indices { records[r].fields = records[r].fields.map(CSVReader.unguarded) }
        }
        if convention.decimalComma {
            // Numeric cells were written with a decimal point: give them the sheet's mark.
            for (r, row) in table.rows.enumerated() {
                for (c, cell) in row.cells.enumerated() {
                    if case .number = cell {
                        records[r].fields[c] = records[r].fields[c].replacingBytes { $0 == UInt8(ascii: ".") ? UInt8(ascii: ",") : $0 }
                    }
                }
            }
        }
    }

    mutating func nextRecord() throws(CSVError) -> CSVRecord? {
        guard next < records.count else {
            if records.isEmpty { throw CSVError.emptyFile(file: sheet.map { "\(file), sheet \"\($0)\"" } ?? file) }
            return nil
        }
        defer { next += 1 }
        return records[next]
    }
}
