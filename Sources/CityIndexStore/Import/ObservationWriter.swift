import CityIndexCore
import Foundation

/// Writes one import's values into each period's table (``ValueTable``), inside the import's
/// transaction.
///
/// Obtained from ``Store/importStreaming(sha256:fileName:options:importedAt:replace:_:)``; keeps
/// its prepared statements and the integer ids of the units, indicators and periods it has
/// seen.
///
/// A value whose key is greater than every key of its period in the table (the store's before
/// the import, and those this import wrote: ``PeriodTails``) cannot be stored yet: it is
/// counted as inserted at once and written with others of its period by multi-row `INSERT`s of
/// ``batchSize`` values, ``handoffSize`` values at a time on another core while the caller
/// reads on (``BatchInsertQueue``). Files sorted by period, and panels exported unit by unit
/// (each period's keys increasing), take this path for every value, and SQLite appends each
/// period's values to its table. Any other value (a
/// shuffled file, or values for keys the store holds already) is held, and the values held
/// are written in key order:
/// into a store without values, on the other core while the caller reads on, in sorted runs of
/// ``stagedRun`` values; otherwise at the end, sorted, by multi-row `INSERT`s that fall back to
/// one lookup per value only where a key is stored already (a conflict, an unchanged value or
/// a replacement). A value given twice in the file is found when it is written, whatever the
/// order. The values held are written by the store before the import ends; an error writing
/// them fails the import (nothing is stored).
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
        /// Held for the writing in key order: whether it is new, unchanged, replaced or a
        /// conflict is counted when the values held are written (by the end of the import).
        case held
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
    /// The periods that had a table when the import began: the view of them all is created anew
    /// at the end when others were added.
    private let tablesAtStart: [Int64]
    /// The statements on each period's table (shared with ``batches``, one thread at a time).
    private let statements: PeriodStatements
    /// Writes the full batches of new values, on another core.
    private let batches: BatchInsertQueue
    private let record: Statement
    private let listUnit: Statement
    /// Writes the keys met first, with the next batch or before this writer's own statements.
    private let keyWriter: KeyWriter
    /// The ids of the units, indicators and periods stored or met first by this import.
    private var unitKeys: KeyIDs, indicatorKeys: KeyIDs, periodKeys: KeyIDs
    /// The keys met first and not yet written (``NewKeys``).
    private var newKeys = NewKeys()

    // The properties marked `@exclusivity(unchecked)` change on every value. The writer is used
    // by one thread, and no method reaches a property while another access to it is open, so
    // their run-time exclusivity checks are left out: about 7 % of the reading thread's time.
    @exclusivity(unchecked) private var unitIDs = CodeIDs()
    @exclusivity(unchecked) private var indicatorIDs = CodeIDs()
    private var periodIDs: [Period: (id: Int64, text: String)] = [:]
    @exclusivity(unchecked) private var periodList: [(period: Period, id: Int64, text: String)] = []
    @exclusivity(unchecked) private var lastPeriod: (period: Period, id: Int64, text: String)?

    /// A key of a period's table (``ValueTable``), in its order.
    private typealias Key = (period: Int64, unit: Int64, indicator: Int64)
    /// Each period's greatest key, before the import or written since, and the keys the
    /// ordered path wrote.
    @exclusivity(unchecked) private var tails: PeriodTails
    /// New values of the ordered path not yet written, by period id: fewer than ``batchSize``
    /// each (a period's full statement moves to ``pending``).
    @exclusivity(unchecked) private var byPeriod: [[BatchInsertQueue.Row]] = []
    /// Full statements of new values (``batchSize`` values of one period each) not yet handed
    /// over, fewer than ``handoffSize`` values.
    @exclusivity(unchecked) private var pending: [BatchInsertQueue.Row] = []
    /// Units listed in a period without a value, not yet written: (period id, unit id).
    private var listed: [(period: Int64, unit: Int64)] = []
    /// Whether the table held no value when the import began: every value held is new.
    private var startedEmpty: Bool { tails.startedEmpty }
    /// Values held for the sorted write (their keys were not above every key written).
    @exclusivity(unchecked) private var staged: [StagedRow] = []
    /// Every value held in this import, in the order held (for values given twice).
    @exclusivity(unchecked) private var heldValues: [Double] = []
    /// The position in ``heldValues`` of each key held, by packed key.
    @exclusivity(unchecked) private var heldKeys = PackedKeyTable()
    /// The sources and notes of the values held, each text once (row fields index them).
    @exclusivity(unchecked) private var texts: [String?] = [nil]
    @exclusivity(unchecked) private var textIndex: [String: UInt32] = [:]
    @exclusivity(unchecked) private var lastText: (text: String, index: UInt32)?
    /// Whether every key so far fits ``pack(_:)`` (else duplicates are looked up in the table).
    @exclusivity(unchecked) private var keysPacked = true
    /// The units, indicators and periods by id, for messages about held values.
    private var unitCodes: [Int64: String] = [:], indicatorCodes: [Int64: String] = [:]
    private var periodsByID: [Int64: Period] = [:]

    /// How many values held go in one sorted run into a store that had no values.
    static let stagedRun = 1 << 16
    /// How many values held start the next sorted run (``submitStaged()``).
    private var nextStagedRun = stagedRun

    /// One value held for the sorted write: plain data, so sorting a million moves no
    /// reference counts (source and note index ``texts``).
    private struct StagedRow {
        var key: Key
        /// ``pack(_:)`` of the key, or 0 when it does not fit (then ``keysPacked`` is false).
        var packed: UInt64
        var value: Double
        var source: UInt32
        var note: UInt32
        /// ``ValueMark/packed``.
        var mark: UInt8
        var line: Int32
        var column: Int32
    }

    /// The index of `text` in ``texts`` (0 for nil).
    @inline(__always)
    private func textID(_ text: String?) -> UInt32 {
        guard let text else { return 0 }
        if let last = lastText, last.text == text { return last.index }
        let index: UInt32
        if let known = textIndex[text] {
            index = known
        } else {
            index = UInt32(texts.count)
            texts.append(text)
            textIndex[text] = index
        }
        lastText = (text, index)
        return index
    }

    /// Values inserted, replaced and left unchanged so far; `annotated` counts the unchanged
    /// values whose source, note, quality or verified mark the file states anew.
    @exclusivity(unchecked) public private(set) var inserted = 0, replaced = 0, unchanged = 0, annotated = 0
    /// The conflicts found so far (values that contradict stored ones).
    public private(set) var conflicts: [Conflict] = []

    init(database db: Database, fileName: String, importID: Int64, timestamp: String, replace: Bool) throws {
        database = db
        self.fileName = fileName
        self.importID = importID
        self.timestamp = timestamp
        self.replace = replace
        statements = PeriodStatements(database: db, importID: importID)
        record = try db.cachedStatement(
            """
            INSERT INTO observation_history(unit, indicator, period, old_value, old_source, old_note,
                old_import_id, new_value, new_import_id, replaced_at, old_quality, old_verified)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        keyWriter = try KeyWriter(database: db)
        unitKeys = try KeyIDs(database: db, table: .unit)
        indicatorKeys = try KeyIDs(database: db, table: .indicator)
        periodKeys = try KeyIDs(database: db, table: .period)
        listUnit = try db.cachedStatement(
            "INSERT INTO unit_period(period_id, unit_id, import_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
        tablesAtStart = try ValueTable.periodIDs(in: db)
        tails = try PeriodTails(database: db, tables: tablesAtStart)
        batches = BatchInsertQueue(
            statements: statements, database: db, keyWriter: keyWriter, statementRows: Self.batchSize, handoffSize: Self.handoffSize)
        pending.reserveCapacity(Self.handoffSize)
    }

    /// The columns of one new value in the batch `INSERT`s (the import id aside): key and value
    /// first, so the plain statement's are the first ``plainColumnsPerRow``.
    private static let batchColumns = ["period_id", "unit_id", "indicator_id", "value", "source", "note", "quality", "verified"]

    /// The parameters of one row of ``batchSQL(table:plain:)`` (the import id aside).
    static let columnsPerRow = batchColumns.count

    /// The parameters of one row of the plain ``batchSQL(table:plain:)``: the key and the value.
    static let plainColumnsPerRow = 4

    /// `INSERT OR IGNORE INTO table(import_id, …) VALUES (?1, ?, …), (?1, ?, …), …`:
    /// ``batchSize`` rows, the import id in `?1`, row `r`'s columns in `?(2 + r × columns)` on;
    /// `plain`: without source, note and mark (left `NULL`). The other parameters are not
    /// numbered in the text: SQLite compiles the statement five times faster (0.7 ms against
    /// 3.7 ms; it is compiled once for each period an import writes).
    static func batchSQL(table: String, plain: Bool) -> String {
        let columns = plain ? Array(batchColumns.prefix(plainColumnsPerRow)) : batchColumns
        let row = "(?1" + String(repeating: ", ?", count: columns.count) + ")"
        // `table` is a ``ValueTable`` name and `columns` the constant names above, never data.
        return "INSERT OR IGNORE INTO " + table + "(import_id, " + columns.joined(separator: ", ") + ") VALUES "
            + Array(repeating: row, count: batchSize).joined(separator: ", ")
    }

    /// The id of the unit `code` as given (stored in NFC); a unit new to the store is
    /// created with the next batch.
    @inline(__always)
    private func unitID(_ code: String) -> Int64 {
        if let id = unitIDs.id(of: code) { return id }
        let unit = code.nfc
        let (id, isNew) = unitKeys.id(for: unit)
        if isNew { newKeys.units.append((id, unit)) }
        unitIDs.add(code, id: id)
        unitCodes[id] = unit
        return id
    }

    /// The id of the indicator `code` as given (stored in NFC); a key new to the store is
    /// created with the next batch.
    @inline(__always)
    private func indicatorID(_ code: String) -> Int64 {
        if let id = indicatorIDs.id(of: code) { return id }
        let indicator = code.nfc
        let (id, isNew) = indicatorKeys.id(for: indicator)
        if isNew { newKeys.indicators.append((id, indicator)) }
        indicatorIDs.add(code, id: id)
        indicatorCodes[id] = indicator
        return id
    }

    @inline(__always)
    private func periodKey(_ period: Period) -> (id: Int64, text: String) {
        if let last = lastPeriod, last.period == period { return (last.id, last.text) }
        let key: (id: Int64, text: String)
        if let known = knownPeriod(period) {
            key = known
        } else {
            let text = period.description
            let (id, isNew) = periodKeys.id(for: text)
            if isNew { newKeys.periods.append((id, text, Int64(period.sortKey))) }
            key = (id, text)
            periodIDs[period] = key
            periodList.append((period, key.id, key.text))
            periodsByID[key.id] = period
        }
        lastPeriod = (period, key.id, key.text)
        return key
    }

    /// The key of a period met before: found by comparing when the import has met few periods
    /// (a shuffled file changes period on most rows, and hashing a period costs more).
    @inline(__always)
    private func knownPeriod(_ period: Period) -> (id: Int64, text: String)? {
        guard periodList.count <= 16 else { return periodIDs[period] }
        return periodList.first { $0.period == period }.map { ($0.id, $0.text) }
    }

    /// The periods met so far, in the order first met.
    public var periodsMet: [Period] { periodList.map(\.period) }

    /// The units met so far, as given to ``write(unit:indicator:period:value:source:note:mark:line:column:)``
    /// and ``listWithoutValues(unit:period:)``, in the order first met.
    public var unitsMet: [String] { unitIDs.codes }

    /// Writes one value (text is stored in Unicode NFC).
    ///
    /// A value whose key follows every stored key of its period is held and written with the next
    /// ``handoffSize`` such values; it is `.inserted` at once.
    ///
    /// - Complexity: amortised O(log n) in the stored values: a share of one multi-row
    ///   `INSERT`, or one `INSERT` plus a lookup when the key may already be stored.
    @discardableResult
    public func write(
        unit: String, indicator: String, period: Period, value: Double, source: String?, note: String?,
        mark: ValueMark = ValueMark(), line: Int, column: Int
    ) throws -> Outcome {
        let u = unitID(unit)
        let i = indicatorID(indicator)
        let p = periodKey(period)
        let key: Key = (p.id, u, i)
        let source = source.nfc
        let note = note.nfc
        let packed = Self.pack(key)
        if packed == nil { keysPacked = false }
        if tails.advance(period: key.period, unit: key.unit, indicator: key.indicator, packed: packed) {
            // `advance` takes only period ids below its bound.
            let p = Int(key.period)
            if p >= byPeriod.count { byPeriod += Array(repeating: [], count: p + 1 - byPeriod.count) }
            byPeriod[p].append(BatchInsertQueue.Row(key: key, value: value, source: source, note: note, mark: mark.packed))
            if byPeriod[p].count == Self.batchSize {
                pending.append(contentsOf: byPeriod[p])
                byPeriod[p].removeAll(keepingCapacity: true)
                if pending.count == Self.handoffSize { try batches.submit(&pending, keys: &newKeys) }
            }
            inserted += 1
            return .inserted
        }
        // Given twice in the file?
        if let packed, let k = heldKeys.value(of: packed) {
            return withinFile(earlier: heldValues[Int(k)], unit: unit, indicator: indicator, period: period, value: value, line: line, column: column)
        }
        if !keysPacked || packed.map({ tails.wrote($0, period: key.period) }) == true, let earlier = try valueWrittenByThisImport(key) {
            return withinFile(earlier: earlier, unit: unit, indicator: indicator, period: period, value: value, line: line, column: column)
        }
        if let packed {
            heldKeys.insert(packed, UInt32(truncatingIfNeeded: heldValues.count))
            heldValues.append(value)
        }
        staged.append(StagedRow(
            key: key, packed: packed ?? 0, value: value, source: textID(source), note: textID(note), mark: mark.packed, line: Int32(clamping: line),
            column: Int32(clamping: column)))
        if startedEmpty && staged.count >= nextStagedRun { try submitStaged() }
        return .held
    }

    /// A value the file gives a second time: a conflict within the file when the values differ
    /// (the caller reports it with both lines), nothing when they are equal.
    private func withinFile(
        earlier: Double, unit: String, indicator: String, period: Period, value: Double, line: Int, column: Int
    ) -> Outcome {
        if earlier != value {
            conflicts.append(Conflict(
                fileName: fileName, line: line, column: column, unit: unit.nfc, indicator: indicator.nfc, period: period,
                storedValue: earlier, newValue: value, isWithinFile: true))
        }
        return .duplicateInFile(storedValue: earlier)
    }

    /// `key` in 64 bits (period, unit and indicator ids of up to 16, 24 and 24 bits, in key
    /// order), or nil when an id is larger.
    @inline(__always)
    private static func pack(_ key: Key) -> UInt64? {
        guard key.period >= 0, key.period < 1 << 16, key.unit >= 0, key.unit < 1 << 24, key.indicator >= 0, key.indicator < 1 << 24
        else { return nil }
        return UInt64(key.period) << 48 | UInt64(key.unit) << 24 | UInt64(key.indicator)
    }

    /// The value this import wrote for `key`, looked up in the table (rare: a value given
    /// twice, or ids too large to pack).
    private func valueWrittenByThisImport(_ key: Key) throws -> Double? {
        try flushOrdered()
        let own = try statements.rows(period: key.period)
        let stored = try own.lookup.fetchOne(arguments: [.integer(key.period), .integer(key.unit), .integer(key.indicator)]) { row in
            (value: try row.double(at: 0), importID: try row.int64(at: 3))
        }
        guard let stored, stored.importID == importID else { return nil }
        return stored.value
    }

    /// Sorts the values held in key order: by their packed keys when every key fits (one
    /// integer comparison instead of up to three).
    private func sortStaged() {
        if keysPacked { staged.sort { $0.packed < $1.packed } } else { staged.sort { $0.key < $1.key } }
    }

    /// Hands the values held, sorted, to the other core as one batch (a store that had no
    /// values: each is new), and reads on while it is written. Handed over in batches of
    /// ``handoffSize``, a run kept the reading thread waiting until most of it was written, so
    /// reading and writing took turns (1 M shuffled values: 4.2 s, of which 1.4 s waiting).
    ///
    /// A statement writes one period's values, so each period's last values short of a whole
    /// statement stay held, for the next run or the end.
    private func submitStaged() throws {
        sortStaged()
        var rows: [BatchInsertQueue.Row] = []
        rows.reserveCapacity(staged.count)
        var kept: [StagedRow] = []
        for run in periodRuns() {
            let whole = run.lowerBound + (run.count - run.count % Self.batchSize)
            for row in staged[run.lowerBound..<whole] {
                rows.append(BatchInsertQueue.Row(
                    key: row.key, value: row.value, source: texts[Int(row.source)], note: texts[Int(row.note)], mark: row.mark))
            }
            kept.append(contentsOf: staged[whole..<run.upperBound])
        }
        inserted += rows.count
        if !rows.isEmpty { try batches.submit(&rows, keys: &newKeys) }
        staged = kept
        // The next run starts once as many values again are held (those kept are few: fewer
        // than a statement for each period).
        nextStagedRun = staged.count + Self.stagedRun
    }

    /// The ranges of ``staged`` (sorted) that hold one period's values each, in order.
    private func periodRuns() -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var first = 0
        while first < staged.count {
            let period = staged[first].key.period
            var end = first + 1
            while end < staged.count, staged[end].key.period == period { end += 1 }
            runs.append(first..<end)
            first = end
        }
        return runs
    }

    /// Writes every value held, in key order: multi-row `INSERT`s, and for a statement that
    /// met keys stored already, each of its values looked up and compared.
    private func writeStaged() throws {
        guard !staged.isEmpty else { return }
        sortStaged()
        for run in periodRuns() {
            var first = run.lowerBound
            while first < run.upperBound {
                let count = min(Self.batchSize, run.upperBound - first)
                let chunk = staged[first..<(first + count)]
                first += count
                if count == Self.batchSize {
                    let batch = try statements.batch(period: chunk[chunk.startIndex].key.period, plain: false)
                    for (r, row) in chunk.enumerated() {
                        let k = Int32(2 + r * Self.columnsPerRow)
                        try batch.statement.bind(row.key.period, at: k)
                        try batch.statement.bind(row.key.unit, at: k + 1)
                        try batch.statement.bind(row.key.indicator, at: k + 2)
                        try batch.statement.bind(row.value, at: k + 3)
                        try batch.statement.bind(texts[Int(row.source)], at: k + 4)
                        try batch.statement.bind(texts[Int(row.note)], at: k + 5)
                        try batch.statement.bind(ValueMark(packed: row.mark), at: k + 6)
                    }
                    try batch.statement.execute()
                    if database.changes == count {
                        inserted += count
                        continue
                    }
                }
                for row in chunk { try writeOne(row) }
            }
        }
        staged.removeAll()
    }

    /// One value held: inserted when its key is new, else compared with the stored value
    /// (equal: unchanged, its source, note and mark updated where the file states others; this
    /// import's own: inserted by the statement before; else a conflict, or a replacement with
    /// `replace`).
    private func writeOne(_ row: StagedRow) throws {
        let ids: [DatabaseValue] = [.integer(row.key.period), .integer(row.key.unit), .integer(row.key.indicator)]
        let own = try statements.rows(period: row.key.period)
        let (source, note) = (texts[Int(row.source)], texts[Int(row.note)])
        let mark = ValueMark(packed: row.mark)
        if try own.insertIfNew(row.key, value: row.value, source: source, note: note, mark: mark) {
            inserted += 1
            return
        }
        let stored = try own.lookup.fetchOne(arguments: ids) { r in
            (
                value: try r.double(at: 0), source: r.optionalString(at: 1), note: r.optionalString(at: 2), importID: try r.int64(at: 3),
                mark: ValueMark(storedQuality: r.optionalInt64(at: 4), storedVerified: r.optionalInt64(at: 5))
            )
        }
        guard let stored else {
            throw DatabaseError(resultCode: 1, message: "observation vanished during import", sql: own.lookup.sql)
        }
        if stored.importID == importID {
            // Written by the multi-row statement that met another key stored already.
            inserted += 1
            return
        }
        let unit = unitCodes[row.key.unit] ?? "", indicator = indicatorCodes[row.key.indicator] ?? ""
        if stored.value == row.value {
            unchanged += 1
            // What the file states replaces what is stored; what it leaves empty is kept.
            let kept = (source: source ?? stored.source, note: note ?? stored.note, mark: stored.mark.overridden(by: mark))
            guard kept.source != stored.source || kept.note != stored.note || kept.mark != stored.mark,
                let period = periodsByID[row.key.period]
            else { return }
            try own.update.execute(
                arguments: [
                    .real(row.value), DatabaseValue(kept.source), DatabaseValue(kept.note), .integer(importID),
                    DatabaseValue(kept.mark.storedQuality), DatabaseValue(kept.mark.storedVerified),
                ] + ids)
            try recordHistory(unit: unit, indicator: indicator, period: period, stored: stored, newValue: row.value)
            annotated += 1
            return
        }
        guard let period = periodsByID[row.key.period] else { return }
        if !replace {
            conflicts.append(Conflict(
                fileName: fileName, line: Int(row.line), column: Int(row.column), unit: unit, indicator: indicator, period: period,
                storedValue: stored.value, newValue: row.value))
            return
        }
        try own.update.execute(
            arguments: [
                .real(row.value), DatabaseValue(source), DatabaseValue(note), .integer(importID),
                DatabaseValue(mark.storedQuality), DatabaseValue(mark.storedVerified),
            ] + ids)
        try recordHistory(unit: unit, indicator: indicator, period: period, stored: stored, newValue: row.value)
        replaced += 1
    }

    /// Writes the stored value, source, note and mark that this import replaces to
    /// `observation_history`.
    private func recordHistory(
        unit: String, indicator: String, period: Period,
        stored: (value: Double, source: String?, note: String?, importID: Int64, mark: ValueMark), newValue: Double
    ) throws {
        try record.execute(arguments: [
            .text(unit), .text(indicator), .text(period.description),
            .real(stored.value), DatabaseValue(stored.source), DatabaseValue(stored.note),
            .integer(stored.importID), .real(newValue), .integer(importID), .text(timestamp),
            DatabaseValue(stored.mark.storedQuality), DatabaseValue(stored.mark.storedVerified),
        ])
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
        let u = unitID(unit)
        let p = periodKey(period)
        listed.append((p.id, u))
    }

    /// Writes the new values held: waits for the batch being written, then one `INSERT` for
    /// each value held, and the units listed without values. The store calls it before the
    /// import ends.
    ///
    /// - Throws: ``DatabaseError``, also when a value held turns out to be stored already
    ///   (which the key order rules out).
    func flush() throws {
        try flushOrdered()
        try writeStaged()
        if try ValueTable.periodIDs(in: database) != tablesAtStart { try ValueTable.createView(in: database) }
    }

    /// Writes the values of the ordered path held, and the units listed without values.
    private func flushOrdered() throws {
        // Whole statements go as a batch, which also writes the keys met first.
        if !pending.isEmpty { try batches.submit(&pending, keys: &newKeys) }
        try batches.wait()
        try keyWriter.write(&newKeys)
        if !listed.isEmpty {
            defer { listed.removeAll() }
            for (period, unit) in listed {
                try listUnit.execute(arguments: [.integer(period), .integer(unit), .integer(importID)])
            }
        }
        for p in byPeriod.indices where !byPeriod[p].isEmpty {
            defer { byPeriod[p].removeAll(keepingCapacity: true) }
            let rows = try statements.rows(period: Int64(p))
            for row in byPeriod[p] {
                guard try rows.insertIfNew(row.key, value: row.value, source: row.source, note: row.note, mark: ValueMark(packed: row.mark))
                else { throw BatchInsertQueue.keyOrderBroken(rows.insert.sql) }
            }
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
