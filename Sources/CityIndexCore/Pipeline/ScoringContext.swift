/// What scoring one period may use beyond that period's data: the other periods (for
/// imputation over time) and frozen normalisation bounds.
public struct ScoringContext: Sendable {
    /// Data of other periods, any order (the scored period may be among them).
    public var panel: [PeriodData]
    /// Frozen min-max / z-score bounds by indicator id.
    public var bounds: [String: IndicatorBounds]

    /// Creates a context.
    public init(panel: [PeriodData] = [], bounds: [String: IndicatorBounds] = [:]) {
        self.panel = panel
        self.bounds = bounds
    }
}

/// The bounds of one indicator's values (after treatment and transform) in a reference.
public struct IndicatorBounds: Sendable, Hashable {
    public var min: Double
    public var max: Double
    public var mean: Double
    public var sd: Double
    /// Where the bounds come from.
    public var reference: BoundsReference

    /// The bounds of `values` (finite values only); nil when there are none.
    public init?(values: [Double], reference: BoundsReference) {
        let v = values.filter(\.isFinite)
        guard let lo = v.min(), let hi = v.max(), let m = Statistics.mean(v) else { return nil }
        min = lo
        max = hi
        mean = m
        sd = Statistics.standardDeviation(v) ?? 0
        self.reference = reference
    }
}
