import CityIndexCore

/// Reads the cells of a flat table's rows by column name, with their places.
struct TableCells {
    let file: String
    let index: [String: Int]
    let decimalComma: Bool
    /// The sheet, when the table is read from a workbook: places are then cells (`Criteria!C14`).
    let sheet: String?
    /// The data row being read (1-based) and its iCode, for paths.
    var row = 0
    var code = ""

    init(file: String, index: [String: Int], decimalComma: Bool, sheet: String? = nil) {
        self.file = file
        self.index = index
        self.decimalComma = decimalComma
        self.sheet = sheet
    }

    /// `file:line:column`, or `file: Sheet!C14` for a workbook sheet.
    private func place(line: Int, column: Int, path: String) -> SourcePlace {
        guard let sheet else { return SourcePlace(file: file, line: line, column: column, path: path) }
        return SourcePlace(file: "\(file): \(CellReference.name(sheet: sheet, row: line, column: max(column, 1)))", path: path)
    }

    /// The trimmed text of `column`, empty when the column or the field is absent.
    func text(_ record: CSVRecord, _ column: String) -> String {
        guard let i = index[column], record.fields.indices.contains(i) else { return "" }
        return record.fields[i].trimmingSpaces
    }

    /// The trimmed text of `column`, nil when empty or absent.
    func optional(_ record: CSVRecord, _ column: String) -> String? {
        let t = text(record, column)
        return t.isEmpty ? nil : t
    }

    /// The text of `column` when the row's type may give it; records a problem when it may not.
    func onlyFor(
        _ record: CSVRecord, _ column: String, allowed: Bool, kind: String, row: TableReader.Row, log: inout ProblemLog
    ) -> String? {
        guard let t = optional(record, column) else { return nil }
        guard allowed else {
            let article = row.type == "Indicator" || row.type == "Aggregate" ? "an" : "a"
            log.error(place(record, column), "\(column) is only used by \(kind) rows, but \"\(row.code)\" is \(article) \(row.type)")
            return nil
        }
        return t
    }

    /// One of `names` (any case) in `column`, nil with a problem (and a suggestion) otherwise.
    func choice(_ record: CSVRecord, _ column: String, _ text: String, among names: [String], log: inout ProblemLog) -> String? {
        if let name = names.first(where: { $0 == text.lowercased() }) { return name }
        log.error(place(record, column), Wording.unknown("\(column) method", text, expected: names))
        return nil
    }

    /// `file:line:column (table row N (iCode X) column C)`.
    func place(_ record: CSVRecord, _ column: String) -> SourcePlace {
        let i = index[column] ?? 0
        return place(line: record.line, column: record.column(of: i), path: "table row \(row) (iCode \(code)) column \(column)")
    }

    /// The place of the whole row.
    func rowPlace(_ record: CSVRecord) -> SourcePlace {
        place(line: record.line, column: 1, path: "table row \(row) (iCode \(code))")
    }

    /// A number, nil when the cell is empty; records a problem when it is not a number.
    func number(_ record: CSVRecord, _ column: String, log: inout ProblemLog) -> Double?? {
        let t = text(record, column)
        if t.isEmpty { return .some(nil) }
        let normalised = decimalComma ? t.replacingComma : t
        guard let x = Double(normalised), x.isFinite else {
            log.error(place(record, column), "\(column) \"\(t)\" is not a number")
            return nil
        }
        return x
    }
}

extension String {
    /// The text with `,` as the decimal mark turned into `.`.
    var replacingComma: String { String(map { $0 == "," ? "." : $0 }) }
}
