/// One named, ordered step of the schema: applying the first `n` steps gives schema version `n`.
public struct Migration: Sendable {
    /// A short name for messages and documentation, e.g. `"create-v1-schema"`.
    public let name: String
    /// The changes, run inside the migration transaction.
    public let apply: @Sendable (Database) throws -> Void

    /// Creates a step.
    public init(_ name: String, apply: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.apply = apply
    }

    /// A step that runs `sql` (one or more statements, no parameters).
    public init(_ name: String, sql: String) {
        self.init(name) { try $0.execute(sql) }
    }
}
