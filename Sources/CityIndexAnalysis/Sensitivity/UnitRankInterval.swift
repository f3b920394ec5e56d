import CityIndexCore

/// How one unit's rank moves under the declared uncertainties.
public struct UnitRankInterval: Sendable, Hashable {
    /// The unit.
    public var unit: UnitInfo
    /// The rank and index score of the nominal scoring.
    public var nominalRank: Int
    public var nominalScore: Double
    /// The median of the replications' ranks.
    public var medianRank: Double
    /// The 5th and 95th percentiles of the replications' ranks (type 7 interpolation).
    public var lowRank: Double
    public var highRank: Double
    /// The mean of |rank − nominal rank| over the replications.
    public var meanAbsoluteShift: Double
}
