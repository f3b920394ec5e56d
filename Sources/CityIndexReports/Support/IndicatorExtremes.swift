import CityIndexCore

/// A unit's strongest and weakest indicators by rank, as `compare` and the unit profile list them.
///
/// The rule:
/// - **Strongest**: the `count` scored indicators with the best (smallest) ranks; ties are
///   broken by tree order.
/// - **Weakest**: the `count` indicators with the worst ranks, worst first, taken only from the
///   indicators ranked strictly below every strongest one. An indicator the unit ranks first
///   on, or shares a rank with a strength, is never called a weakness, and a unit with the same
///   rank on every indicator has none.
///
/// `count` is capped at half the ranked indicators (at least one), so the two lists never
/// overlap.
///
/// ```swift
/// let e = IndicatorExtremes(result: result, unit: 0, count: 3)
/// e.strongest  // node indices, best rank first
/// e.weakest    // node indices, worst rank first; may be empty
/// ```
public struct IndicatorExtremes: Sendable, Equatable {
    /// Node indices of the strongest indicators, best rank first.
    public var strongest: [Int]
    /// Node indices of the weakest indicators, worst rank first.
    public var weakest: [Int]

    /// The extremes of `unit` in `result`, at most `count` each.
    /// - Complexity: O(i log i) for i scored indicators.
    public init(result: ScoreResult, unit: Int, count: Int) {
        let ranked = result.criteria.scoredIndicatorIndices.compactMap { i in result.rank(node: i, unit: unit).map { (node: i, rank: $0) } }
            .sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.node < $1.node }
        let k = min(count, max(1, ranked.count / 2))
        let strong = Array(ranked.prefix(k))
        let bar = strong.map(\.rank).max() ?? Int.max
        strongest = strong.map(\.node)
        weakest = ranked.dropFirst(k).filter { $0.rank > bar }.suffix(k).reversed().map(\.node)
    }
}
