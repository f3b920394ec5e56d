import CityIndexFormats

/// The sheets of a workbook for people: each sheet named and headed in a language (`Xếp hạng`,
/// `Hạng`, `Mã đơn vị` …), and a last sheet, `Mã cột` / `Column ids`, that gives for every
/// column of every sheet its id (the header of the CSV file written with the default `--headers
/// ids`), so that a script or a colleague can match the two. In the ids style the sheets are
/// left as they are.
struct WorkbookTitles {
    /// The titles to put on.
    var titles: ColumnTitles

    /// The CSV files of the report that have a sheet of the same rows.
    static let csvSheets: Set<String> = [
        "ranking", "scores", "history", "targets", "sensitivity-units", "sensitivity-indices", "audit-indicators", "audit-correlations", "audit-pillars",
    ]

    /// `sheets` renamed and headed, followed by the column ids sheet.
    func apply(_ sheets: [XLSXSheet]) -> [XLSXSheet] {
        guard titles.style != .ids else { return sheets }
        var out: [XLSXSheet] = []
        var columns: [[CSVCell]] = []
        for sheet in sheets {
            let name = titles.sheetName(sheet.name)
            let header = titles.header(sheet.header, sheet: sheet.name)
            out.append(XLSXSheet(name: name, header: header, rows: sheet.rows))
            let file = Self.csvSheets.contains(sheet.name) ? sheet.name + ".csv" : ""
            for (k, id) in sheet.header.enumerated() {
                columns.append([.text(name), .text(file), .text(CellReference.columnName(k + 1)), .text(header[k]), .text(id)])
            }
        }
        out.append(XLSXSheet(name: titles.sheetName("columns"), header: titles.header(["sheet", "file", "column", "title", "id"]), rows: columns))
        return out
    }
}
