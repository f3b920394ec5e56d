import Foundation

extension ObservationFileReader {
    /// Whether `path` names a workbook: an `.xlsx` / `.xlsm` name, or a file starting like a ZIP container.
    public static func isWorkbook(path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "xlsx" || ext == "xlsm" { return true }
        if ["csv", "tsv", "txt"].contains(ext) { return false }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 4)) ?? nil
        return magic == Data([0x50, 0x4B, 0x03, 0x04])
    }

    /// Reads observations from a file that may be CSV or a workbook; for a workbook, from sheet
    /// `sheet` (the first when `nil`).
    ///
    /// - Throws: ``ObservationFileError``; a sheet asked of a CSV file is an error.
    public func read(path: String, sheet: String?) throws(ObservationFileError) -> ObservationFile {
        if Self.isWorkbook(path: path) { return try read(workbookPath: path, sheet: sheet) }
        if let sheet { throw .workbook(.notAWorkbook(file: path, reason: "--sheet \(sheet) was given for a CSV file")) }
        return try read(path: path)
    }

    /// Reads observations from sheet `sheet` of the workbook at `path` (the first sheet when `nil`).
    ///
    /// - Throws: ``ObservationFileError``; bad rows are placed by cell (`data.xlsx: Data!C14: …`).
    public func read(workbookPath path: String, sheet: String?) throws(ObservationFileError) -> ObservationFile {
        let table: XLSXTable
        do { table = try XLSXReader(path: path).table(sheet: sheet) } catch { throw .workbook(error) }
        return try read(table: table)
    }

    /// Reads observations from the rows of a sheet, wide or long as in CSV.
    ///
    /// Numeric cells are read exactly; text cells holding numbers are read as in CSV (decimal
    /// point, or ``CSVReadOptions/decimalComma`` when set, and the declared
    /// ``CSVReadOptions/thousandsSeparator``): a text cell `5,057` is refused naming both readings.
    ///
    /// - Throws: ``ObservationFileError``; places are cells (`Data!C14`).
    public func read(table: XLSXTable) throws(ObservationFileError) -> ObservationFile {
        let convention: NumberConvention
        do { convention = try options.numberConvention(delimiter: UInt8(ascii: ","), file: table.file) } catch { throw .csv(error) }
        var source = SheetRecordSource(table: table, removesFormulaGuard: options.removesFormulaGuard, convention: convention)
        do {
            return try read(&source)
        } catch {
            // Header problems have a place too: name the cell.
            throw error.inSheet(file: table.file, sheet: table.name)
        }
    }
}
