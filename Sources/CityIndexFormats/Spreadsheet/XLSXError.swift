/// A workbook that cannot be written or read, with the place of the problem.
///
/// Every case prints as one sentence a user can act on, naming the file and, where it
/// applies, the sheet and cell (`data.xlsx: Data!C14: …`).
public enum XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened, read or written.
    case cannotAccess(file: String, reason: String)
    /// The file is not a ZIP container (not an .xlsx workbook).
    case notAWorkbook(file: String, reason: String)
    /// A part of the workbook the reader needs is absent.
    case missingPart(file: String, part: String)
    /// An entry whose uncompressed size exceeds the limit (a "zip bomb", or a sheet too large).
    case entryTooLarge(file: String, part: String, size: UInt64, limit: UInt64)
    /// A part is not well-formed XML.
    case malformedXML(file: String, part: String, reason: String)
    /// No sheet of that name; lists the sheets there are.
    case noSuchSheet(file: String, sheet: String, available: [String])
    /// The workbook has no sheet at all.
    case noSheets(file: String)
    /// A cell whose contents cannot be read (a bad shared-string index, a bad number).
    case badCell(file: String, sheet: String, row: Int, column: Int, reason: String)
    /// More rows or columns than the limit.
    case tooLarge(file: String, sheet: String, limit: Int)

    /// One sentence: `file: Sheet!C14: what is wrong: what to do.`
    public var description: String {
        switch self {
        case .cannotAccess(let file, let reason):
            return "\(file): cannot access the workbook (\(reason)): check the path and its permissions."
        case .notAWorkbook(let file, let reason):
            return "\(file): not an .xlsx workbook (\(reason)): save it from your spreadsheet as Excel Workbook (.xlsx)."
        case .missingPart(let file, let part):
            return "\(file): the workbook has no \(part): save it again from your spreadsheet as .xlsx."
        case .entryTooLarge(let file, let part, let size, let limit):
            return "\(file): \(part) would unpack to \(size) bytes, more than the limit of \(limit): "
                + "split the workbook, or save the data as CSV."
        case .malformedXML(let file, let part, let reason):
            return "\(file): \(part) is not well-formed XML (\(reason)): save the workbook again from your spreadsheet."
        case .noSuchSheet(let file, let sheet, let available):
            let list = available.map { "\"\($0)\"" }.joined(separator: ", ")
            return "\(file): no sheet named \"\(sheet)\": use --sheet with one of \(list)."
        case .noSheets(let file):
            return "\(file): the workbook has no sheet: add one holding the data."
        case .badCell(let file, let sheet, let row, let column, let reason):
            return "\(file): \(CellReference.name(sheet: sheet, row: row, column: column)): \(reason): retype the cell."
        case .tooLarge(let file, let sheet, let limit):
            return "\(file): sheet \"\(sheet)\" has more than \(limit) rows or columns: split it, or save the data as CSV."
        }
    }
}
