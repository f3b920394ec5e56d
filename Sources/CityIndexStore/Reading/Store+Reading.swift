import CityIndexCore
import Foundation

extension Store {
    /// All units, by code, with their attributes.
    public func units() throws -> [StoredUnit] {
        try withLockMapping {
            var attributes: [String: [String: String]] = [:]
            let attributeRows = try database.makeStatement(
                "SELECT unit, name, value FROM unit_attribute ORDER BY unit, name")
            while let row = try attributeRows.step() {
                attributes[try row.string(at: 0), default: [:]][try row.string(at: 1)] = try row.string(at: 2)
            }
            return try database.makeStatement("SELECT code, name, name_en, type FROM unit ORDER BY code")
                .fetchAll { row in
                    let code = try row.string(at: 0)
                    return StoredUnit(
                        code: code, name: row.optionalString(at: 1), nameEN: row.optionalString(at: 2),
                        type: row.optionalString(at: 3), attributes: attributes[code] ?? [:])
                }
        }
    }

    /// Stored values, optionally only some indicators and periods, in chronological order, then
    /// by unit and indicator.
    ///
    /// ```swift
    /// let q3 = try store.observations(indicators: nil, periods: [Period("2024-Q3")!])
    /// ```
    /// - Parameters:
    ///   - indicators: indicator ids to keep; `nil` keeps all.
    ///   - periods: periods to keep; `nil` keeps all.
    public func observations(indicators: [String]?, periods: [Period]?) throws -> [StoredObservation] {
        var conditions: [String] = []
        var arguments: [DatabaseValue] = []
        // A list binds as one JSON array: https://www.sqlite.org/json1.html#jeach
        if let indicators {
            conditions.append("indicator IN (SELECT value FROM json_each(?))")
            arguments.append(.text(try jsonArray(indicators.map(\.nfc))))
        }
        if let periods {
            conditions.append("period IN (SELECT value FROM json_each(?))")
            arguments.append(.text(try jsonArray(periods.map(\.description))))
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT unit, indicator, period, value, source, note, import_id, quality, verified FROM observation"
            + filter + " ORDER BY period_order, unit, indicator"
        return try withLockMapping {
            var periodCache: [String: Period] = [:]
            return try database.makeStatement(sql).fetchAll(arguments: arguments) { row in
                let text = try row.string(at: 2)
                let period: Period
                if let cached = periodCache[text] {
                    period = cached
                } else {
                    period = try self.period(text)
                    periodCache[text] = period
                }
                return StoredObservation(
                    unit: try row.string(at: 0), indicator: try row.string(at: 1), period: period,
                    value: try row.double(at: 3), source: row.optionalString(at: 4),
                    note: row.optionalString(at: 5),
                    mark: ValueMark(storedQuality: row.optionalInt64(at: 7), storedVerified: row.optionalInt64(at: 8)),
                    importID: try row.int64(at: 6))
            }
        }
    }

    /// The periods that have values, oldest first.
    public func periods() throws -> [Period] {
        try withLockMapping {
            try periods { table in try database.makeStatement("SELECT 1 FROM " + table + " LIMIT 1").fetchOne { _ in true } != nil }
        }
    }

    /// The replaced values of one key, oldest first.
    public func history(unit: String, indicator: String, period: Period) throws -> [HistoryEntry] {
        try withLockMapping {
            try database.makeStatement(
                """
                SELECT id, old_value, old_source, old_note, old_import_id, new_value, new_import_id, replaced_at,
                    old_quality, old_verified
                FROM observation_history WHERE unit = ? AND indicator = ? AND period = ? ORDER BY id
                """
            ).fetchAll(arguments: [.text(unit.nfc), .text(indicator.nfc), .text(period.description)]) { row in
                HistoryEntry(
                    id: try row.int64(at: 0), oldValue: try row.double(at: 1),
                    oldSource: row.optionalString(at: 2), oldNote: row.optionalString(at: 3),
                    oldImportID: row.optionalInt64(at: 4), newValue: try row.double(at: 5),
                    newImportID: try row.int64(at: 6), replacedAt: try date(try row.string(at: 7)),
                    oldMark: ValueMark(storedQuality: row.optionalInt64(at: 8), storedVerified: row.optionalInt64(at: 9)))
            }
        }
    }

    /// The imported files, oldest first.
    public func imports() throws -> [ImportRecord] {
        try withLockMapping {
            try database.makeStatement(
                "SELECT id, sha256, file_name, imported_at, rows, replaced, options FROM import_file ORDER BY id"
            ).fetchAll { row in
                ImportRecord(
                    id: try row.int64(at: 0), sha256: try row.string(at: 1), fileName: try row.string(at: 2),
                    importedAt: try date(try row.string(at: 3)), rows: Int(try row.int64(at: 4)),
                    replaced: Int(try row.int64(at: 5)), options: try row.string(at: 6))
            }
        }
    }

    func jsonArray(_ strings: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(strings), as: UTF8.self)
    }
}

extension Store {
    /// The codes of the units a file named in `period` without giving any of their values
    /// (``UnitPeriodInput``), sorted.
    public func unitsListedWithoutValues(in period: Period) throws -> [String] {
        try withLockMapping {
            try database.makeStatement(
                """
                SELECT u.code FROM unit_period l
                JOIN unit_key u ON u.id = l.unit_id JOIN period_key p ON p.id = l.period_id
                WHERE p.text = ? ORDER BY u.code
                """
            ).fetchAll(arguments: [.text(period.description)]) { try $0.string(at: 0) }
        }
    }
}
