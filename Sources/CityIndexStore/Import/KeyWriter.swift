/// Writes an import's ``NewKeys`` into `unit`, `unit_key`, `indicator_key` and `period_key`,
/// with the ids ``KeyIDs`` gave them, and creates each new period's table (``ValueTable``).
///
/// Used by one thread at a time, like the connection: the thread writing a batch of values
/// writes the keys handed over with it first, so every value's keys are stored before it.
final class KeyWriter: @unchecked Sendable {
    private let database: Database
    private let ensureUnit: Statement
    private let insertUnitKey: Statement
    private let insertIndicatorKey: Statement
    private let insertPeriodKey: Statement

    init(database: Database) throws {
        self.database = database
        ensureUnit = try database.cachedStatement("INSERT INTO unit(code) VALUES (?) ON CONFLICT DO NOTHING")
        insertUnitKey = try database.cachedStatement("INSERT INTO unit_key(id, code) VALUES (?, ?)")
        insertIndicatorKey = try database.cachedStatement("INSERT INTO indicator_key(id, code) VALUES (?, ?)")
        insertPeriodKey = try database.cachedStatement("INSERT INTO period_key(id, text, period_order) VALUES (?, ?, ?)")
    }

    /// Writes `keys` and empties them.
    func write(_ keys: inout NewKeys) throws {
        guard !keys.isEmpty else { return }
        for unit in keys.units {
            try ensureUnit.execute(arguments: [.text(unit.code)])
            try insertUnitKey.execute(arguments: [.integer(unit.id), .text(unit.code)])
        }
        for indicator in keys.indicators {
            try insertIndicatorKey.execute(arguments: [.integer(indicator.id), .text(indicator.code)])
        }
        for period in keys.periods {
            try insertPeriodKey.execute(arguments: [.integer(period.id), .text(period.text), .integer(period.order)])
            // Early in the import, while few statements are compiled (each table recompiles them).
            try ValueTable(periodID: period.id).create(in: database)
        }
        keys = NewKeys()
    }
}
