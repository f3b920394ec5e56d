import CSQLite

/// The current row of a ``Statement``, valid until the statement steps again or resets.
///
/// Columns are 0-based. See [sqlite3_column_*](https://www.sqlite.org/c3ref/column_blob.html).
public struct Row {
    let handle: OpaquePointer

    /// Number of columns.
    public var count: Int { Int(sqlite3_column_count(handle)) }

    /// Whether the column holds `NULL`.
    public func isNull(at column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    /// The column's value in its storage class.
    public func value(at column: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_NULL: return .null
        default: return .text(text(at: column))
        }
    }

    /// The column as an integer. - Throws: ``DatabaseError`` when it is `NULL`.
    public func int64(at column: Int32) throws -> Int64 {
        try requireNotNull(column)
        return sqlite3_column_int64(handle, column)
    }

    /// The column as a double. - Throws: ``DatabaseError`` when it is `NULL`.
    public func double(at column: Int32) throws -> Double {
        try requireNotNull(column)
        return sqlite3_column_double(handle, column)
    }

    /// The column as text. - Throws: ``DatabaseError`` when it is `NULL`.
    public func string(at column: Int32) throws -> String {
        try requireNotNull(column)
        return text(at: column)
    }

    /// The column as an integer, `nil` when `NULL`.
    public func optionalInt64(at column: Int32) -> Int64? {
        isNull(at: column) ? nil : sqlite3_column_int64(handle, column)
    }

    /// The column as a double, `nil` when `NULL`.
    public func optionalDouble(at column: Int32) -> Double? {
        isNull(at: column) ? nil : sqlite3_column_double(handle, column)
    }

    /// The column as text, `nil` when `NULL`.
    public func optionalString(at column: Int32) -> String? {
        isNull(at: column) ? nil : text(at: column)
    }

    /// The column as bytes (a blob; empty when `NULL`).
    public func blob(at column: Int32) -> [UInt8] {
        let length = Int(sqlite3_column_bytes(handle, column))
        guard length > 0, let base = sqlite3_column_blob(handle, column) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: base, count: length))
    }

    private func text(at column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let length = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
    }

    private func requireNotNull(_ column: Int32) throws {
        guard isNull(at: column) else { return }
        let name = sqlite3_column_name(handle, column).map { String(cString: $0) } ?? "#\(column)"
        let sql = sqlite3_sql(handle).map { String(cString: $0) }
        throw DatabaseError(resultCode: SQLITE_MISMATCH, message: "unexpected NULL in column \(name)", sql: sql)
    }
}
