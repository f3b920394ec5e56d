import CityIndexCore

/// How one unit's rank moves under the declared uncertainties.
public struct UnitRankInterval: Sendable, Hashable {
    /// The unit.
    public var unit: UnitInfo
    /// The rank and index score of the nominal scoring.
    public var nominalRank: Int
    public var nominalScore: Double
    /// The median of the replications' ranks: a rank or a half between two.
    public var medianRank: Double
    /// The 5th and 95th percentiles of the replications' ranks, each a rank or a half between
    /// two (the inverse of the empirical distribution, averaged where it is flat: Hyndman and
    /// Fan type 2).
    public var lowRank: Double
    public var highRank: Double
    /// The mean of |rank − nominal rank| over the replications.
    public var meanAbsoluteShift: Double
}
