/// Brings a database to the latest schema by applying ordered ``Migration`` steps and
/// recording their count in [`PRAGMA user_version`](https://www.sqlite.org/pragma.html#pragma_user_version).
///
/// ```swift
/// let migrator = Migrator(migrations: [Migration("create-t", sql: "CREATE TABLE t(x)")])
/// try migrator.migrate(db)     // user_version = 1; running it again does nothing
/// ```
public struct Migrator: Sendable {
    /// The steps, in order; step `i` (0-based) moves the schema from version `i` to `i + 1`.
    public let migrations: [Migration]

    /// Creates a migrator.
    public init(migrations: [Migration]) {
        self.migrations = migrations
    }

    /// The schema version this migrator produces.
    public var latestVersion: Int { migrations.count }

    /// The database's schema version (`PRAGMA user_version`).
    public static func version(of db: Database) throws -> Int {
        guard case .integer(let version)? = try db.fetchValue("PRAGMA user_version") else { return 0 }
        return Int(version)
    }

    /// Applies the missing steps in one `BEGIN IMMEDIATE` transaction.
    ///
    /// - Throws: ``StoreError/newerSchema(path:found:known:)`` when the database was written by
    ///   a newer version of the tool; ``DatabaseError`` when a step fails (nothing is applied).
    public func migrate(_ db: Database) throws {
        // Check without the write lock first, so an up-to-date store opens while another
        // process writes to it.
        guard try needsMigration(db) else { return }
        try db.transaction {
            guard try needsMigration(db) else { return }
            for migration in migrations.dropFirst(try Migrator.version(of: db)) {
                try migration.apply(db)
            }
            // PRAGMA takes no bound parameters; the value is an integer we computed.
            try db.execute("PRAGMA user_version = \(latestVersion)")
        }
    }

    private func needsMigration(_ db: Database) throws -> Bool {
        let version = try Migrator.version(of: db)
        if version > latestVersion {
            throw StoreError.newerSchema(path: db.path, found: version, known: latestVersion)
        }
        return version < latestVersion
    }
}
