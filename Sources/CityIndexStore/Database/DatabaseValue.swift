/// A value stored in or bound to SQLite: one of its
/// [storage classes](https://www.sqlite.org/datatype3.html) (blobs are not used by the store).
///
/// ```swift
/// let args: [DatabaseValue] = ["01", 2024, 3.5, nil]
/// ```
public enum DatabaseValue: Sendable, Hashable {
    /// SQL `NULL`.
    case null
    /// A 64-bit integer.
    case integer(Int64)
    /// A double.
    case real(Double)
    /// UTF-8 text.
    case text(String)

    /// `.text(value)`, or `.null` when `value` is `nil`.
    public init(_ value: String?) { self = value.map(DatabaseValue.text) ?? .null }
    /// `.integer(value)`, or `.null` when `value` is `nil`.
    public init(_ value: Int64?) { self = value.map(DatabaseValue.integer) ?? .null }
    /// `.integer(value)`, or `.null` when `value` is `nil`.
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    /// `.real(value)`, or `.null` when `value` is `nil`.
    public init(_ value: Double?) { self = value.map(DatabaseValue.real) ?? .null }

    /// Whether the value is SQL `NULL`.
    public var isNull: Bool { self == .null }
}

extension DatabaseValue: ExpressibleByNilLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .real(value) }
    public init(stringLiteral value: String) { self = .text(value) }
}
