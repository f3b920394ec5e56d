import CSQLite

extension Database {
    /// Runs `body` in a transaction that starts with
    /// [`BEGIN IMMEDIATE`](https://www.sqlite.org/lang_transaction.html), so the write lock is
    /// taken up front (waiting up to ``busyTimeout``), commits when `body` returns, and rolls
    /// back when it throws.
    ///
    /// Inside an open transaction, `body` runs in a
    /// [savepoint](https://www.sqlite.org/lang_savepoint.html) instead.
    ///
    /// ```swift
    /// let id = try db.transaction {
    ///     try db.execute("INSERT INTO run(created_at) VALUES (?)", ["2025-01-01T00:00:00Z"])
    ///     return db.lastInsertedRowID
    /// }
    /// ```
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if isInsideTransaction {
            try execute("SAVEPOINT cityindex_nested")
            do {
                let result = try body()
                try execute("RELEASE cityindex_nested")
                return result
            } catch {
                try? execute("ROLLBACK TO cityindex_nested")
                try? execute("RELEASE cityindex_nested")
                throw error
            }
        }
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if isInsideTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }
}
