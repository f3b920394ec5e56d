extension Database {
    /// Runs `body` with [foreign key enforcement](https://www.sqlite.org/foreignkeys.html#fk_enable)
    /// off, for the import's hot path only, and turns it back on afterwards.
    ///
    /// An import satisfies every reference by construction: it creates each referenced unit
    /// before its values, and every value points at the `import_file` row it has just inserted.
    /// Enforcement would repeat two parent-key lookups per value, about 40 % of the insert time.
    /// Inside an open transaction the pragma cannot change, so `body` runs with enforcement on.
    func withForeignKeysDeferredToConstruction<T>(_ body: () throws -> T) throws -> T {
        guard !isInsideTransaction else { return try body() }
        try execute("PRAGMA foreign_keys = OFF")
        defer { try? execute("PRAGMA foreign_keys = ON") }
        return try body()
    }
}
