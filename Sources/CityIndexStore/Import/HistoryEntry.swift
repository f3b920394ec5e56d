import CityIndexCore
import Foundation

/// A stored value that an import replaced (`observation_history`).
public struct HistoryEntry: Sendable, Hashable {
    /// The history row id.
    public var id: Int64
    /// The value before.
    public var oldValue: Double
    /// Its source.
    public var oldSource: String?
    /// Its note.
    public var oldNote: String?
    /// The import that had written it.
    public var oldImportID: Int64?
    /// The value after.
    public var newValue: Double
    /// The import that replaced it.
    public var newImportID: Int64
    /// When (whole seconds, UTC).
    public var replacedAt: Date
    /// Its data-quality level and verified flag.
    public var oldMark: ValueMark = ValueMark()
}
