import CityIndexCore

/// A loaded criteria set with what the loader learned beside it.
public struct CriteriaLoadResult: Sendable, Hashable {
    /// The set.
    public var set: CriteriaSet
    /// Problems that do not stop the set from loading (severity `.warning`).
    public var warnings: [CriteriaProblem]
    /// Unit attribute names declared by `Group` rows of a flat table, in table order.
    public var groups: [String]
    /// `denominate.by` values that name no indicator of the set: unit attributes, checked
    /// against the unit registry when data are scored. Sorted, without repeats.
    public var attributeDenominators: [String]
    /// Every indicator or unit attribute the set refers to (`denominate.by`, `impute.by`,
    /// `combine.by`), with its place: the caller checks the attribute names against the unit
    /// registries and data (``CriteriaLoader`` checks the indicator ids).
    public var references: [NameReference] = []

    /// Creates a result.
    public init(
        set: CriteriaSet, warnings: [CriteriaProblem] = [], groups: [String] = [], attributeDenominators: [String] = []
    ) {
        self.set = set
        self.warnings = warnings
        self.groups = groups
        self.attributeDenominators = attributeDenominators
    }
}
