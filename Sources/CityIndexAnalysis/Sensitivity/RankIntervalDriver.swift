import CityIndexCore

/// Why a unit's rank moves under the declared uncertainties: the input that explains most of
/// the variance of its rank (the largest total sensitivity index S_Ti of its rank), and the
/// choices of the replication in which it ranks worst, with the indicators a geometric or
/// harmonic mean raised to the floor there.
///
/// ```swift
/// let d = result.drivers["79"]
/// d?.input        // .aggregation
/// d?.aggregation  // .geometric: the alternative under which it ranks worst
/// d?.floored      // the indicators scoring 0 that were raised to the floor
/// ```
public struct RankIntervalDriver: Sendable, Hashable {
    /// The input with the largest total index of the unit's rank; nil when the rank does not vary.
    public var input: UncertainInput?
    /// That input's total index S_Ti.
    public var total: Double?
    /// The worst and best ranks over the replications.
    public var worstRank: Int
    public var bestRank: Int
    /// The choices of the replication with the worst rank, for the inputs that are uncertain:
    /// the normalisation, the aggregation, whether the set's imputation was used, the node left
    /// out (nil: none, or not uncertain).
    public var normalisation: NormalisationChoice?
    public var aggregation: AggregationChoice?
    public var imputation: Bool?
    public var leftOut: LocalizedText?
    /// The unit's indicators that scored 0 or less (below the node's floor) under a geometric or
    /// harmonic mean in that replication, and were raised to the floor.
    public var floored: [LocalizedText]

    /// Creates a driver.
    public init(
        input: UncertainInput?, total: Double?, worstRank: Int, bestRank: Int, normalisation: NormalisationChoice? = nil,
        aggregation: AggregationChoice? = nil, imputation: Bool? = nil, leftOut: LocalizedText? = nil, floored: [LocalizedText] = []
    ) {
        self.input = input
        self.total = total
        self.worstRank = worstRank
        self.bestRank = bestRank
        self.normalisation = normalisation
        self.aggregation = aggregation
        self.imputation = imputation
        self.leftOut = leftOut
        self.floored = floored
    }
}
