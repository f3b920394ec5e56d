import CSQLite

/// An error reported by SQLite: its [result code](https://www.sqlite.org/rescode.html), its
/// message and the SQL that failed.
///
/// Bound values are never kept, so the description cannot leak data into logs.
public struct DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The [extended result code](https://www.sqlite.org/rescode.html#extrc).
    public let extendedResultCode: Int32
    /// SQLite's message (`sqlite3_errmsg`).
    public let message: String
    /// The SQL that failed, when there is one.
    public let sql: String?

    /// Creates an error from a (possibly extended) result code.
    public init(resultCode: Int32, message: String, sql: String?) {
        self.extendedResultCode = resultCode
        self.message = message
        self.sql = sql
    }

    /// The [primary result code](https://www.sqlite.org/rescode.html#pve): the low 8 bits.
    public var resultCode: Int32 { extendedResultCode & 0xFF }

    /// Whether another connection holds a lock (`SQLITE_BUSY` or `SQLITE_LOCKED`).
    public var isLockError: Bool { resultCode == SQLITE_BUSY || resultCode == SQLITE_LOCKED }

    public var description: String {
        let name = String(cString: sqlite3_errstr(extendedResultCode))
        var text = "SQLite error \(extendedResultCode) (\(name)): \(message)"
        if let sql { text += " — while executing `\(sql)`" }
        return text
    }

    static func argumentCount(expected: Int, got: Int, sql: String?) -> DatabaseError {
        DatabaseError(
            resultCode: SQLITE_MISUSE,
            message: "wrong number of arguments: expected \(expected), got \(got)", sql: sql)
    }
}
