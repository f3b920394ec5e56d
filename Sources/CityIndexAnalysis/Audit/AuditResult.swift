import CityIndexCore

/// A statistical audit of a criteria set on one period's data.
public struct AuditResult: Sendable {
    /// The criteria set's id.
    public var criteriaID: String
    /// The period.
    public var period: Period
    /// Units ranked (over which every statistic is computed).
    public var units: Int
    /// One row per scored indicator, in tree order.
    public var indicators: [IndicatorStatistics]
    /// Within pillars, indicator to pillar, pillar to index.
    public var correlations: [CorrelationRow]
    /// One row per pillar.
    public var pillars: [PillarReliability]
    /// The redundancy threshold used (|r| above it is flagged).
    public var redundancyThreshold: Double
}
