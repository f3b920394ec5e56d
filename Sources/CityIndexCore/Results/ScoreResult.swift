/// The scores and ranks of every unit at every node for one period.
///
/// Matrices are node-major: the entry of node `n` and unit `u` is at `n * units.count + u`.
public struct ScoreResult: Sendable {
    /// The criteria set that produced the result.
    public var criteria: CriteriaSet
    /// The period.
    public var period: Period
    /// Every unit considered, ranked or not.
    public var units: [UnitInfo]
    /// Why a unit is not ranked (absent for ranked units).
    public var exclusions: [Int: UnitExclusion]
    /// Scores at every node, rounded to the set's precision; NaN where there is none.
    public var scores: [Double]
    /// Ranks at every node; 0 where there is none (32 bits: a national panel holds millions).
    public var ranks: [Int32]
    /// The values of the indicators as observed: the period's data matrix as the data hold it
    /// (``PeriodData/values``, shared with the data, not copied), and the column of each node
    /// in it (-1 for aggregates, indicators without data, and combined results).
    var observedValues: [Double] = []
    var observedColumns: [Int32] = []
    /// Values of indicators after denomination, imputation and treatment (before transform).
    public var usedValues: [Double]
    /// Flags per node and unit.
    public var flags: [ScoreFlags]
    /// Per unit: the share of scored indicators with an observed value.
    public var coverage: [Double]
    /// Things the reader should know.
    public var warnings: [ScoringWarning]
    /// For units formed by merging others: the predecessors whose figures were combined.
    public var combinedFrom: [Int: [UnitInfo]] = [:]
    /// Where the normalisation bounds came from, by indicator id (absent: the period's own).
    public var boundsUsed: [String: BoundsReference] = [:]
    /// The targets the indicators normalised by target were scored against, one entry per
    /// indicator and target source, with the units each applied to.
    public var targetsUsed: [TargetUse] = []

    /// Index of an entry in the node-major matrices.
    @inlinable
    public func offset(node: Int, unit: Int) -> Int { node * units.count + unit }

    /// The score of `unit` at `node`, nil when there is none.
    public func score(node: Int, unit: Int) -> Double? {
        let v = scores[offset(node: node, unit: unit)]
        return v.isNaN ? nil : v
    }

    /// The rank of `unit` at `node`, nil when not ranked there.
    public func rank(node: Int, unit: Int) -> Int? {
        let r = ranks[offset(node: node, unit: unit)]
        return r > 0 ? Int(r) : nil
    }

    /// The observed value of an indicator, nil when missing.
    public func rawValue(node: Int, unit: Int) -> Double? {
        guard node < observedColumns.count, observedColumns[node] >= 0 else { return nil }
        let v = observedValues[Int(observedColumns[node]) * units.count + unit]
        return v.isNaN ? nil : v
    }

    /// The value an indicator's score was computed from, nil when missing.
    public func usedValue(node: Int, unit: Int) -> Double? {
        let v = usedValues[offset(node: node, unit: unit)]
        return v.isNaN ? nil : v
    }

    /// The flags of `unit` at `node`.
    public func flags(node: Int, unit: Int) -> ScoreFlags { flags[offset(node: node, unit: unit)] }

    /// Whether `unit` is ranked (has an index score).
    public func isRanked(_ unit: Int) -> Bool { exclusions[unit] == nil }

    /// The units in rank order at `node` (ties by unit code), then the unranked by code.
    public func ordering(node: Int = 0) -> [Int] {
        units.indices.sorted { a, b in
            let ra = rank(node: node, unit: a) ?? Int.max
            let rb = rank(node: node, unit: b) ?? Int.max
            return ra != rb ? ra < rb : units[a].code < units[b].code
        }
    }

    /// The number of units ranked at the index.
    public var rankedCount: Int { units.count - exclusions.count }
}
