import CityIndexCore
import Foundation

extension Store {
    /// Saves a run and its results, one row per result as given, in one transaction and returns
    /// its id; a run whose ``RunRecord/key`` is stored already is not stored again: its id is
    /// returned with `reused` set. The commands store their runs compactly with
    /// ``saveRun(_:results:)``.
    ///
    /// ```swift
    /// let (id, reused) = try store.saveRun(record)
    /// let again = try store.run(id: id)   // same fields, createdAt to the second
    /// ```
    /// - Complexity: O(r) for r results.
    @discardableResult
    public func saveRun(_ run: RunRecord) throws -> (id: Int64, reused: Bool) {
        try saveRun(run) { id in
            let insert = try database.cachedStatement(
                "INSERT INTO run_result(run_id, period, unit, node, score, rank, flags) VALUES (?, ?, ?, ?, ?, ?, ?)")
            try insert.bind(id, at: 1)
            for result in run.results {
                try insert.bind(result.period.description, at: 2)
                try insert.bind(result.unit.nfc, at: 3)
                try insert.bind(result.node.nfc, at: 4)
                try insert.bind(result.score, at: 5)
                try insert.bind(result.rank.map(Int64.init), at: 6)
                try insert.bind(result.flags.nfc, at: 7)
                try insert.execute()
            }
        }
    }

    /// Saves a run whose results are `results` (every scored node of every unit), stored
    /// compactly (schema step 4): per period the list of units once, and per period and node one
    /// block of scores (8 bytes each), ranks (4) and flags (1). What the commands store.
    ///
    /// - Complexity: O(r) for r scores, without a row or a string per score.
    @discardableResult
    public func saveRun(_ run: RunRecord, results: [ScoreResult]) throws -> (id: Int64, reused: Bool) {
        try saveRun(run) { id in
            let insertPeriod = try database.cachedStatement("INSERT INTO run_period(run_id, period, units) VALUES (?, ?, ?)")
            let insertBlock = try database.cachedStatement(
                "INSERT INTO run_scores(run_id, period, node, position, scores, ranks, flags) VALUES (?, ?, ?, ?, ?, ?, ?)")
            for result in results {
                let n = result.units.count
                try insertPeriod.execute(arguments: [
                    .integer(id), .text(result.period.description), .text(result.units.map(\.code.nfc).joined(separator: "\n")),
                ])
                for (k, node) in result.criteria.nodes.indices.filter({ result.criteria.isScored($0) }).enumerated() {
                    var block = RunBlock(count: n)
                    for u in 0..<n {
                        block.set(unit: u, score: result.score(node: node, unit: u), rank: result.rank(node: node, unit: u), flags: result.flags(node: node, unit: u))
                    }
                    try insertBlock.bind(id, at: 1)
                    try insertBlock.bind(result.period.description, at: 2)
                    try insertBlock.bind(result.criteria.nodes[node].id.nfc, at: 3)
                    try insertBlock.bind(Int64(k), at: 4)
                    try insertBlock.bind(blob: block.scores, at: 5)
                    try insertBlock.bind(blob: block.ranks, at: 6)
                    try insertBlock.bind(blob: block.flags, at: 7)
                    try insertBlock.execute()
                }
            }
        }
    }

