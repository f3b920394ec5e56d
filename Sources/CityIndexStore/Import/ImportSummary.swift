import Foundation

/// What ``Store/importBatch(_:replace:)`` did.
public enum ImportSummary: Sendable, Equatable, CustomStringConvertible {
    /// The batch was imported as `importID`.
    case imported(importID: Int64, inserted: Int, replaced: Int, unchanged: Int)
    /// A file with the same SHA-256 was imported before; nothing changed.
    case alreadyImported(importID: Int64, importedAt: Date, fileName: String)

    /// The import id: the new one, or the earlier import's.
    public var importID: Int64 {
        switch self {
        case .imported(let id, _, _, _), .alreadyImported(let id, _, _): return id
        }
    }

    public var description: String {
        switch self {
        case .imported(let id, let inserted, let replaced, let unchanged):
            return "import \(id): \(inserted) new, \(replaced) replaced, \(unchanged) unchanged value(s)"
        case .alreadyImported(let id, let date, let fileName):
            return "already imported on \(Timestamp.text(date)) as \(fileName) (import \(id)); nothing to do"
        }
    }
}
