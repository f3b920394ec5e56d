/// Step 7: turn an indicator's values into scores.
public enum NormaliseStep: Sendable, Hashable {
    /// What `bands` thresholds compare against.
    public enum BandBasis: String, Sendable, Hashable, CaseIterable {
        /// The value itself.
        case value
        /// The value as a share of the target (lower-is-better: target / value).
        case target
    }

    /// Linear from the period's minimum (0) to its maximum (`scale`).
    case minMax
    /// Clip to [min, max], then linear to [0, scale]; fixed across periods.
    case goalposts(min: Double, max: Double)
    /// Share of the target reached, capped at 1, times `scale` (nil: the node's `target`).
    case target(Double?)
    /// Standard score, rescaled to `mean` ± `sd`.
    case zScore(mean: Double, sd: Double)
    /// Rank from the worst (1) to the best (n); ties share the mean rank.
    case rank
    /// Percentile rank: 0 for the worst, `scale` for the best.
    case percentile
    /// Points by thresholds: below `thresholds[0]` → `points[0]` … at or above the last → the last points
    /// (a value at a threshold, within a relative 1e-9, passes it: band edges are inclusive at the bottom).
    case bands(basis: BandBasis, target: Double?, thresholds: [Double], points: [Double])
    /// min(value, 1) × `maxPoints` (DTI components).
    case ratio(maxPoints: Double)
    /// A value above zero → `maxPoints`, zero → 0.
    case yesNo(maxPoints: Double)
    /// The value is already a score.
    case none

    /// Whether the method scores a value against a target (`target`, `bands` of target).
    public var usesTarget: Bool {
        switch self {
        case .target, .bands(.target, _, _, _): true
        default: false
        }
    }

    /// The target written in the method itself (`normalise: {method: target, target: 80}`).
    public var givenTarget: Double? {
        switch self {
        case let .target(t): t
        case let .bands(.target, t, _, _): t
        default: nil
        }
    }

    /// The method name as written in a criteria set.
    public var methodName: String {
        switch self {
        case .minMax: "min-max"
        case .goalposts: "goalposts"
        case .target: "target"
        case .zScore: "z-score"
        case .rank: "rank"
        case .percentile: "percentile"
        case .bands: "bands"
        case .ratio: "ratio"
        case .yesNo: "yes-no"
        case .none: "none"
        }
    }
}
