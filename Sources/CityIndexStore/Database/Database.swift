import CSQLite

/// A connection to an SQLite database file: the only reference type of the store.
///
/// A `Database` opens the file read-write (creating it when missing), turns on
/// [foreign keys](https://www.sqlite.org/foreignkeys.html), the
/// [write-ahead log](https://www.sqlite.org/wal.html) with `synchronous=NORMAL`, and a
/// [busy timeout](https://www.sqlite.org/c3ref/busy_timeout.html) so that a second process
/// waits for a writer instead of failing at once.
///
/// A connection is not `Sendable`: it is opened in
/// [multi-thread mode](https://www.sqlite.org/threadsafe.html) (`SQLITE_OPEN_NOMUTEX`), which
/// is safe because the compiler keeps it on one concurrency domain at a time.
///
/// ```swift
/// let db = try Database(path: "cityindex.sqlite")
/// try db.execute("CREATE TABLE t(x INTEGER)")
/// try db.transaction {
///     try db.execute("INSERT INTO t(x) VALUES (?)", [42])
/// }
/// ```
public final class Database {
    /// The path the connection was opened with.
    public let path: String

    /// The underlying `sqlite3*` handle.
    let handle: OpaquePointer

    /// Prepared statements kept for the life of the connection, by SQL text.
    private var cache: [String: OpaquePointer] = [:]

    /// Opens (or creates) the database at `path`.
    ///
    /// - Parameters:
    ///   - path: a file path, or `:memory:` for a private in-memory database.
    ///   - busyTimeout: seconds to wait for another connection's lock before failing with
    ///     `SQLITE_BUSY` ([sqlite3_busy_timeout](https://www.sqlite.org/c3ref/busy_timeout.html)).
    /// - Throws: ``DatabaseError`` when the file cannot be opened or configured.
    ///
    /// See [sqlite3_open_v2](https://www.sqlite.org/c3ref/open.html).
    public init(path: String, busyTimeout: Double = 5) throws {
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(connection)
            throw DatabaseError(resultCode: code, message: "\(message) (\(path))", sql: nil)
        }
        self.path = path
        self.handle = connection
        sqlite3_extended_result_codes(connection, 1)
        self.busyTimeout = busyTimeout
        applyBusyTimeout()  // didSet does not run during init
        // https://www.sqlite.org/pragma.html
        try execute("PRAGMA foreign_keys = ON")
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
    }

    deinit {
        for statement in cache.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// Seconds to wait for a lock held by another connection before failing with `SQLITE_BUSY`.
    ///
    /// See [sqlite3_busy_timeout](https://www.sqlite.org/c3ref/busy_timeout.html).
    public var busyTimeout: Double {
        didSet { applyBusyTimeout() }
    }

    private func applyBusyTimeout() {
        let milliseconds = (busyTimeout * 1000).rounded()
        let clamped = min(max(milliseconds, 0), Double(Int32.max))
        sqlite3_busy_timeout(handle, Int32(clamped))
    }

    /// Executes one or more `;`-separated statements, binding `arguments` in order to their
    /// `?` parameters; rows they return are ignored.
    ///
    /// ```swift
    /// try db.execute("UPDATE unit SET name = ? WHERE code = ?", ["Hà Nội", "01"])
    /// ```
    ///
    /// Statements run one after another, as with
    /// [sqlite3_exec](https://www.sqlite.org/c3ref/exec.html): when one fails, those before it
    /// have run; wrap the call in ``transaction(_:)`` to make it all or nothing.
    ///
    /// - Throws: ``DatabaseError``, also when the number of arguments does not match the
    ///   number of parameters (checked before the last statement runs).
    public func execute(_ sql: String, _ arguments: [DatabaseValue] = []) throws {
        var remaining = arguments[...]
        try sql.withCString { start in
            var tail: UnsafePointer<CChar>? = start
            while let current = tail, current.pointee != 0 {
                var raw: OpaquePointer?
                let code = sqlite3_prepare_v2(handle, current, -1, &raw, &tail)
                guard code == SQLITE_OK else { throw error(code: code, sql: sql) }
                guard let raw else { continue }  // whitespace or a comment
                let statement = Statement(handle: raw, database: self, ownsHandle: true)
                let count = Int(sqlite3_bind_parameter_count(raw))
                let isLast = tail.map { String(cString: $0).allSatisfy(\.isWhitespace) } ?? true
                // The last statement must use up the arguments: check before running it.
                guard count <= remaining.count, !isLast || count == remaining.count else {
                    throw DatabaseError.argumentCount(
                        expected: arguments.count - remaining.count + count, got: arguments.count,
                        sql: statement.sql)
                }
                try statement.execute(arguments: Array(remaining.prefix(count)))
                remaining = remaining.dropFirst(count)
            }
        }
        guard remaining.isEmpty else {  // only for SQL without any statement
            throw DatabaseError.argumentCount(
                expected: arguments.count - remaining.count, got: arguments.count, sql: sql)
        }
    }

    /// Compiles one SQL statement. The statement is finalized when the value is dropped.
    ///
    /// See [sqlite3_prepare_v2](https://www.sqlite.org/c3ref/prepare.html).
    /// - Throws: ``DatabaseError`` on a syntax error, or when `sql` holds more than one statement.
    public func makeStatement(_ sql: String) throws -> Statement {
        Statement(handle: try prepare(sql), database: self, ownsHandle: true)
    }

    /// A compiled statement kept by the connection for reuse, reset and with its bindings
    /// cleared: use it in loops and hot paths.
    ///
    /// Do not use two values for the same SQL at once: they share one compiled statement.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let handle = cache[sql] {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            return Statement(handle: handle, database: self, ownsHandle: false)
        }
        let handle = try prepare(sql)
        cache[sql] = handle
        return Statement(handle: handle, database: self, ownsHandle: false)
    }

    /// The first column of the first row of `sql`, or `nil` when there is no row.
    public func fetchValue(_ sql: String, _ arguments: [DatabaseValue] = []) throws -> DatabaseValue? {
        let statement = try makeStatement(sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        return try statement.step()?.value(at: 0)
    }

    /// Number of rows changed by the last `INSERT`, `UPDATE` or `DELETE`.
    ///
    /// See [sqlite3_changes](https://www.sqlite.org/c3ref/changes.html).
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// The rowid of the last successful `INSERT`.
    ///
    /// See [sqlite3_last_insert_rowid](https://www.sqlite.org/c3ref/last_insert_rowid.html).
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Whether a transaction is open ([sqlite3_get_autocommit](https://www.sqlite.org/c3ref/get_autocommit.html)).
    public var isInsideTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    private func prepare(_ sql: String) throws -> OpaquePointer {
        var raw: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sql.withCString { sqlite3_prepare_v2(handle, $0, -1, &raw, &tail) }
        guard code == SQLITE_OK else { throw error(code: code, sql: sql) }
        guard let raw else {
            throw DatabaseError(resultCode: SQLITE_MISUSE, message: "no SQL statement", sql: sql)
        }
        if let tail, tail.pointee != 0, !String(cString: tail).allSatisfy(\.isWhitespace) {
            sqlite3_finalize(raw)
            throw DatabaseError(
                resultCode: SQLITE_MISUSE, message: "more than one statement; use execute(_:_:)", sql: sql)
        }
        return raw
    }

    /// The error for a failed call, with the connection's current message.
    func error(code: Int32, sql: String?) -> DatabaseError {
        DatabaseError(resultCode: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}
