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
    /// The first rows with problems (the reader's limit), and how many more there are.
    case tooManyBadRows([BadRow], more: Int)
    /// The file has a header but no rows of data.
    case noRows(file: String)
    /// A header that can be read two ways (two roles, or a role and an indicator id); `example`
    /// is a `--columns` pair that settles it.
    case ambiguousColumn(file: String, line: Int, column: Int, name: String, readings: [String], example: String)
    /// Two columns that hold the same thing (`Mã tỉnh` and `Mã`, both the unit code), the second placed.
    case twoColumns(file: String, line: Int, column: Int, reading: String, first: String, second: String)
    /// A column named by `--columns` that the header lacks.
    case mappedColumnNotFound(file: String, name: String, suggestion: String?)
    /// A header of a table with one column per period that looks like a period but is none.
    case notAPeriodColumn(file: String, line: Int, column: Int, name: String)
    /// A file holding one indicator (period columns, or no indicator column) whose indicator is not named.
    case missingIndicator(file: String, layout: ObservationFile.Layout, sheet: String?)
    /// `--indicator` names no indicator of the criteria set.
    case unknownIndicator(name: String, suggestion: String?)
    /// `--indicator` given for a file whose columns or rows name the indicators.
    case indicatorNotUsed(file: String, layout: ObservationFile.Layout, indicator: String)
    /// `--columns` gives a column a period, but the file is not a table with one column per period.
    case periodMappingNotUsed(file: String, name: String, layout: ObservationFile.Layout)

    /// The bad rows found: every one, or the first ones and a count of the rest.
    static func rows(_ rows: [BadRow], more: Int) -> ObservationFileError {
        more > 0 ? .tooManyBadRows(rows, more: more) : .badRows(rows)
    }

    /// One sentence per problem (one line per bad row).
    public var description: String {
        if let placed { return "\(placed.file):\(placed.line):\(placed.column): \(placed.message)" }
        switch self {
        case .csv(let error):
            return error.description
        case .workbook(let error):
            return error.description
        case .unknownLayout(let file, let columns):
            let list = columns.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
            return "\(file): cannot tell the layout from the header (\(list)): "
                + "name the unit column \"unit\" (or \"code\") for one column per indicator, "
                + "or write unit,indicator,period,value for one value per row; "
                + "for other names, say which column is which with --columns (e.g. --columns 'Province=unit')."
        case .missingColumn(let file, let layout, let name):
            return "\(file): the \(layout) layout needs a column \"\(name)\": add it to the header."
        case .missingPeriod(let file):
            return "\(file): the file has no period column: add a column \"period\" or pass --period (e.g. --period 2024)."
        case .badRows(let rows):
            return rows.map(\.description).joined(separator: "\n")
        case .tooManyBadRows(let rows, let more):
            let file = rows.first?.file ?? "the file"
            return (rows.map(\.description) + ["\(file): … and \(more) more bad row(s) (the first \(rows.count) are listed)"]).joined(separator: "\n")
        case .noRows(let file):
            return "\(file): the file has a header but no rows of data: add the values below the header."
        case .mappedColumnNotFound(let file, let name, let suggestion):
            let hint = suggestion.map { ": did you mean \"\($0)\"?" } ?? ": check the header's spelling."
            return "\(file): --columns names column \"\(name)\", which the header does not have\(hint)"
        case .missingIndicator(let file, let layout, let sheet):
            let what = layout == .periodColumns
                ? "has one column per period and holds one indicator"
                : "has a value column but no indicator column"
            let sheetHint = sheet.map { ", or name the sheet after the indicator (sheet \"\($0)\" is not an indicator id)" } ?? ""
            return "\(file): the file \(what): name it with --indicator ID\(sheetHint)."
        case .unknownIndicator(let name, let suggestion):
            let hint = suggestion.map { "did you mean \"\($0)\"?" } ?? "check the id, or add the indicator to the set."
            return "--indicator \"\(name)\" is not an indicator of the criteria set: \(hint)"
        case .indicatorNotUsed(let file, let layout, let indicator):
            return "\(file): --indicator \(indicator) is for files holding one indicator, but this file is \(layout): "
                + "its \(layout == .long ? "indicator column names" : "columns name") the indicators. Leave --indicator out for it."
        case .periodMappingNotUsed(let file, let name, let layout):
            return "\(file): --columns gives column \"\(name)\" a period, but the file is \(layout), not one column per "
                + "period: give the column a role instead."
        case .duplicateColumn, .misspelledIndicatorColumn, .ambiguousColumn, .twoColumns, .notAPeriodColumn:
            return ""  // placed: handled above
        }
    }

    /// The place and sentence of a problem in the header, without the place.
    public var placed: (file: String, line: Int, column: Int, message: String)? {
        switch self {
        case .duplicateColumn(let file, let line, let column, let name):
            return (file, line, column, "column \"\(name)\" appears twice in the header: rename or remove one.")
        case .misspelledIndicatorColumn(let file, let line, let column, let name, let suggestion):
            return (
                file, line, column,
                "column \"\(name)\" is not an indicator of the criteria set: did you mean \"\(suggestion)\"? "
                    + "Fix the header, or rename the column if it is a unit attribute."
            )
        case .ambiguousColumn(let file, let line, let column, let name, let readings, let example):
            return (
                file, line, column,
                "column \"\(name)\" can be read as \(readings.joined(separator: " or as ")): rename the column, "
                    + "or say which it is with --columns (e.g. --columns '\(example)')."
            )
        case .twoColumns(let file, let line, let column, let reading, let first, let second):
            return (
                file, line, column,
                "columns \"\(first)\" and \"\(second)\" both hold \(reading): remove one, "
                    + "or pass --columns '\(second)=skip'."
            )
        case .notAPeriodColumn(let file, let line, let column, let name):
            return (
                file, line, column,
                "column \"\(name)\" looks like a period but is not one: write the period alone (2016, 2016-H1, "
                    + "2016-Q3 or 2016-07), or give it one with --columns '\(name)=\(ObservationColumns.year(in: name) ?? "2016")'."
            )
        default:
            return nil
        }
    }

    /// The error as it reads for `sheet` of a workbook: header problems placed by cell, file
    /// names followed by the sheet.
    func inSheet(file: String, sheet: String) -> ObservationFileError {
        if let placed {
            return .badRows([BadRow(file: file, line: placed.line, column: placed.column, message: placed.message, sheet: sheet)])
        }
        let label = "\(file), sheet \"\(sheet)\""
        switch self {
        case .unknownLayout(_, let columns): return .unknownLayout(file: label, columns: columns)
        case .missingColumn(_, let layout, let name): return .missingColumn(file: label, layout: layout, name: name)
        case .missingPeriod: return .missingPeriod(file: label)
        case .noRows: return .noRows(file: label)
        case .mappedColumnNotFound(_, let name, let suggestion):
            return .mappedColumnNotFound(file: label, name: name, suggestion: suggestion)
        case .missingIndicator(_, let layout, let sheetName): return .missingIndicator(file: label, layout: layout, sheet: sheetName)
        case .indicatorNotUsed(_, let layout, let indicator): return .indicatorNotUsed(file: label, layout: layout, indicator: indicator)
        case .periodMappingNotUsed(_, let name, let layout): return .periodMappingNotUsed(file: label, name: name, layout: layout)
        default: return self
        }
    }
}
