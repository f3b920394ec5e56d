/// How predecessor units combine into their successor (DESIGN §5, a merger crosswalk).
public struct CombineRule: Sendable, Hashable {
    /// The combining function.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        case sum, mean, max, min
        /// Mean weighted by `by` (an indicator or a numeric unit attribute of the predecessors).
        case weightedMean = "weighted-mean"
    }

    /// When the combining happens.
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        /// Combine the observed values, then score the successor units.
        case observations
        /// Score the predecessor units, then combine their scores.
        case scores
    }

    /// The combining function.
    public var method: Method
    /// The weight of `weighted-mean`.
    public var by: String?
    /// When the combining happens.
    public var stage: Stage

    /// Creates a rule.
    public init(method: Method, by: String? = nil, stage: Stage = .observations) {
        self.method = method
        self.by = by
        self.stage = stage
    }

    /// Combines `values` (with `weights` for `weighted-mean`); nil when nothing to combine.
    public func combine(_ values: [Double], weights: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        switch method {
        case .sum: return values.reduce(0, +)
        case .mean: return values.reduce(0, +) / Double(values.count)
        case .max: return values.max()
        case .min: return values.min()
        case .weightedMean:
            if values.count == 1 { return values[0] }  // one value: its weight does not matter
            let total = weights.reduce(0, +)
            guard total > 0, weights.count == values.count else { return nil }
            return zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
        }
    }
}
