import CityIndexCore
import Foundation

/// Writes one import's values into `observation_value`, inside the import's transaction.
///
/// Obtained from ``Store/importStreaming(sha256:fileName:options:importedAt:replace:_:)``; keeps
/// its prepared statements and the integer ids of the units, indicators and periods it has
/// seen, so a value costs one reused `INSERT` (plus a lookup only for keys already stored).
/// Not `Sendable`: use it only inside the closure it was given to.
public final class ObservationWriter {
    /// What became of one written value.
    public enum Outcome: Sendable, Equatable {
        /// A new key.
        case inserted
        /// The key was stored with an equal value.
        case unchanged
        /// The stored value was replaced (kept in history).
        case replaced
        /// The key was stored with another value; recorded as a conflict.
        case conflict
        /// The key was written earlier by this same import with `storedValue`: the file gives
        /// it twice. Nothing is written or counted; the caller reports it.
        case duplicateInFile(storedValue: Double)
    }

    let database: Database
    let fileName: String
    let importID: Int64
    let timestamp: String
    let replace: Bool
    private let insert: Statement
    private let lookup: Statement
    private let update: Statement
    private let record: Statement
    private let ensureUnit: Statement
    private let ensureUnitKey: Statement
    private let unitKeyID: Statement
    private let ensureIndicator: Statement
    private let indicatorID: Statement
    private let ensurePeriod: Statement
    private let periodID: Statement

    private var unitIDs: [String: Int64] = [:]
    private var indicatorIDs: [String: Int64] = [:]
    private var periodIDs: [Period: (id: Int64, text: String)] = [:]
    private var lastUnit = ("", Int64(0))
    private var lastIndicator = ("", Int64(0))
    private var lastPeriod: (period: Period, id: Int64, text: String)?

    /// Values inserted, replaced and left unchanged so far.
    public private(set) var inserted = 0, replaced = 0, unchanged = 0
    /// The conflicts found so far (values that contradict stored ones).
    public private(set) var conflicts: [Conflict] = []

