import CityIndexCore

/// Which column of an observation file holds what, and so the file's layout, worked out from its
/// header, `--columns` and `--indicator`.
struct ObservationColumns {
    /// The layout the header shows.
    var layout: ObservationFile.Layout
    /// The header names, trimmed.
    var names: [String]
    /// The unit key column (a unit code column, or the unit name column when there is no other).
    var unit: Int
    /// Whether the unit key column is the name column (the key is then also the name).
    var unitIsName: Bool
    /// The unit name column, when distinct from the key.
    var name: Int?
    /// The period column.
    var period: Int?
    /// Long layout: the indicator and value columns.
    var indicator: Int?
    var value: Int?
    /// The indicator of a file that holds one: period columns, or a long file without an
    /// indicator column (from `--indicator` or the sheet name).
    var fixedIndicator: String?
    /// The source and note of the row's values, in every layout.
    var source: Int?
    var note: Int?
    /// The data-quality level and verified flag of the row's values, in every layout.
    var quality: Int?
    var verified: Int?
    /// Wide layouts: the indicator columns with their canonical ids.
    var indicators: [(index: Int, id: String)] = []
    /// Period columns: the columns of values with their periods.
    var periods: [(index: Int, period: Period)] = []
    /// Columns holding unit attributes.
    var attributes: [Int] = []
    /// Columns without a header, whose cells must stay empty.
    var unnamed: [Int] = []

    /// Works out the layout and columns of `header`.
    ///
    /// - Throws: ``ObservationFileError``: an unknown layout, a missing or doubled column, a
    ///   header with two readings, a period header that is no period, a misspelled indicator
    ///   column, or an indicator that is missing or not used.
    init(
        header: CSVRecord, indicatorIDs: Set<String>, options: ObservationLayoutOptions, sheet: String?, file: String
    ) throws(ObservationFileError) {
        let names = header.fields.map(\.trimmingASCIISpaces)
        self.names = names
        let byLowercase = Dictionary(indicatorIDs.map { ($0.lowercased(), $0) }, uniquingKeysWith: min)
        func indicatorID(_ n: String) -> String? { indicatorIDs.contains(n) ? n : byLowercase[n.lowercased()] }
        func column(_ i: Int) -> Int { header.column(of: i) }

        var mapped: [Int: ColumnMapping.Target] = [:]
        for entry in options.columns.entries {
            guard let i = Self.find(entry.header, in: names) else {
                throw .mappedColumnNotFound(file: file, name: entry.header, suggestion: Self.closest(to: entry.header, in: names))
            }
            if let other = mapped[i], other != entry.target {
                throw .ambiguousColumn(
                    file: file, line: header.line, column: column(i), name: names[i],
                    readings: [other.reading, entry.target.reading], example: "\(names[i])=\(other)")
            }
            mapped[i] = entry.target
        }
        let roles: [ColumnRole?] = names.indices.map { i in
            switch mapped[i] {
            case .role(let role)?: return role
            case .period?: return nil
            case nil: return names[i].isEmpty ? nil : ColumnHeaderNames.role(of: names[i])
            }
        }
        let isIndicator = names.map { indicatorID($0) != nil }
        let periodLike: [Bool] = names.indices.map { i in
            if case .period? = mapped[i] { return true }
            return roles[i] == nil && !isIndicator[i] && Self.looksLikePeriod(names[i])
        }
        guard
            let layout = ObservationFile.Layout.detect(
                header: names, roles: roles, periodHeaders: isIndicator.contains(true) ? [] : periodLike)
        else { throw .unknownLayout(file: file, columns: names) }
        self.layout = layout

        // Where headers name indicators, a header that is a role and an indicator id reads two ways.
        if layout != .long {
            for (i, role) in roles.enumerated() where mapped[i] == nil {
                guard let role, let id = indicatorID(names[i]) else { continue }
                throw .ambiguousColumn(
                    file: file, line: header.line, column: column(i), name: names[i],
                    readings: [role.reading, "indicator \"\(id)\" of the criteria set"], example: "\(names[i])=\(role)")
            }
        }
        var byRole: [ColumnRole: Int] = [:]
        for (i, role) in roles.enumerated() {
            guard let role, role != .skip else { continue }
            if let j = byRole[role] {
                throw .twoColumns(
                    file: file, line: header.line, column: column(i), reading: role.reading, first: names[j], second: names[i])
            }
            byRole[role] = i
        }
        guard let unitColumn = byRole[.unit] ?? byRole[.name] else {
            throw .missingColumn(file: file, layout: layout, name: layout == .coinr ? "uCode" : "unit")
        }
        unit = unitColumn
        unitIsName = byRole[.unit] == nil
        name = unitIsName ? nil : byRole[.name]
        period = byRole[.period]
        source = byRole[.source]
        note = byRole[.note]
        quality = byRole[.quality]
        verified = byRole[.verified]
        indicator = byRole[.indicator]
        value = byRole[.value]

        let holdsOne = layout == .periodColumns || (layout == .long && indicator == nil)
        if let asked = options.indicator {
            guard holdsOne else { throw .indicatorNotUsed(file: file, layout: layout, indicator: asked) }
            guard let id = indicatorIDs.isEmpty ? asked : indicatorID(asked) else {
                throw .unknownIndicator(name: asked, suggestion: IndicatorSuggestion.closest(to: asked, in: indicatorIDs))
            }
            fixedIndicator = id
        } else if holdsOne {
            guard let sheet, let id = indicatorIDs.isEmpty ? nil : indicatorID(sheet) else {
                throw .missingIndicator(file: file, layout: layout, sheet: sheet)
            }
            fixedIndicator = id
        }

        var periodColumns: [Period: Int] = [:]
        for (i, n) in names.enumerated() where roles[i] == nil {
            if n.isEmpty {
                unnamed.append(i)
                continue
            }
            switch layout {
            case .long:
                if case .period? = mapped[i] { throw .periodMappingNotUsed(file: file, name: n, layout: layout) }
                attributes.append(i)
            case .periodColumns:
                guard periodLike[i] else {
                    attributes.append(i)
                    continue
                }
                let period: Period
                if case .period(let p)? = mapped[i] {
                    period = p
                } else if let p = Period(n) {
                    period = p
                } else {
                    throw .notAPeriodColumn(file: file, line: header.line, column: column(i), name: n)
                }
                if let j = periodColumns[period] {
                    throw .twoColumns(
                        file: file, line: header.line, column: column(i), reading: "the values of \(period)",
                        first: names[j], second: n)
                }
                periodColumns[period] = i
                periods.append((i, period))
            case .wide, .coinr:
                if case .period? = mapped[i] { throw .periodMappingNotUsed(file: file, name: n, layout: layout) }
                if let id = indicatorID(n) {
                    indicators.append((i, id))
                } else if n.lowercased().hasSuffix("_group") {
                    attributes.append(i)
                } else if indicatorIDs.isEmpty {
                    indicators.append((i, n))
                } else if let suggestion = IndicatorSuggestion.closest(to: n, in: indicatorIDs) {
                    throw .misspelledIndicatorColumn(
                        file: file, line: header.line, column: column(i), name: n, suggestion: suggestion)
                } else {
                    attributes.append(i)
                }
            }
        }
    }

