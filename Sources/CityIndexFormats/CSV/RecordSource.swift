/// Where a table's records come from: a CSV reader or the rows of a workbook sheet.
///
/// The header logic and row checks of the observation reader and the criteria table reader
/// are written once against this, so CSV and XLSX share the same layouts, rules and messages.
protocol RecordSource {
    /// The file name used in messages.
    var file: String { get }
    /// The sheet, for a workbook (places then print as `Sheet!C14`).
    var sheet: String? { get }
    /// Whether numbers use a decimal comma.
    var decimalComma: Bool { get }
    /// How numbers are read: the decimal mark and the declared thousands separator.
    var numberConvention: NumberConvention { get }
    /// The next record, or `nil` at the end.
    mutating func nextRecord() throws(CSVError) -> CSVRecord?
    /// Hands the next record to `body` without copying it when it is plain (see
    /// ``CSVReader/nextPlainRecord(fieldCount:_:)``); returns whether it was read. Sources
    /// without such records always return `false`.
    mutating func nextPlainRecord(fieldCount: Int, _ body: (PlainRecord) -> Bool) -> Bool
}

extension RecordSource {
    /// No plain records: every record goes through ``nextRecord()``.
    mutating func nextPlainRecord(fieldCount: Int, _ body: (PlainRecord) -> Bool) -> Bool { false }
}

extension CSVReader: RecordSource {
    /// CSV files have no sheets.
    var sheet: String? { nil }
}
