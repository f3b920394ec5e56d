/// An observation file that cannot be read, with the places of the problems.
public enum ObservationFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The CSV itself is malformed (or cannot be read).
    case csv(CSVError)
    /// The workbook cannot be read (not an .xlsx, no such sheet, a part too large …).
    case workbook(XLSXError)
    /// The header fits no layout.
    case unknownLayout(file: String, columns: [String])
    /// Two columns have the same name (ignoring case).
    case duplicateColumn(file: String, line: Int, column: Int, name: String)
    /// A column the layout needs is absent.
    case missingColumn(file: String, layout: ObservationFile.Layout, name: String)
    /// The file has no period column and no default period was given.
    case missingPeriod(file: String)
    /// A wide column whose name is close to an indicator id: probably a typo.
    case misspelledIndicatorColumn(file: String, line: Int, column: Int, name: String, suggestion: String)
    /// Rows with problems, each with its place (at most the reader's limit).
    case badRows([BadRow])
    /// The file has a header but no rows of data.
    case noRows(file: String)

    /// One sentence per problem (one line per bad row).
    public var description: String {
        switch self {
        case .csv(let error):
            return error.description
        case .workbook(let error):
            return error.description
        case .unknownLayout(let file, let columns):
            let list = columns.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
            return "\(file): cannot tell the layout from the header (\(list)): "
                + "name the unit column \"unit\" (or \"code\") for one column per indicator, "
                + "or write unit,indicator,period,value for one value per row."
        case .duplicateColumn(let file, let line, let column, let name):
            return "\(file):\(line):\(column): column \"\(name)\" appears twice in the header: rename or remove one."
        case .missingColumn(let file, let layout, let name):
            return "\(file): the \(layout) layout needs a column \"\(name)\": add it to the header."
        case .missingPeriod(let file):
            return "\(file): the file has no period column: add a column \"period\" or pass --period (e.g. --period 2024)."
        case .misspelledIndicatorColumn(let file, let line, let column, let name, let suggestion):
            return "\(file):\(line):\(column): column \"\(name)\" is not an indicator of the criteria set: "
                + "did you mean \"\(suggestion)\"? Fix the header, or rename the column if it is a unit attribute."
        case .badRows(let rows):
            return rows.map(\.description).joined(separator: "\n")
        case .noRows(let file):
            return "\(file): the file has a header but no rows of data: add the values below the header."
        }
    }
}
