import Foundation

/// What ``Store/importBatch(_:replace:)`` did.
public enum ImportSummary: Sendable, Equatable, CustomStringConvertible {
    /// The batch was imported as `importID`; `annotated` of the `unchanged` values took the
    /// source, note, quality or verified mark the file states anew (the old ones kept in history).
    case imported(importID: Int64, inserted: Int, replaced: Int, unchanged: Int, annotated: Int = 0)
    /// A file with the same SHA-256 was imported before; nothing changed.
    case alreadyImported(importID: Int64, importedAt: Date, fileName: String)

    /// The import id: the new one, or the earlier import's.
    public var importID: Int64 {
        switch self {
        case .imported(let id, _, _, _, _), .alreadyImported(let id, _, _): return id
        }
    }

    public var description: String {
        switch self {
        case .imported(let id, let inserted, let replaced, let unchanged, let annotated):
            return "import \(id): \(inserted) new, \(replaced) replaced, \(unchanged) unchanged value(s)"
                + (annotated > 0 ? "; \(annotated) unchanged value(s) took a new source, note, quality or verified mark (the old ones are kept in history)" : "")
        case .alreadyImported(let id, let date, let fileName):
            return "already imported on \(Timestamp.text(date)) as \(fileName) (import \(id)); nothing to do"
        }
    }
}
