/// A normalisation alternative of a sensitivity run, applied to every scored indicator.
public enum NormalisationChoice: String, Sendable, Hashable, CaseIterable {
    /// Each indicator's normalisation as the criteria set writes it.
    case asSet = "set"
    /// Min-max over the ranked units, to [0, scale].
    case minMax = "min-max"
    /// Standard scores rescaled to scale ± scale / 10 (100 ± 10 on a 0-100 set).
    case zScore = "z-score"
    /// Ranks from the worst (1) to the best (n).
    case rank

    /// The step this choice puts on every indicator, nil to keep the set's.
    /// - Complexity: O(1).
    public func step(scale: Double) -> NormaliseStep? {
        switch self {
        case .asSet: nil
        case .minMax: .minMax
        case .zScore: .zScore(mean: scale, sd: scale / 10)
        case .rank: .rank
        }
    }
}