    /// Whether a header looks like a period: it is one (`2016`, `2016-Q1`), starts with four
    /// digits (`2016Q1`, `2016*`), or holds a year standing alone (`Sơ bộ 2016`, `Q1/2016`).
    /// `gdp_2019` and `pop2019` do not.
    static func looksLikePeriod(_ header: String) -> Bool {
        Period(header) != nil || year(in: header) != nil
    }

    /// The year a header starts with (`2016Q1`, `2016*`) or holds standing alone (`Sơ bộ 2016`):
    /// four digits from 1000 to 2999.
    static func year(in header: String) -> String? {
        let chars = Array(header)
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        func joins(_ c: Character?) -> Bool { c.map { $0.isLetter || $0 == "_" } ?? false }
        var i = 0
        while i < chars.count {
            guard isDigit(chars[i]) else {
                i += 1
                continue
            }
            var j = i
            while j < chars.count, isDigit(chars[j]) { j += 1 }
            if j - i == 4, chars[i] == "1" || chars[i] == "2",
                i == 0 || (!joins(chars[i - 1]) && !joins(j < chars.count ? chars[j] : nil))
            {
                return String(chars[i..<j])
            }
            i = j
        }
        return nil
    }

    /// The column a `--columns` header names: the same text (NFC, case and spaces aside), else
    /// the one header that differs only by diacritics.
    static func find(_ wanted: String, in names: [String]) -> Int? {
        let key = ColumnHeaderNames.canonical(wanted)
        if let i = names.firstIndex(where: { ColumnHeaderNames.canonical($0) == key }) { return i }
        let folded = ColumnHeaderNames.fold(wanted)
        let hits = names.indices.filter { ColumnHeaderNames.fold(names[$0]) == folded }
        return hits.count == 1 ? hits[0] : nil
    }

    /// The header closest to `wanted`, when close enough to be a typo.
    static func closest(to wanted: String, in names: [String]) -> String? {
        let folded = ColumnHeaderNames.fold(wanted)
        let scored = names.filter { !$0.isEmpty }.map { ($0, EditDistance.between(ColumnHeaderNames.fold($0), folded)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, folded.count / 4) else { return nil }
        return best.0
    }
}

extension ColumnMapping.Target {
    /// What a column given this target holds, for messages.
    var reading: String {
        switch self {
        case .role(let role): return role.reading
        case .period(let period): return "the values of \(period)"
        }
    }
}