    init(database db: Database, fileName: String, importID: Int64, timestamp: String, replace: Bool) throws {
        database = db
        self.fileName = fileName
        self.importID = importID
        self.timestamp = timestamp
        self.replace = replace
        insert = try db.cachedStatement(
            """
            INSERT INTO observation_value(period_id, unit_id, indicator_id, value, source, note, import_id)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
        lookup = try db.cachedStatement(
            """
            SELECT value, source, note, import_id FROM observation_value
            WHERE period_id = ? AND unit_id = ? AND indicator_id = ?
            """)
        update = try db.cachedStatement(
            """
            UPDATE observation_value SET value = ?, source = ?, note = ?, import_id = ?
            WHERE period_id = ? AND unit_id = ? AND indicator_id = ?
            """)
        record = try db.cachedStatement(
            """
            INSERT INTO observation_history(unit, indicator, period, old_value, old_source, old_note,
                old_import_id, new_value, new_import_id, replaced_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        ensureUnit = try db.cachedStatement("INSERT INTO unit(code) VALUES (?) ON CONFLICT DO NOTHING")
        ensureUnitKey = try db.cachedStatement("INSERT INTO unit_key(code) VALUES (?) ON CONFLICT DO NOTHING")
        unitKeyID = try db.cachedStatement("SELECT id FROM unit_key WHERE code = ?")
        ensureIndicator = try db.cachedStatement("INSERT INTO indicator_key(code) VALUES (?) ON CONFLICT DO NOTHING")
        indicatorID = try db.cachedStatement("SELECT id FROM indicator_key WHERE code = ?")
        ensurePeriod = try db.cachedStatement(
            "INSERT INTO period_key(text, period_order) VALUES (?, ?) ON CONFLICT DO NOTHING")
        periodID = try db.cachedStatement("SELECT id FROM period_key WHERE text = ?")
        try insert.bind(importID, at: 7)
    }

    private func id(_ statement: borrowing Statement, _ text: String) throws -> Int64 {
        guard let id = try statement.fetchOne(arguments: [.text(text)], { try $0.int64(at: 0) }) else {
            throw DatabaseError(resultCode: 1, message: "key \(text) vanished during import", sql: statement.sql)
        }
        return id
    }

    @inline(__always)
    private func unitID(_ unit: String) throws -> Int64 {
        if unit == lastUnit.0 { return lastUnit.1 }
        let id: Int64
        if let known = unitIDs[unit] {
            id = known
        } else {
            try ensureUnit.execute(arguments: [.text(unit)])
            try ensureUnitKey.execute(arguments: [.text(unit)])
            id = try self.id(unitKeyID, unit)
            unitIDs[unit] = id
        }
        lastUnit = (unit, id)
        return id
    }

    @inline(__always)
    private func indicatorID(_ indicator: String) throws -> Int64 {
        if indicator == lastIndicator.0 { return lastIndicator.1 }
        let id: Int64
        if let known = indicatorIDs[indicator] {
            id = known
        } else {
            try ensureIndicator.execute(arguments: [.text(indicator)])
            id = try self.id(indicatorID, indicator)
            indicatorIDs[indicator] = id
        }
        lastIndicator = (indicator, id)
        return id
    }

    @inline(__always)
    private func periodKey(_ period: Period) throws -> (id: Int64, text: String) {
        if let last = lastPeriod, last.period == period { return (last.id, last.text) }
        let key: (id: Int64, text: String)
        if let known = periodIDs[period] {
            key = known
        } else {
            let text = period.description
            try ensurePeriod.execute(arguments: [.text(text), .integer(Int64(period.sortKey))])
            key = (try self.id(periodID, text), text)
            periodIDs[period] = key
        }
        lastPeriod = (period, key.id, key.text)
        return key
    }

    /// Writes one value (text is stored in Unicode NFC).
    ///
    /// - Complexity: amortised O(log n) in the stored values: one reused `INSERT`, plus a
    ///   lookup when the key is already stored.
    @discardableResult
    public func write(
        unit: String, indicator: String, period: Period, value: Double, source: String?, note: String?,
        line: Int, column: Int
    ) throws -> Outcome {
        let unit = unit.nfc
        let indicator = indicator.nfc
        let source = source.nfc
        let note = note.nfc
        let u = try unitID(unit)
        let i = try indicatorID(indicator)
        let p = try periodKey(period)
        try insert.bind(p.id, at: 1)
        try insert.bind(u, at: 2)
        try insert.bind(i, at: 3)
        try insert.bind(value, at: 4)
        try insert.bind(source, at: 5)
        try insert.bind(note, at: 6)
        try insert.execute()
        if database.changes == 1 {
            inserted += 1
            return .inserted
        }
        let ids: [DatabaseValue] = [.integer(p.id), .integer(u), .integer(i)]
        let stored = try lookup.fetchOne(arguments: ids) { row in
            (value: try row.double(at: 0), source: row.optionalString(at: 1),
             note: row.optionalString(at: 2), importID: try row.int64(at: 3))
        }
        guard let stored else {
            throw DatabaseError(resultCode: 1, message: "observation vanished during import", sql: lookup.sql)
        }
        let isWithinFile = stored.importID == importID
        if stored.value == value {
            if isWithinFile { return .duplicateInFile(storedValue: stored.value) }
            unchanged += 1
            return .unchanged
        }
        if !replace || isWithinFile {
            conflicts.append(
                Conflict(
                    fileName: fileName, line: line, column: column, unit: unit, indicator: indicator, period: period,
                    storedValue: stored.value, newValue: value, isWithinFile: isWithinFile))
            return isWithinFile ? .duplicateInFile(storedValue: stored.value) : .conflict
        }
        try update.execute(arguments: [.real(value), DatabaseValue(source), DatabaseValue(note), .integer(importID)] + ids)
        let key: [DatabaseValue] = [.text(unit), .text(indicator), .text(p.text)]
        try record.execute(arguments: key + [
            .real(stored.value), DatabaseValue(stored.source), DatabaseValue(stored.note),
            .integer(stored.importID), .real(value), .integer(importID), .text(timestamp),
        ])
        replaced += 1
        return .replaced
    }

    /// Counts an equal value given twice in a batch as unchanged (``Store/importBatch(_:replace:)``).
    func countUnchanged() { unchanged += 1 }

    /// Forgets a within-file conflict the caller reports itself (as a bad row).
    public func dropLastConflict() {
        if !conflicts.isEmpty { conflicts.removeLast() }
    }
}
