import CityIndexCore
import Foundation

/// A stored scoring run: what produced a published rank (DESIGN §6), and its results.
public struct RunRecord: Sendable, Hashable {
    /// The run id; `nil` until saved.
    public var id: Int64?
    /// When the run was made (stored to the second, UTC).
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
    /// The options, as text (e.g. JSON), enough to re-run.
    public var options: String
    /// The cityindex version.
    public var toolVersion: String
    /// The decimals the scores were rounded to (the set's `precision`), nil when not rounded.
    public var precision: Int?
    /// The scores, in the order given.
    public var results: [RunResultRow]
    /// What identifies the run's inputs: the SHA-256 of the criteria set's hash, the data's hash
    /// and the options. A run with a stored key is not stored again.
    public var key: String?
    /// The newest import in the store when the run was made.
    public var lastImportID: Int64?

    /// Creates a run record.
    public init(
        id: Int64? = nil, createdAt: Date, criteriaID: String, criteriaVersion: String,
        criteriaSHA256: String, dataSHA256: String, periods: [Period], options: String,
        toolVersion: String, precision: Int? = nil, results: [RunResultRow], key: String? = nil, lastImportID: Int64? = nil
    ) {
        self.id = id
        self.createdAt = createdAt
        self.criteriaID = criteriaID
        self.criteriaVersion = criteriaVersion
        self.criteriaSHA256 = criteriaSHA256
        self.dataSHA256 = dataSHA256
        self.periods = periods
        self.options = options
        self.toolVersion = toolVersion
        self.precision = precision
        self.results = results
        self.key = key
        self.lastImportID = lastImportID
    }
}
