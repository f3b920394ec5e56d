import CityIndexCore
import Foundation

extension Store {
    /// Saves a run and its results in one transaction and returns its id.
    ///
    /// ```swift
    /// let id = try store.saveRun(record)
    /// let again = try store.run(id: id)   // same fields, createdAt to the second
    /// ```
    /// - Complexity: O(r log r) for r results.
    @discardableResult
    public func saveRun(_ run: RunRecord) throws -> Int64 {
        let db = database
        return try withLockMapping {
            try db.transaction {
                try db.execute(
                    """
                    INSERT INTO run(created_at, criteria_id, criteria_version, criteria_sha256,
                        data_sha256, periods, options, tool_version, precision)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(Timestamp.text(run.createdAt)), .text(run.criteriaID.nfc),
                        .text(run.criteriaVersion.nfc), .text(run.criteriaSHA256), .text(run.dataSHA256),
                        .text(Store.periodList(run.periods)), .text(run.options.nfc), .text(run.toolVersion),
                        run.precision.map { .integer(Int64($0)) } ?? .null,
                    ])
                let id = db.lastInsertedRowID
                let insert = try db.cachedStatement(
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
                return id
            }
        }
    }

    /// All runs, oldest first, without their results.
    public func runs() throws -> [RunSummary] {
        try withLockMapping {
            try database.makeStatement(
                """
                SELECT id, created_at, criteria_id, criteria_version, criteria_sha256, data_sha256, periods,
                    tool_version, (SELECT count(*) FROM run_result WHERE run_id = run.id)
                FROM run ORDER BY id
                """
            ).fetchAll { row in
                RunSummary(
                    id: try row.int64(at: 0), createdAt: try date(try row.string(at: 1)),
                    criteriaID: try row.string(at: 2), criteriaVersion: try row.string(at: 3),
                    criteriaSHA256: try row.string(at: 4), dataSHA256: try row.string(at: 5),
                    periods: try periodList(try row.string(at: 6)), toolVersion: try row.string(at: 7),
                    resultCount: Int(try row.int64(at: 8)))
            }
        }
    }

    /// The run with `id` and its results in saved order, or `nil` when there is none.
    public func run(id: Int64) throws -> RunRecord? {
        try withLockMapping {
            let header = try database.makeStatement(
                """
                SELECT created_at, criteria_id, criteria_version, criteria_sha256, data_sha256, periods,
                    options, tool_version, precision
                FROM run WHERE id = ?
                """
            ).fetchOne(arguments: [.integer(id)]) { row in
                RunRecord(
                    id: id, createdAt: try date(try row.string(at: 0)), criteriaID: try row.string(at: 1),
                    criteriaVersion: try row.string(at: 2), criteriaSHA256: try row.string(at: 3),
                    dataSHA256: try row.string(at: 4), periods: try periodList(try row.string(at: 5)),
                    options: try row.string(at: 6), toolVersion: try row.string(at: 7),
                    precision: row.optionalInt64(at: 8).map { Int($0) }, results: [])
            }
            guard var record = header else { return nil }
            var periodCache: [String: Period] = [:]
            record.results = try database.makeStatement(
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
            return record
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
