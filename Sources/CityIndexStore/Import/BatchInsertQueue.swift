import CityIndexCore
import Foundation
import Synchronization

/// Runs an import's multi-row `INSERT`s on another thread while the caller reads and maps the
/// next rows of the file, so reading and writing each keep a core busy. Up to ``depth``
/// batches (each several statements' worth of rows) wait or run at a time, so a batch that
/// reads slowly or writes slowly does not stall the other side. Batches are handed over by
/// ``HandoffThread``, which keeps both threads awake while they feed each other.
///
/// The connection is used by one thread at a time: ``ObservationWriter`` calls ``wait()``
/// before it uses the connection itself (values that may be stored already, the end of the
/// import). The units, indicators and periods met first since the last batch are handed over
/// with it and written before its values (``KeyWriter``), so a new key does not wait for the
/// writing thread. With one core, batches run on the caller's thread.
final class BatchInsertQueue: @unchecked Sendable {
    /// One new value: its key in the order of its period's table, value, source, note and mark
    /// (``ValueMark/packed``).
    struct Row {
        var key: (period: Int64, unit: Int64, indicator: Int64)
        var value: Double
        var source: String?
        var note: String?
        var mark: UInt8

        /// Whether the row has no source, note or mark (the plain ``PeriodStatements/Batch`` writes it).
        var isPlain: Bool { source == nil && note == nil && mark == 0 }
    }

    /// The rows of one batch; the worker's from ``submit(_:)`` until the batch has run.
    private final class Slot {
        var rows: [Row] = []
        var keys = NewKeys()
    }

    /// How many batches may be handed over and not yet written.
    static let depth = 2

    /// Each period's multi-row `INSERT`s of exactly ``statementRows`` rows, the import id bound.
    private let statements: PeriodStatements
    /// The rows of one run of a statement, all of one period; a batch holds a whole number of them.
    private let statementRows: Int
    private let database: Database
    /// Writes the keys handed over with a batch, before its values.
    private let keyWriter: KeyWriter
    /// The thread that writes the batches; nil with one core, where batches run on the
    /// caller's thread. Started by the first batch.
    private var worker: HandoffThread?
    private let runsInBackground = ProcessInfo.processInfo.activeProcessorCount > 1
    /// Batch `n` (the worker's job `n`) is held in `slots[n % depth]`.
    private let slots: [Slot]
    /// What a batch threw; later batches are then skipped. Set on the worker, read on the caller.
    private let failure = Mutex<(any Error)?>(nil)

    init(
        statements: PeriodStatements, database: Database, keyWriter: KeyWriter, statementRows: Int, handoffSize: Int
    ) {
        precondition(handoffSize % statementRows == 0, "a batch must fill whole statements")
        self.statements = statements
        self.statementRows = statementRows
        self.database = database
        self.keyWriter = keyWriter
        slots = (0..<Self.depth).map { _ in
            let slot = Slot()
            slot.rows.reserveCapacity(handoffSize)
            return slot
        }
    }

    /// Hands the full `batch` (a whole number of statements' rows, each statement's of one
    /// period and in key order) over to be written after
    /// `keys` (those its values may name), and gives back an empty buffer of the same capacity
    /// and no keys; first waits until fewer than ``depth`` batches are waiting or running.
    ///
    /// - Throws: what writing an earlier batch threw (``DatabaseError``).
    func submit(_ batch: inout [Row], keys: inout NewKeys) throws {
        guard runsInBackground else {
            try keyWriter.write(&keys)
            swap(&slots[0].rows, &batch)
            batch.removeAll(keepingCapacity: true)
            return try execute(slots[0].rows)
        }
        let worker = self.worker ?? startWorker()
        let job = worker.nextJob
        worker.awaitCompletion(of: job - Self.depth)
        try rethrowFailure()
        let slot = slots[job % Self.depth]
        swap(&slot.rows, &batch)
        batch.removeAll(keepingCapacity: true)
        swap(&slot.keys, &keys)
        worker.post()
    }

    /// Starts the thread that writes the batches, at the first batch.
    private func startWorker() -> HandoffThread {
        // The queue outlives every job: `deinit` waits for the last and stops the thread.
        let started = HandoffThread(name: "cityindex.import.insert") { [unowned(unsafe) self] job in
            guard failure.withLock({ $0 == nil }) else { return }
            let slot = slots[job % Self.depth]
            do {
                try keyWriter.write(&slot.keys)
                try execute(slot.rows)
            } catch { failure.withLock { $0 = error } }
        }
        worker = started
        return started
    }

    /// Waits until no batch is being written: afterwards the caller may use the connection.
    ///
    /// - Throws: what writing a batch threw; the import must then fail.
    func wait() throws {
        worker?.awaitCompletion()
        try rethrowFailure()
    }

    /// Waits for the batches in flight and forgets their outcome: an import that failed for
    /// another reason is rolled back next, which needs the connection.
    func abandon() {
        _ = try? wait()
    }

    deinit {
        worker?.stop()
    }

    /// Once a batch has failed, every later call throws its error: the import must fail.
    private func rethrowFailure() throws {
        if let error = failure.withLock({ $0 }) { throw error }
    }

    private func execute(_ rows: [Row]) throws {
        precondition(rows.count % statementRows == 0, "a batch must fill whole statements")
        for first in stride(from: 0, to: rows.count, by: statementRows) {
            let chunk = rows[first..<(first + statementRows)]
            let period = rows[first].key.period
            precondition(rows[first + statementRows - 1].key.period == period, "a statement writes one period's values")
            if chunk.allSatisfy(\.isPlain) {
                let batch = try statements.batch(period: period, plain: true)
                try run(chunk, on: batch.statement, columnsPerRow: ObservationWriter.plainColumnsPerRow) { _, _ in }
            } else {
                let batch = try statements.batch(period: period, plain: false)
                try run(chunk, on: batch.statement, columnsPerRow: ObservationWriter.columnsPerRow) { row, k in
                    try batch.statement.bind(row.source, at: k + 4)
                    try batch.statement.bind(row.note, at: k + 5)
                    try batch.statement.bind(ValueMark(packed: row.mark), at: k + 6)
                }
            }
        }
    }

    /// Binds each row's key and value (its first four parameters) and whatever `bindRest` binds
    /// of it, then runs `statement`, which must insert every one of its rows.
    private func run(
        _ chunk: ArraySlice<Row>, on statement: borrowing Statement, columnsPerRow: Int, bindRest: (Row, Int32) throws -> Void
    ) throws {
        for (r, row) in zip(0..., chunk) {
            let k = Int32(2 + r * columnsPerRow)
            try statement.bind(row.key.period, at: k)
            try statement.bind(row.key.unit, at: k + 1)
            try statement.bind(row.key.indicator, at: k + 2)
            try statement.bind(row.value, at: k + 3)
            try bindRest(row, k)
        }
        try statement.execute()
        guard database.changes == statementRows else { throw Self.keyOrderBroken(statement.sql) }
    }

    /// A value written as new was stored already, which the key order of the values held rules out.
    static func keyOrderBroken(_ sql: String) -> DatabaseError {
        DatabaseError(resultCode: 1, message: "a value written as new was already stored", sql: sql)
    }
}
