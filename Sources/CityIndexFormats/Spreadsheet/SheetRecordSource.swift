/// The rows of a workbook sheet as records, for the observation and criteria table readers.
///
/// Cells arrive as text (numbers in their shortest round-trip form with a decimal point), each
/// placed at its row and column, so messages name the cell (`Data!C14`).
struct SheetRecordSource: RecordSource {
    let file: String
    let sheet: String?
    let decimalComma: Bool
    private var records: [CSVRecord]
    private var next = 0

    /// The rows of `table`; formula-guard quotes removed when `removesFormulaGuard`; text numbers read with a decimal comma when `decimalComma`.
    init(table: XLSXTable, removesFormulaGuard: Bool, decimalComma: Bool = false) {
        self.decimalComma = decimalComma
        file = table.file
        sheet = table.name
        records = table.records
        if removesFormulaGuard {
            for r in records.indices { records[r].fields = records[r].fields.map(CSVReader.unguarded) }
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
