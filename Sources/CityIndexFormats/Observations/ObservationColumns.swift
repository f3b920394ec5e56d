/// Which column of an observation file holds what, worked out from its header.
struct ObservationColumns {
    /// The header names, trimmed.
    var names: [String]
    /// The unit key column (`unit`, `code`, `uCode`, or `name` when there is no other).
    var unit: Int
    /// The unit name column, when distinct from the key.
    var name: Int?
    /// The period column (`period`, or `Time` in COINr files).
    var period: Int?
    /// Long layout: the indicator, value, source and note columns.
    var indicator: Int?
    var value: Int?
    var source: Int?
    var note: Int?
    /// Wide layouts: the indicator columns with their canonical ids.
    var indicators: [(index: Int, id: String)] = []
    /// Columns holding unit attributes.
    var attributes: [Int] = []
    /// Columns without a header, whose cells must stay empty.
    var unnamed: [Int] = []

    /// Works out the columns of `header` in `layout`.
    ///
    /// - Throws: ``ObservationFileError/missingColumn(file:layout:name:)`` or
    ///   ``ObservationFileError/misspelledIndicatorColumn(file:line:column:name:suggestion:)``.
    init(
        header: CSVRecord, layout: ObservationFile.Layout, indicatorIDs: Set<String>, file: String
    ) throws(ObservationFileError) {
        names = header.fields.map(\.trimmingASCIISpaces)
        var lower: [String: Int] = [:]
        for (i, n) in names.enumerated() where lower[n.lowercased()] == nil { lower[n.lowercased()] = i }
        var used = Set<Int>()
        func take(_ candidates: String...) -> Int? {
            for c in candidates { if let i = lower[c], !used.contains(i) { used.insert(i); return i } }
            return nil
        }
        let unitColumn: Int?
        switch layout {
        case .coinr:
            unitColumn = take("ucode")
            name = take("uname")
            period = take("time", "period")
        case .long, .wide:
            unitColumn = take("unit", "code") ?? take("name")
            name = take("name")
            period = take("period", "time")
        }
        guard let unitColumn else {
            throw .missingColumn(file: file, layout: layout, name: layout == .coinr ? "uCode" : "unit")
        }
        unit = unitColumn
        if layout == .long {
            indicator = take("indicator")
            value = take("value")
            source = take("source")
            note = take("note")
        }
        let byLowercase = Dictionary(indicatorIDs.map { ($0.lowercased(), $0) }, uniquingKeysWith: min)
        for (i, n) in names.enumerated() where !used.contains(i) {
            if n.isEmpty {
                unnamed.append(i)
            } else if layout == .long {
                attributes.append(i)
            } else if indicatorIDs.contains(n) {
                indicators.append((i, n))
            } else if let id = byLowercase[n.lowercased()] {
                indicators.append((i, id))
            } else if n.lowercased().hasSuffix("_group") {
                attributes.append(i)
            } else if indicatorIDs.isEmpty {
                indicators.append((i, n))
            } else if let suggestion = IndicatorSuggestion.closest(to: n, in: indicatorIDs) {
                throw .misspelledIndicatorColumn(
                    file: file, line: header.line, column: header.column(of: i), name: n, suggestion: suggestion)
            } else {
                attributes.append(i)
            }
        }
    }
}
