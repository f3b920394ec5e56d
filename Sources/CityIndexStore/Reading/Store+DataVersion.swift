extension Store {
    /// A number that changes when another connection (another process, or another ``Store``
    /// on the same file) commits a change to the store: a reader that spread its reads over
    /// several connections compares it before and after to know they saw the same data.
    ///
    /// See [PRAGMA data_version](https://www.sqlite.org/pragma.html#pragma_data_version).
    public func dataVersion() throws -> Int64 {
        try withLockMapping {
            guard case .integer(let version)? = try database.fetchValue("PRAGMA data_version") else {
                throw DatabaseError(resultCode: 1, message: "PRAGMA data_version gave no number", sql: "PRAGMA data_version")
            }
            return version
        }
    }
}
