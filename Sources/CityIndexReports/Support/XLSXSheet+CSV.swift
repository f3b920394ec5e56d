import CityIndexFormats

extension XLSXSheet {
    /// The sheet as a CSV file in `dialect`: the header, then every row, cell for cell, so a
    /// table written both ways holds the same values in its CSV file and its workbook sheet.
    ///
    /// ```swift
    /// let sheet = XLSXSheet(name: "units", header: ["unit", "score"], rows: [[.text("01"), .number(72.5, decimals: 2)]])
    /// sheet.csv(dialect: .excelVi).text  // "\u{FEFF}unit;score\r\n01;72,50\r\n"
    /// ```
    /// - Complexity: O(cells).
    public func csv(dialect: CSVDialect) -> CSVWriter {
        CSVWriter(dialect: dialect, header: header, rows: rows)
    }

    /// The CSV file of the sheet: `<name>.csv` and its bytes in `dialect`.
    public func csvFile(dialect: CSVDialect) -> (name: String, bytes: [UInt8]) {
        (name + ".csv", csv(dialect: dialect).bytes)
    }
}
