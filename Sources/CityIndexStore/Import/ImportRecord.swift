import Foundation

/// One imported file, as listed by ``Store/imports()``.
public struct ImportRecord: Sendable, Hashable {
    /// The import id.
    public var id: Int64
    /// SHA-256 of the file (hex).
    public var sha256: String
    /// The file name.
    public var fileName: String
    /// When it was imported (whole seconds, UTC).
    public var importedAt: Date
    /// Number of values in the file.
    public var rows: Int
    /// Number of stored values it replaced.
    public var replaced: Int
    /// The reader options used.
    public var options: String
}