    private func saveRun(_ run: RunRecord, results save: (Int64) throws -> Void) throws -> (id: Int64, reused: Bool) {
        let db = database
        let saved: (id: Int64, reused: Bool) = try withLockMapping {
            try db.transaction {
                if let key = run.key, let existing = try runID(key: key) { return (existing, true) }
                try db.execute(
                    """
                    INSERT INTO run(created_at, criteria_id, criteria_version, criteria_sha256,
                        data_sha256, periods, options, tool_version, run_key, last_import_id, precision)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(Timestamp.text(run.createdAt)), .text(run.criteriaID.nfc),
                        .text(run.criteriaVersion.nfc), .text(run.criteriaSHA256), .text(run.dataSHA256),
                        .text(Store.periodList(run.periods)), .text(run.options.nfc), .text(run.toolVersion),
                        DatabaseValue(run.key), DatabaseValue(run.lastImportID), run.precision.map { .integer(Int64($0)) } ?? .null,
                    ])
                let id = db.lastInsertedRowID
                try save(id)
                return (id, false)
            }
        }
        // A national run passes hundreds of megabytes through the page cache: give the
        // cached pages back now that they are written, rather than hold them while the
        // reports are written (https://www.sqlite.org/pragma.html#pragma_shrink_memory).
        if !saved.reused { try? db.execute("PRAGMA shrink_memory") }
        return saved
    }

    /// The id of the run stored with `key`, if any.
    public func runID(key: String) throws -> Int64? {
        try database.cachedStatement("SELECT id FROM run WHERE run_key = ?").fetchOne(arguments: [.text(key)]) {
            try $0.int64(at: 0)
        }
    }

    /// The newest import's id (0 for an empty store).
    public func lastImportID() throws -> Int64 {
        try withLockMapping {
            try database.makeStatement("SELECT coalesce(max(id), 0) FROM import_file").fetchOne { try $0.int64(at: 0) } ?? 0
        }
    }

    /// All runs, oldest first, without their results.
    public func runs() throws -> [RunSummary] {
        try withLockMapping {
            try database.makeStatement(
                """
                SELECT id, created_at, criteria_id, criteria_version, criteria_sha256, data_sha256, periods,
                    tool_version, options,
                    (SELECT count(*) FROM run_result WHERE run_id = run.id)
                        + coalesce((SELECT sum(length(ranks)) / 4 FROM run_scores WHERE run_id = run.id), 0)
                FROM run ORDER BY id
                """
            ).fetchAll { row in
                var summary = RunSummary(
                    id: try row.int64(at: 0), createdAt: try date(try row.string(at: 1)),
                    criteriaID: try row.string(at: 2), criteriaVersion: try row.string(at: 3),
                    criteriaSHA256: try row.string(at: 4), dataSHA256: try row.string(at: 5),
                    periods: try periodList(try row.string(at: 6)), toolVersion: try row.string(at: 7),
                    resultCount: Int(try row.int64(at: 9)))
                summary.options = try row.string(at: 8)
                return summary
            }
        }
    }

    /// The run with `id` and its results (period by period, node by node, unit by unit), or
    /// `nil` when there is none.
    public func run(id: Int64) throws -> RunRecord? {
        try withLockMapping {
            let header = try database.makeStatement(
                """
                SELECT created_at, criteria_id, criteria_version, criteria_sha256, data_sha256, periods,
                    options, tool_version, run_key, last_import_id, precision
                FROM run WHERE id = ?
                """
            ).fetchOne(arguments: [.integer(id)]) { row in
                RunRecord(
                    id: id, createdAt: try date(try row.string(at: 0)), criteriaID: try row.string(at: 1),
                    criteriaVersion: try row.string(at: 2), criteriaSHA256: try row.string(at: 3),
                    dataSHA256: try row.string(at: 4), periods: try periodList(try row.string(at: 5)),
                    options: try row.string(at: 6), toolVersion: try row.string(at: 7),
                    precision: row.optionalInt64(at: 10).map { Int($0) }, results: [],
                    key: row.optionalString(at: 8), lastImportID: row.optionalInt64(at: 9))
            }
            guard var record = header else { return nil }
            record.results = try blockResults(runID: id)
            if record.results.isEmpty { record.results = try legacyResults(runID: id) }
            return record
        }
    }

    private func blockResults(runID id: Int64) throws -> [RunResultRow] {
        var units: [String: [String]] = [:]
        for (period, list) in try database.makeStatement("SELECT period, units FROM run_period WHERE run_id = ?")
            .fetchAll(arguments: [.integer(id)], { (try $0.string(at: 0), try $0.string(at: 1)) })
        {
            units[period] = list.isEmpty ? [] : list.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        var rows: [RunResultRow] = []
        var periodCache: [String: Period] = [:]
        let blocks = try database.makeStatement(
            "SELECT period, node, scores, ranks, flags FROM run_scores WHERE run_id = ? ORDER BY period, position")
        try blocks.bind([.integer(id)])
        while let row = try blocks.step() {
            let text = try row.string(at: 0)
            let period = try periodCache[text] ?? self.period(text)
            periodCache[text] = period
            let node = try row.string(at: 1)
            let block = RunBlock(scores: row.blob(at: 2), ranks: row.blob(at: 3), flags: row.blob(at: 4))
            for (u, unit) in (units[text] ?? []).enumerated() where u < block.count {
                rows.append(RunResultRow(
                    period: period, unit: unit, node: node, score: block.score(u), rank: block.rank(u), flags: block.flags(u).text))
            }
        }
        return rows
    }

    /// Results of runs saved before schema step 4.
    private func legacyResults(runID id: Int64) throws -> [RunResultRow] {
        var periodCache: [String: Period] = [:]
        return try database.makeStatement(
            "SELECT period, unit, node, score, rank, flags FROM run_result WHERE run_id = ? ORDER BY rowid"
        ).fetchAll(arguments: [.integer(id)]) { row in
            let text = try row.string(at: 0)
            let period = try periodCache[text] ?? self.period(text)
            periodCache[text] = period
            return RunResultRow(
                period: period, unit: try row.string(at: 1), node: try row.string(at: 2),
                score: row.optionalDouble(at: 3), rank: row.optionalInt64(at: 4).map { Int($0) },
                flags: try row.string(at: 5))
        }
    }

    /// Deletes runs: all but the newest `keepLast` (when given) and those made before `before`
    /// (when given), with their results, then gives the space back to the file system.
    ///
    /// - Returns: the number of runs deleted.
    @discardableResult
    public func pruneRuns(keepLast: Int?, before: Date?) throws -> Int {
        let db = database
        let deleted = try withLockMapping {
            try db.transaction { () -> Int in
                var ids = Set<Int64>()
                if let keepLast {
                    let all = try db.makeStatement("SELECT id FROM run ORDER BY id DESC").fetchAll { try $0.int64(at: 0) }
                    ids.formUnion(all.dropFirst(max(0, keepLast)))
                }
                if let before {
                    let old = try db.makeStatement("SELECT id FROM run WHERE created_at < ?")
                        .fetchAll(arguments: [.text(Timestamp.text(before))]) { try $0.int64(at: 0) }
                    ids.formUnion(old)
                }
                let delete = try db.cachedStatement("DELETE FROM run WHERE id = ?")
                for id in ids.sorted() { try delete.execute(arguments: [.integer(id)]) }
                return ids.count
            }
        }
        if deleted > 0 { try withLockMapping { try db.execute("VACUUM") } }
        return deleted
    }

    /// The values imported or replaced by imports after `after` up to `upTo` (import ids), for
    /// `indicators`: what changed in the data between two runs.
    public func changedValues(after: Int64, upTo: Int64, indicators: [String]) throws -> [ValueChange] {
        try withLockMapping {
            let ids = indicators.map { "\"\($0.nfc.replacingOccurrences(of: "\"", with: "\\\""))\"" }.joined(separator: ",")
            let list = DatabaseValue.text("[" + ids + "]")
            let replaced = try database.makeStatement(
                """
                SELECT h.period, h.unit, h.indicator, h.old_value, h.new_value, f.file_name FROM observation_history h
                JOIN import_file f ON f.id = h.new_import_id
                WHERE h.new_import_id > ? AND h.new_import_id <= ? AND h.indicator IN (SELECT value FROM json_each(?))
                    AND h.old_value <> h.new_value
                ORDER BY h.id
                """
            ).fetchAll(arguments: [.integer(after), .integer(upTo), list]) { row in
                ValueChange(
                    period: try period(try row.string(at: 0)), unit: try row.string(at: 1), indicator: try row.string(at: 2),
                    old: try row.double(at: 3), new: try row.double(at: 4), file: try row.string(at: 5))
            }
            let added = try database.makeStatement(
                """
                SELECT o.period, o.unit, o.indicator, o.value, f.file_name FROM observation o
                JOIN import_file f ON f.id = o.import_id
                WHERE o.import_id > ? AND o.import_id <= ? AND o.indicator IN (SELECT value FROM json_each(?))
                    AND NOT EXISTS (SELECT 1 FROM observation_history h WHERE h.unit = o.unit AND h.indicator = o.indicator
                        AND h.period = o.period AND h.new_import_id = o.import_id)
                ORDER BY o.period_order, o.unit, o.indicator
                """
            ).fetchAll(arguments: [.integer(after), .integer(upTo), list]) { row in
                ValueChange(
                    period: try period(try row.string(at: 0)), unit: try row.string(at: 1), indicator: try row.string(at: 2),
                    old: nil, new: try row.double(at: 3), file: try row.string(at: 4))
            }
            return replaced + added
        }
    }

    /// Periods as stored in `run.periods`: canonical texts joined by commas.
    static func periodList(_ periods: [Period]) -> String {
        periods.map(\.description).joined(separator: ",")
    }

    func periodList(_ text: String) throws -> [Period] {
        try text.split(separator: ",").map { try period(String($0)) }
    }
}

/// A stored value that an import added or replaced.
public struct ValueChange: Sendable, Hashable {
    /// The period.
    public var period: Period
    /// The unit (store key).
    public var unit: String
    /// The indicator.
    public var indicator: String
    /// The value before, nil for a value new to the store.
    public var old: Double?
    /// The value after.
    public var new: Double
    /// The file that brought it.
    public var file: String
}
