/// Step 8: combine the scores of a node's children.
public struct AggregateStep: Sendable, Hashable {
    /// How children combine.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// Weighted arithmetic mean.
        case arithmetic
        /// Weighted geometric mean.
        case geometric
        /// Weighted harmonic mean.
        case harmonic
        /// Weighted sum (points).
        case sum
        /// The least child score.
        case min
    }

    /// What a missing child means.
    public enum Missing: String, Sendable, Hashable, CaseIterable {
        /// Re-normalise the weights over the children present.
        case reweight
        /// A missing child scores 0 (DTI: not reported = 0 points).
        case zero
        /// The node is missing when any child is.
        case fail
    }

    /// What a geometric or harmonic mean does with a zero or negative child score.
    public enum ZeroRule: String, Sendable, Hashable, CaseIterable {
        /// Stop the run with an error naming the node, unit and child (the default).
        case error
        /// Leave the unit unranked, with the reason in the report.
        case exclude
    }

    /// What a node aggregates.
    public enum Over: String, Sendable, Hashable, CaseIterable {
        /// Its children's scores (the default).
        case children
        /// Every scored indicator below it, each with its own weight, as if they were its
        /// children (U4SSC: a category, sub-dimension or dimension is points over the maximum
        /// points of the KPIs reported).
        case indicators
    }

    /// How children combine.
    public var method: Method
    /// What the node aggregates: its children, or the indicators below it.
    public var over: Over
    /// What a missing child means.
    public var missing: Missing
    /// The least share of children (0-1) that must be present for the node to have a score.
    public var minCoverage: Double?
    /// With `sum`: divide the sum by this maximum, so the node reports points over its maximum.
    public var outOf: Double?
    /// With `geometric` or `harmonic`: scores below this floor are raised to it.
    public var floor: Double?
    /// With `geometric` or `harmonic` and no floor: what a zero or negative child score does.
    public var zero: ZeroRule

    /// Creates the step.
    public init(
        method: Method = .arithmetic, missing: Missing = .reweight,
        minCoverage: Double? = nil, outOf: Double? = nil, floor: Double? = nil, zero: ZeroRule = .error,
        over: Over = .children
    ) {
        self.over = over
        self.zero = zero
        self.method = method
        self.missing = missing
        self.minCoverage = minCoverage
        self.outOf = outOf
        self.floor = floor
    }
}
