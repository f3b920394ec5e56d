/// Runs the methodology of a criteria set (DESIGN §3, steps 1-9) on one period's data.
///
/// ```swift
/// let result = try Scorer(criteria: hdi).score(data)
/// result.rank(node: 0, unit: 0)
/// ```
public struct Scorer: Sendable {
    /// The criteria set.
    public let criteria: CriteriaSet

    /// Creates a scorer for a validated criteria set.
    public init(criteria: CriteriaSet) {
        self.criteria = criteria
    }

    /// Scores every unit of `data` at every node.
    ///
    /// - Parameter ranking: the nodes whose units are ranked: every scored node (the default),
    ///   or only the index (node 0), whose ranks are all a search over candidate values reads
    ///   (``ScoreResult/rank(node:unit:)`` of other nodes is then nil).
    /// - Throws: `ScoringError` when the data cannot give meaningful scores.
    /// - Complexity: O(units × nodes) plus sorting per ranked node.
    public func score(_ data: PeriodData, context: ScoringContext = ScoringContext(), ranking: Ranking = .everyNode) throws -> ScoreResult {
        var w = try prepared(data, context: context)
        try w.normalise()
        try w.aggregate()
        w.roundAndRank(onlyIndex: ranking == .indexOnly)
        return w.result
    }

    /// Which nodes ``score(_:context:ranking:)`` ranks.
    public enum Ranking: Sendable {
        /// Every scored node.
        case everyNode
        /// The index (node 0) only.
        case indexOnly
    }

    /// The values each scored indicator is normalised from in `data` (after denomination,
    /// imputation, treatment and transform), over the units that would be ranked: the input
    /// of frozen normalisation bounds.
    public func normalisationInput(_ data: PeriodData, context: ScoringContext = ScoringContext()) throws -> [String: [Double]] {
        try prepared(data, context: context).transformedValues()
    }

    /// Steps 1-5: the values ready for transform and normalisation.
    private func prepared(_ data: PeriodData, context: ScoringContext) throws -> Working {
        var w = Working(criteria: criteria, data: data, context: context)
        w.select()
        w.imputeOverTime()
        w.denominate()
        w.measureCoverage()
        w.impute()
        try w.screen()
        w.treat()
        return w
    }
}

/// The matrices of one run while the steps work on them.
struct Working {
    let criteria: CriteriaSet
    let data: PeriodData
    let context: ScoringContext
    let unitCount: Int
    let nodeCount: Int
    var result: ScoreResult
    /// Values being worked on for indicators (node-major, NaN = missing).
    var values: [Double]
    /// Units taking part in normalisation and ranking.
    var ranked: [Bool]
    /// Units with at least one value.
    var hasData: [Bool]
    /// Whether each indicator value was observed (node-major), before any imputation.
    var observed: [Bool]
    let settings: [StepSettings]

    init(criteria: CriteriaSet, data: PeriodData, context: ScoringContext) {
        self.criteria = criteria
        self.data = data
        self.context = context
        unitCount = data.units.count
        nodeCount = criteria.nodes.count
        let cells = unitCount * nodeCount
        values = [Double](repeating: .nan, count: cells)
        ranked = [Bool](repeating: true, count: unitCount)
        hasData = [Bool](repeating: false, count: unitCount)
        observed = [Bool](repeating: false, count: cells)
        settings = criteria.nodes.indices.map { criteria.effectiveSettings(of: $0) }
        result = ScoreResult(
            criteria: criteria, period: data.period, units: data.units, exclusions: [:],
            scores: [Double](repeating: .nan, count: cells), ranks: [Int32](repeating: 0, count: cells),
            usedValues: [Double](repeating: .nan, count: cells),
            flags: [ScoreFlags](repeating: [], count: cells), coverage: [Double](repeating: 0, count: unitCount),
            warnings: []
        )
    }

    @inline(__always) func at(_ node: Int, _ unit: Int) -> Int { node * unitCount + unit }

    var scoredIndicators: [Int] { criteria.scoredIndicatorIndices }

    /// Step 1: the observations of the period for every indicator of the set.
    mutating func select() {
        result.observedValues = data.values
        result.observedColumns = [Int32](repeating: -1, count: nodeCount)
        for i in criteria.indicatorIndices {
            guard let c = data.column(of: criteria.nodes[i].id), let column = data.columnValues(criteria.nodes[i].id) else { continue }
            if !data.flags.isEmpty {
                for u in 0..<unitCount { result.flags[at(i, u)].formUnion(data.flags(unit: u, column: c)) }
            }
            result.observedColumns[i] = Int32(c)
            var u = 0
            for v in column {
                values[at(i, u)] = v
                observed[at(i, u)] = !v.isNaN
                u += 1
            }
        }
    }

    /// Step 2: value / denominator × factor.
    mutating func denominate() {
        for i in scoredIndicators {
            guard let step = settings[i].denominate else { continue }
            let denominators = denominatorValues(step.by)
            for u in 0..<unitCount where !values[at(i, u)].isNaN {
                let d = denominators[u]
                if d.isNaN || d == 0 {
                    values[at(i, u)] = .nan
                    result.warnings.append(
                        .unusableDenominator(indicator: criteria.nodes[i].id, unit: data.units[u].code, denominator: step.by))
                } else {
                    values[at(i, u)] = values[at(i, u)] / d * step.factor
                }
            }
        }
    }

    /// The values of a denominator: an indicator of the set or the data, else a numeric unit attribute.
    func denominatorValues(_ id: String) -> [Double] {
        if let column = data.columnValues(id) { return Array(column) }
        return data.units.map { unit in unit.attributes[id].flatMap { Double($0) } ?? .nan }
    }

    /// Coverage before imputation; units with no value at all drop out here.
    mutating func measureCoverage() {
        let scored = scoredIndicators
        for u in 0..<unitCount {
            let present = scored.reduce(0) { $0 + (observed[at($1, u)] ? 1 : 0) }
            result.coverage[u] = scored.isEmpty ? 0 : Double(present) / Double(scored.count)
            // Values filled from other periods count as data; coverage counts observed values only.
            hasData[u] = present > 0 || scored.contains { !values[at($0, u)].isNaN }
            if !hasData[u] {
                ranked[u] = false
                result.exclusions[u] = .noData
            }
        }
    }
}
