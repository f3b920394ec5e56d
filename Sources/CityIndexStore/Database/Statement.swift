import CSQLite

/// `SQLITE_TRANSIENT`: SQLite copies bound text before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A compiled SQL statement ([sqlite3_stmt](https://www.sqlite.org/c3ref/stmt.html)).
///
/// A statement is not copyable: it finalizes itself when dropped (unless it came from
/// ``Database/cachedStatement(_:)``, whose statements live as long as the connection). It keeps
/// its connection alive.
///
/// ```swift
/// let insert = try db.cachedStatement("INSERT INTO t(a, b) VALUES (?, ?)")
/// for (a, b) in pairs {
///     try insert.bind(a, at: 1)
///     try insert.bind(b, at: 2)
///     try insert.execute()
/// }
/// let select = try db.makeStatement("SELECT a FROM t WHERE b > ?")
/// let values = try select.fetchAll(arguments: [1.5]) { try $0.int64(at: 0) }
/// ```
public struct Statement: ~Copyable {
    let handle: OpaquePointer
    /// The connection, kept alive while the statement exists.
    public let database: Database
    private let ownsHandle: Bool

    init(handle: OpaquePointer, database: Database, ownsHandle: Bool) {
        self.handle = handle
        self.database = database
        self.ownsHandle = ownsHandle
    }

    deinit {
        if ownsHandle { sqlite3_finalize(handle) }
    }

    /// The SQL text of the statement.
    public var sql: String { sqlite3_sql(handle).map { String(cString: $0) } ?? "" }

    /// Number of `?` parameters.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    // MARK: Binding (https://www.sqlite.org/c3ref/bind_blob.html)

    /// Resets the statement, then binds `arguments` to parameters 1, 2, …
    /// - Throws: ``DatabaseError`` when the count does not match ``parameterCount``.
    public func bind(_ arguments: [DatabaseValue]) throws {
        reset()
        guard arguments.count == parameterCount else {
            throw DatabaseError.argumentCount(expected: parameterCount, got: arguments.count, sql: sql)
        }
        for (offset, value) in arguments.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds `value` to the 1-based parameter `index`.
    public func bind(_ value: DatabaseValue, at index: Int32) throws {
        switch value {
        case .null: try bindNull(at: index)
        case .integer(let v): try bind(v, at: index)
        case .real(let v): try bind(v, at: index)
        case .text(let v): try bind(v, at: index)
        }
    }

    /// Binds an integer to the 1-based parameter `index`.
    public func bind(_ value: Int64, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    /// Binds a double to the 1-based parameter `index`.
    public func bind(_ value: Double, at index: Int32) throws {
        try check(sqlite3_bind_double(handle, index, value))
    }

    /// Binds UTF-8 text to the 1-based parameter `index`.
    public func bind(_ value: String, at index: Int32) throws {
        var text = value
        let code = text.withUTF8 { buffer -> Int32 in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                return sqlite3_bind_text(handle, index, "", 0, transient)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                sqlite3_bind_text(handle, index, $0, Int32(buffer.count), transient)
            }
        }
        try check(code)
    }

    /// Binds bytes as a blob to the 1-based parameter `index`.
    public func bind(blob bytes: [UInt8], at index: Int32) throws {
        let code = bytes.withUnsafeBytes { buffer in
            sqlite3_bind_blob(handle, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(buffer.count), transient)
        }
        try check(code)
    }

    /// Binds text, or `NULL` when `value` is `nil`.
    public func bind(_ value: String?, at index: Int32) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    /// Binds a double, or `NULL` when `value` is `nil`.
    public func bind(_ value: Double?, at index: Int32) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    /// Binds an integer, or `NULL` when `value` is `nil`.
    public func bind(_ value: Int64?, at index: Int32) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    /// Binds `NULL` to the 1-based parameter `index`.
    public func bindNull(at index: Int32) throws {
        try check(sqlite3_bind_null(handle, index))
    }

    // MARK: Running (https://www.sqlite.org/c3ref/step.html)

    /// Runs the statement to completion, ignoring rows, then resets it (bindings are kept).
    ///
    /// - Parameter arguments: values for all parameters; `nil` runs with the current bindings.
    public func execute(arguments: [DatabaseValue]? = nil) throws {
        if let arguments { try bind(arguments) }
        defer { reset() }
        while try step() != nil {}
    }

    /// Advances to the next row; `nil` at the end, after which the statement is reset.
    ///
    /// The row is valid until the next call to `step()` or `reset()`.
    public func step() throws -> Row? {
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            return Row(handle: handle)
        case SQLITE_DONE:
            reset()
            return nil
        case let code:
            // The statement's error is read before reset, which would clear it.
            let error = database.error(code: code, sql: sql)
            reset()
            throw error
        }
    }

    /// Binds `arguments` (when given) and maps every row with `transform`.
    public func fetchAll<T>(arguments: [DatabaseValue]? = nil, _ transform: (Row) throws -> T) throws -> [T] {
        if let arguments { try bind(arguments) }
        defer { reset() }
        var result: [T] = []
        while let row = try step() { result.append(try transform(row)) }
        return result
    }

    /// Binds `arguments` (when given) and maps the first row with `transform`, if any.
    public func fetchOne<T>(arguments: [DatabaseValue]? = nil, _ transform: (Row) throws -> T) throws -> T? {
        if let arguments { try bind(arguments) }
        defer { reset() }
        guard let row = try step() else { return nil }
        return try transform(row)
    }

    /// Resets the statement so it can run again; bindings are kept.
    ///
    /// See [sqlite3_reset](https://www.sqlite.org/c3ref/reset.html).
    public func reset() {
        sqlite3_reset(handle)
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
    }
}
