import CityIndexCore

/// One import's statements on each period's table (``ValueTable``), prepared when a value of
/// the period is first written, the table created then if the period had none. The import id
/// is bound in each; the statements are finalised with the import. A compiled batch statement
/// takes 64 KB (key and value) or 126 KB (every column): a file of 600 monthly periods holds
/// about 40 MB of them while it imports, a yearly panel a few.
///
/// Used by one thread at a time, like the connection: the thread that writes a batch of values
/// (``BatchInsertQueue``), or the importing thread once that one has finished
/// (``ObservationWriter`` waits for it before using the connection).
final class PeriodStatements: @unchecked Sendable {
    /// The statements that write one value at a time, and look it up.
    final class Rows {
        /// `INSERT … ON CONFLICT DO NOTHING` of one value: key 1-3, value 4, source 5, note 6,
        /// quality 7, verified 8; the import id bound.
        let insert: Statement
        /// The stored value, source, note, import id, quality and verified of a key (1-3).
        let lookup: Statement
        /// Sets value, source, note, import id, quality and verified (1-6) of a key (7-9).
        let update: Statement

        private let database: Database

        init(table: String, database: Database, importID: Int64) throws {
            self.database = database
            insert = try database.makeStatement(
                "INSERT INTO " + table + "(" + ValueTable.columns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?9, ?7, ?8) ON CONFLICT DO NOTHING")
            try insert.bind(importID, at: 9)
            lookup = try database.makeStatement(
                "SELECT value, source, note, import_id, quality, verified FROM " + table
                    + " WHERE period_id = ? AND unit_id = ? AND indicator_id = ?")
            update = try database.makeStatement(
                "UPDATE " + table + " SET value = ?, source = ?, note = ?, import_id = ?, quality = ?, verified = ?"
                    + " WHERE period_id = ? AND unit_id = ? AND indicator_id = ?")
        }

        /// Runs ``insert`` for one value; whether it was new (else the key is stored already).
        func insertIfNew(
            _ key: (period: Int64, unit: Int64, indicator: Int64), value: Double, source: String?, note: String?, mark: ValueMark
        ) throws -> Bool {
            try insert.bind(key.period, at: 1)
            try insert.bind(key.unit, at: 2)
            try insert.bind(key.indicator, at: 3)
            try insert.bind(value, at: 4)
            try insert.bind(source, at: 5)
            try insert.bind(note, at: 6)
            try insert.bind(mark, at: 7)
            try insert.execute()
            return database.changes == 1
        }
    }

    /// A multi-row `INSERT` of exactly ``ObservationWriter/batchSize`` values
    /// (``ObservationWriter/batchSQL(table:plain:)``), the import id bound.
    final class Batch {
        let statement: Statement

        init(table: String, plain: Bool, database: Database, importID: Int64) throws {
            statement = try database.makeStatement(ObservationWriter.batchSQL(table: table, plain: plain))
            try statement.bind(importID, at: 1)
        }
    }

    private let database: Database
    private let importID: Int64
    private var rows: [Int64: Rows] = [:]
    /// The plain (key and value only) and full batch statements of each period.
    private var batches: [Bool: [Int64: Batch]] = [true: [:], false: [:]]
    /// The periods whose table this import has made sure of.
    private var tables: Set<Int64> = []

    init(database: Database, importID: Int64) {
        self.database = database
        self.importID = importID
    }

    /// The one-value statements of `period`, whose table is created if it has none.
    func rows(period: Int64) throws -> Rows {
        if let known = rows[period] { return known }
        let table = try self.table(period)
        let made = try Rows(table: table.name, database: database, importID: importID)
        rows[period] = made
        return made
    }

    /// The multi-row statement of `period`, whose table is created if it has none: `plain`,
    /// key and value only (``ObservationWriter/plainColumnsPerRow`` parameters a row) for rows
    /// without source, note or mark, so SQLite binds, copies and checks half the parameters
    /// (1 M values: about a tenth less of the writing thread's time); else every column.
    func batch(period: Int64, plain: Bool) throws -> Batch {
        if let known = batches[plain]?[period] { return known }
        let table = try self.table(period)
        let made = try Batch(table: table.name, plain: plain, database: database, importID: importID)
        batches[plain, default: [:]][period] = made
        return made
    }

    /// The period's table, created the first time this import needs it if the period has none
    /// (a period met first is given its table with its key: ``KeyWriter``).
    private func table(_ period: Int64) throws -> ValueTable {
        let table = ValueTable(periodID: period)
        if tables.insert(period).inserted { try table.create(in: database) }
        return table
    }
}
