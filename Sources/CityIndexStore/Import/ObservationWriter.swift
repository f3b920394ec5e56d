import CityIndexCore
import Foundation

/// Writes one import's values into `observation_value`, inside the import's transaction.
///
/// Obtained from ``Store/importStreaming(sha256:fileName:options:importedAt:replace:_:)``; keeps
/// its prepared statements and the integer ids of the units, indicators and periods it has
/// seen.
///
/// A value whose key is greater than every key in the table (the store's before the import,
/// and those this import wrote: a long file sorted by period, as files written by period are)
/// cannot be stored yet: it is counted as inserted at once and written with others by
/// multi-row `INSERT`s of ``batchSize`` values, ``handoffSize`` values at a time on another
/// core while the caller reads on (``BatchInsertQueue``). Any other value first writes the values held, then costs one
/// `INSERT` (plus a lookup when the key is already stored), so conflicts and values given
/// twice are found as before. The values held are written by the store before the import
/// ends; an error writing them fails the import (nothing is stored).
///
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

    /// How many new values one multi-row `INSERT` writes.
    static let batchSize = 128

    /// How many new values are handed to the other thread at once: several statements' worth.
    /// Each hand-over costs a synchronisation, and a wake-up when a thread had gone to sleep
    /// (tens of microseconds on a virtual machine whose other core sleeps): measured before
    /// the threads polled (``HandoffThread``), one statement per hand-over took a third of an
    /// idle machine's import time (1 M values: 2.4 s, against 1.5 s with eight).
    static let handoffSize = 8 * batchSize

    let database: Database
    let fileName: String
    let importID: Int64
    let timestamp: String
    let replace: Bool
    private let insert: Statement
    /// Writes the full batches of new values, on another core.
    private let batches: BatchInsertQueue
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
    private let listUnit: Statement

    // The properties marked `@exclusivity(unchecked)` change on every value. The writer is used
    // by one thread, and no method reaches a property while another access to it is open, so
    // their run-time exclusivity checks are left out: about 7 % of the reading thread's time.
    @exclusivity(unchecked) private var unitIDs = CodeIDs()
    @exclusivity(unchecked) private var indicatorIDs = CodeIDs()
    private var periodIDs: [Period: (id: Int64, text: String)] = [:]
    @exclusivity(unchecked) private var lastPeriod: (period: Period, id: Int64, text: String)?

    /// A key of `observation_value`, in its order.
    private typealias Key = (period: Int64, unit: Int64, indicator: Int64)
    /// No key is greater in the table: the greatest before the import, or written since.
    @exclusivity(unchecked) private var greatestKey: Key
    /// New values not yet written, fewer than ``handoffSize``.
    @exclusivity(unchecked) private var pending: [BatchInsertQueue.Row] = []
    /// Units listed in a period without a value, not yet written: (period id, unit id).
    private var listed: [(period: Int64, unit: Int64)] = []

    /// Values inserted, replaced and left unchanged so far.
    @exclusivity(unchecked) public private(set) var inserted = 0, replaced = 0, unchanged = 0
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
        listUnit = try db.cachedStatement(
            "INSERT INTO unit_period(period_id, unit_id, import_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
        let greatest = try db.cachedStatement(
            """
            SELECT period_id, unit_id, indicator_id FROM observation_value
            ORDER BY period_id DESC, unit_id DESC, indicator_id DESC LIMIT 1
            """)
        greatestKey = try greatest.fetchOne { row in
            (try row.int64(at: 0), try row.int64(at: 1), try row.int64(at: 2))
        } ?? (.min, .min, .min)
        try insert.bind(importID, at: 7)
        let insertBatch = try db.cachedStatement(Self.batchSQL)
        try insertBatch.bind(importID, at: 1)
        batches = BatchInsertQueue(
            statement: insertBatch, database: db, statementRows: Self.batchSize, handoffSize: Self.handoffSize)
        pending.reserveCapacity(Self.handoffSize)
    }

    /// `INSERT … VALUES (?2, …, ?1), (?8, …, ?1), …`: ``batchSize`` rows, the import id in `?1`.
    private static let batchSQL: String = {
        let rows = (0..<batchSize).map { r in
            let k = 2 + r * 6
            return "(?\(k), ?\(k + 1), ?\(k + 2), ?\(k + 3), ?\(k + 4), ?\(k + 5), ?1)"
        }
        return "INSERT INTO observation_value(period_id, unit_id, indicator_id, value, source, note, import_id) VALUES "
            + rows.joined(separator: ", ") + " ON CONFLICT DO NOTHING"
    }()

    private func id(_ statement: borrowing Statement, _ text: String) throws -> Int64 {
        guard let id = try statement.fetchOne(arguments: [.text(text)], { try $0.int64(at: 0) }) else {
            throw DatabaseError(resultCode: 1, message: "key \(text) vanished during import", sql: statement.sql)
        }
        return id
    }

    /// The id of the unit `code` as given (stored in NFC), creating the unit when new.
    @inline(__always)
    private func unitID(_ code: String) throws -> Int64 {
        if let id = unitIDs.id(of: code) { return id }
        try batches.wait()
        let unit = code.nfc
        try ensureUnit.execute(arguments: [.text(unit)])
        try ensureUnitKey.execute(arguments: [.text(unit)])
        let id = try self.id(unitKeyID, unit)
        unitIDs.add(code, id: id)
        return id
    }

    /// The id of the indicator `code` as given (stored in NFC), creating the key when new.
    @inline(__always)
    private func indicatorID(_ code: String) throws -> Int64 {
        if let id = indicatorIDs.id(of: code) { return id }
        try batches.wait()
        let indicator = code.nfc
        try ensureIndicator.execute(arguments: [.text(indicator)])
        let id = try self.id(indicatorID, indicator)
        indicatorIDs.add(code, id: id)
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
            try batches.wait()
            try ensurePeriod.execute(arguments: [.text(text), .integer(Int64(period.sortKey))])
            key = (try self.id(periodID, text), text)
            periodIDs[period] = key
        }
        lastPeriod = (period, key.id, key.text)
        return key
    }

    /// Writes one value (text is stored in Unicode NFC).
    ///
    /// A value whose key follows every stored key is held and written with the next
    /// ``handoffSize`` such values; it is `.inserted` at once.
    ///
    /// - Complexity: amortised O(log n) in the stored values: a share of one multi-row
    ///   `INSERT`, or one `INSERT` plus a lookup when the key may already be stored.
    @discardableResult
    public func write(
        unit: String, indicator: String, period: Period, value: Double, source: String?, note: String?,
        line: Int, column: Int
    ) throws -> Outcome {
        let u = try unitID(unit)
        let i = try indicatorID(indicator)
        let p = try periodKey(period)
        let key: Key = (p.id, u, i)
        let source = source.nfc
        let note = note.nfc
        if key > greatestKey {
            greatestKey = key
            pending.append(BatchInsertQueue.Row(key: key, value: value, source: source, note: note))
            if pending.count == Self.handoffSize { try batches.submit(&pending) }
            inserted += 1
            return .inserted
        }
        try flush()
        let unit = unit.nfc
        let indicator = indicator.nfc
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
        let codes: [DatabaseValue] = [.text(unit), .text(indicator), .text(p.text)]
        try record.execute(arguments: codes + [
            .real(stored.value), DatabaseValue(stored.source), DatabaseValue(stored.note),
            .integer(stored.importID), .real(value), .integer(importID), .text(timestamp),
        ])
        replaced += 1
        return .replaced
    }

    /// Records that the file names `unit` in `period` without giving any of its values (a row
    /// of missing values): the unit takes part in the period, where reports list it as not
    /// ranked for want of data, instead of being left out unseen. Creates the unit when new.
    ///
    /// ```swift
    /// // unit,name,period,a1,a2   →   U9,Unit 9,2024,NA,NA
    /// try writer.listWithoutValues(unit: "U9", period: .year(2024))
    /// ```
    public func listWithoutValues(unit: String, period: Period) throws {
        let u = try unitID(unit)
        let p = try periodKey(period)
        listed.append((p.id, u))
    }

    /// Writes the new values held: waits for the batch being written, then one `INSERT` for
    /// each value held, and the units listed without values. The store calls it before the
    /// import ends.
    ///
    /// - Throws: ``DatabaseError``, also when a value held turns out to be stored already
    ///   (which the key order rules out).
    func flush() throws {
        try batches.wait()
        if !listed.isEmpty {
            defer { listed.removeAll() }
            for (period, unit) in listed {
                try listUnit.execute(arguments: [.integer(period), .integer(unit), .integer(importID)])
            }
        }
        guard !pending.isEmpty else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        for row in pending {
            try insert.bind(row.key.period, at: 1)
            try insert.bind(row.key.unit, at: 2)
            try insert.bind(row.key.indicator, at: 3)
            try insert.bind(row.value, at: 4)
            try insert.bind(row.source, at: 5)
            try insert.bind(row.note, at: 6)
            try insert.execute()
            guard database.changes == 1 else { throw BatchInsertQueue.keyOrderBroken(insert.sql) }
        }
    }

    /// Waits for the batch being written, whatever its outcome: the store calls it when the
    /// import fails, before rolling back.
    func abandon() {
        batches.abandon()
    }

    /// Counts an equal value given twice in a batch as unchanged (``Store/importBatch(_:replace:)``).
    func countUnchanged() { unchanged += 1 }

    /// Forgets a within-file conflict the caller reports itself (as a bad row).
    public func dropLastConflict() {
        if !conflicts.isEmpty { conflicts.removeLast() }
    }
}
