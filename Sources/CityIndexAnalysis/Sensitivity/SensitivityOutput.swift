/// The output whose variance a sensitivity index apportions.
public enum SensitivityOutput: Sendable, Hashable, CustomStringConvertible {
    /// The mean over the units of |rank − nominal rank|: how much the ranking as a whole moves.
    case meanRankShift
    /// The rank of one unit (by code).
    case rank(unit: String)

    /// The output as written in `sensitivity-indices.csv`.
    public var description: String {
        switch self {
        case .meanRankShift: "mean-rank-shift"
        case let .rank(unit): "rank:\(unit)"
        }
    }
}
