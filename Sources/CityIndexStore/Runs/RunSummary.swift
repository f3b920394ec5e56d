import CityIndexCore
import Foundation

/// A run without its results, as listed by ``Store/runs()``.
public struct RunSummary: Sendable, Hashable {
    /// The run id.
    public var id: Int64
    /// When the run was made.
    public var createdAt: Date
    /// The criteria set's id.
    public var criteriaID: String
    /// The criteria set's version.
    public var criteriaVersion: String
    /// SHA-256 of the criteria file.
    public var criteriaSHA256: String
    /// SHA-256 identifying the data used.
    public var dataSHA256: String
    /// The periods scored.
    public var periods: [Period]
    /// The cityindex version.
    public var toolVersion: String
    /// Number of result rows.
    public var resultCount: Int
    /// The options, as text.
    public var options: String = ""
}
