import CityIndexFormats

/// The column ids sheet of a `report.xlsx` written with titles (`Mã cột` or `Column ids`, the
/// last sheet): for each CSV file of the report, the sheet holding its rows, the sheet's titles
/// and the CSV's column ids, read from the sheet's rows (sheet, file, column, title, id).
struct WorkbookColumnIDs {
    /// The sheet, its titles and the column ids of each CSV file, by file name.
    var byFile: [String: (sheet: String, titles: [String], ids: [String])] = [:]
    /// The same by sheet name, also for sheets without a CSV file.
    var bySheet: [String: (titles: [String], ids: [String])] = [:]

    /// Reads the last sheet of `book`.
    init(_ book: XLSXReader) throws {
        let rows = try book.table(sheet: book.sheetNames.last).rows.dropFirst().map { $0.cells.map(\.csvText) }
        for row in rows where row.count >= 5 {
            let (sheet, file, title, id) = (row[0], row[1], row[3], row[4])
            bySheet[sheet, default: ([], [])].titles.append(title)
            bySheet[sheet, default: ([], [])].ids.append(id)
            if !file.isEmpty {
                byFile[file, default: (sheet, [], [])].titles.append(title)
                byFile[file, default: (sheet, [], [])].ids.append(id)
            }
        }
    }
}
