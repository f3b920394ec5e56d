import Dispatch
import Foundation

/// Runs an import's multi-row `INSERT`s on another thread while the caller reads and maps the
/// next rows of the file: one batch (several statements' worth of rows) in flight at a time
/// (double buffering), so reading and writing each keep a core busy.
///
/// The connection is used by one thread at a time: ``submit(_:)`` waits for the batch before,
/// and ``ObservationWriter`` calls ``wait()`` before it uses the connection itself (new keys,
/// values that may be stored already, the end of the import). With one core, batches run on
/// the caller's thread.
final class BatchInsertQueue: @unchecked Sendable {
    /// One new value: its key in `observation_value` order, value, source and note.
    struct Row {
        var key: (period: Int64, unit: Int64, indicator: Int64)
        var value: Double
        var source: String?
        var note: String?
    }

    /// The multi-row `INSERT` of exactly ``statementRows`` rows, the import id bound.
    private let statement: Statement
    /// The rows of one run of ``statement``; a batch holds a whole number of them.
    private let statementRows: Int
    private let database: Database
    private let queue = DispatchQueue(label: "cityindex.import.insert", qos: .userInitiated)
    private let group = DispatchGroup()
    private let runsInBackground = ProcessInfo.processInfo.activeProcessorCount > 1
    /// The batch being written; the worker's while ``inFlight``.
    private var rows: [Row] = []
    private var inFlight = false
    /// What the last batch threw, for the caller's next ``wait()``.
    private var failure: (any Error)?

    init(statement: consuming Statement, database: Database, statementRows: Int, handoffSize: Int) {
        precondition(handoffSize % statementRows == 0, "a batch must fill whole statements")
        self.statement = statement
        self.statementRows = statementRows
        self.database = database
        rows.reserveCapacity(handoffSize)
    }

    /// Hands the full `batch` (a whole number of statements' rows) over to be written and
    /// gives back an empty buffer of the same capacity; first waits for the batch before.
    ///
    /// - Throws: what writing the batch before threw (``DatabaseError``).
    func submit(_ batch: inout [Row]) throws {
        try wait()
        swap(&rows, &batch)
        batch.removeAll(keepingCapacity: true)
        guard runsInBackground else { return try execute() }
        inFlight = true
        queue.async(group: group) { [self] in
            do { try execute() } catch { failure = error }
        }
    }

    /// Waits until no batch is being written: afterwards the caller may use the connection.
    ///
    /// - Throws: what writing the last batch threw; the import must then fail.
    func wait() throws {
        guard inFlight else { return }
        group.wait()
        inFlight = false
        if let failure {
            self.failure = nil
            throw failure
        }
    }

    /// Waits for a batch in flight and forgets its outcome: an import that failed for another
    /// reason is rolled back next, which needs the connection.
    func abandon() {
        _ = try? wait()
    }

    deinit {
        if inFlight { group.wait() }
    }

    private func execute() throws {
        precondition(rows.count % statementRows == 0, "a batch must fill whole statements")
        for first in stride(from: 0, to: rows.count, by: statementRows) {
            for r in 0..<statementRows {
                let row = rows[first + r]
                let k = Int32(2 + r * 6)
                try statement.bind(row.key.period, at: k)
                try statement.bind(row.key.unit, at: k + 1)
                try statement.bind(row.key.indicator, at: k + 2)
                try statement.bind(row.value, at: k + 3)
                try statement.bind(row.source, at: k + 4)
                try statement.bind(row.note, at: k + 5)
            }
            try statement.execute()
            guard database.changes == statementRows else { throw Self.keyOrderBroken(statement.sql) }
        }
    }

    /// A value written as new was stored already, which the key order of the values held rules out.
    static func keyOrderBroken(_ sql: String) -> DatabaseError {
        DatabaseError(resultCode: 1, message: "a value written as new was already stored", sql: sql)
    }
}
