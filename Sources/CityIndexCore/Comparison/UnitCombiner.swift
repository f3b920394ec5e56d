/// Re-expresses a period on other units through a crosswalk, combining predecessors by the rule
/// each indicator or node declares (`combine:`), before or after scoring (DESIGN §5).
public struct UnitCombiner: Sendable {
    /// The criteria set, whose `combine` settings give the rules.
    public let criteria: CriteriaSet
    /// The crosswalk from the data's units to the target units, by identity.
    public let crosswalk: Crosswalk
    /// The target units (with names and attributes), by identity (``UnitInfo/identity``).
    public let targets: [String: UnitInfo]

    /// Creates a combiner.
    public init(criteria: CriteriaSet, crosswalk: Crosswalk, targets: [UnitInfo]) {
        self.criteria = criteria
        self.crosswalk = crosswalk
        self.targets = Dictionary(targets.map { ($0.identity, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// When combining happens: the root's rule says (default: observations).
    public var stage: CombineRule.Stage { criteria.effectiveSettings(of: 0).combine?.stage ?? .observations }

    /// The rule of node `i`; nil when the set gives none.
    func rule(_ i: Int) -> CombineRule? { criteria.effectiveSettings(of: i).combine }

    /// The groups of source rows per target code, in code order.
    private func groups(_ units: [UnitInfo]) -> [(target: UnitInfo, rows: [Int])] {
        var rows: [String: [Int]] = [:]
        for (u, unit) in units.enumerated() { rows[crosswalk.target(of: unit.identity), default: []].append(u) }
        return rows.keys.sorted().map { code in
            (targets[code] ?? units[rows[code]?.first ?? 0], rows[code] ?? [])
        }
    }

    /// The weights of `rows` for a weighted mean by `by`: an indicator of the data or a
    /// numeric attribute of the predecessor units.
    private func weights(_ by: String?, rows: [Int], data: PeriodData) -> [Double] {
        guard let by else { return rows.map { _ in 1 } }
        if let c = data.column(of: by) { return rows.map { data.value(unit: $0, column: c) ?? .nan } }
        return rows.map { data.units[$0].attributes[by].flatMap(Double.init) ?? .nan }
    }

    /// Observations on the target units: each indicator's predecessor values combined by its
    /// rule and flagged `.combined` where more than one unit (or another unit) contributed.
    /// A combined value needs every predecessor's value: where one is missing the value is left
    /// missing (a sum would understate the total, a mean would stand for only part of the unit)
    /// and listed in ``Combined/incomplete``.
    ///
    /// - Throws: `CombineError.noRule` when an indicator that must be combined has no rule.
    public func combineObservations(_ data: PeriodData) throws -> Combined {
        let groups = groups(data.units)
        var out = PeriodData(period: data.period, units: groups.map(\.target), indicators: data.indicators)
        var from: [String: [UnitInfo]] = [:]
        var incomplete: [Combined.Incomplete] = []
        // One predecessor with the unit's own code (the same unit before a reorganisation) is not a combination.
        let needsCombining = groups.filter { $0.rows.count > 1 || data.units[$0.rows[0]].code != $0.target.code }
        for g in needsCombining { from[g.target.code] = g.rows.map { data.units[$0] } }
        for (c, id) in data.indicators.enumerated() {
            let node = criteria.index(of: id)
            for (t, g) in groups.enumerated() {
                let merged = from[g.target.code] != nil
                if !merged {
                    out.set(data.value(unit: g.rows[0], column: c), unit: t, column: c)
                    continue
                }
                let present = g.rows.filter { data.value(unit: $0, column: c) != nil }
                guard !present.isEmpty else { continue }
                guard let n = node, let rule = rule(n) else {
                    throw CombineError.noRule(indicator: id, unit: g.target.code)
                }
                if present.count < g.rows.count {
                    let missing = g.rows.filter { data.value(unit: $0, column: c) == nil }.map { data.units[$0] }
                    incomplete.append(Combined.Incomplete(indicator: id, unit: g.target, missing: missing))
                    continue
                }
                let w = weights(rule.by, rows: present, data: data)
                if rule.method == .weightedMean && present.count > 1 && w.contains(where: { !$0.isFinite }) {
                    throw CombineError.missingWeight(indicator: id, by: rule.by ?? "", unit: g.target.code)
                }
                let values = present.compactMap { data.value(unit: $0, column: c) }
                out.set(rule.combine(values, weights: w), unit: t, column: c)
                out.mark(.combined, unit: t, column: c)
            }
        }
        return Combined(data: out, from: from, incomplete: incomplete)
    }

    /// Observations re-expressed on the target units.
    public struct Combined: Sendable {
        /// A combined value left missing because a predecessor has none.
        public struct Incomplete: Sendable, Hashable {
            /// The indicator id.
            public var indicator: String
            /// The target unit.
            public var unit: UnitInfo
            /// The predecessors without a value.
            public var missing: [UnitInfo]
        }

        /// The data on the target units.
        public var data: PeriodData
        /// The predecessors of each combined unit, by target code.
        public var from: [String: [UnitInfo]]
        /// Combined values left missing, in indicator then unit order.
        public var incomplete: [Incomplete]
    }

    /// Scores on the target units from a result on the predecessor units: every node's score
    /// combined by its rule (default: plain mean), flagged `.combined`, then ranked again.
    public func combineScores(_ result: ScoreResult) -> ScoreResult {
        let groups = groups(result.units).map { g in (g.target, g.rows.filter { result.isRanked($0) }) }
        let n = groups.count
        let nodes = criteria.nodes.count
        var out = result
        out.units = groups.map(\.0)
        out.exclusions = [:]
        out.scores = [Double](repeating: .nan, count: n * nodes)
        out.ranks = [Int32](repeating: 0, count: n * nodes)
        out.observedValues = []
        out.observedColumns = []
        out.usedValues = [Double](repeating: .nan, count: n * nodes)
        out.flags = [ScoreFlags](repeating: [], count: n * nodes)
        out.coverage = [Double](repeating: 0, count: n)
        out.combinedFrom = [:]
        for (t, g) in groups.enumerated() {
            let merged = g.1.count > 1 || (g.1.first.map { result.units[$0].code != g.0.code } ?? false)
            if merged { out.combinedFrom[t] = g.1.map { result.units[$0] } }
            guard !g.1.isEmpty else {
                out.exclusions[t] = .noData
                continue
            }
            out.coverage[t] = g.1.map { result.coverage[$0] }.reduce(0, +) / Double(g.1.count)
            for i in 0..<nodes {
                let present = g.1.filter { result.score(node: i, unit: $0) != nil }
                guard !present.isEmpty else { continue }
                let r = rule(i) ?? CombineRule(method: .mean, stage: .scores)
                let values = present.compactMap { result.score(node: i, unit: $0) }
                let w = r.method == .weightedMean ? present.map { result.units[$0].attributes[r.by ?? ""].flatMap(Double.init) ?? .nan } : values.map { _ in 1 }
                let combined = w.allSatisfy(\.isFinite) ? r.combine(values, weights: w) : values.reduce(0, +) / Double(values.count)
                let k = i * n + t
                out.scores[k] = combined.map { v in criteria.precision.map { Rounding.round(v, decimals: $0) } ?? v } ?? .nan
                if merged { out.flags[k].insert(.combined) }
                if present.count == 1 && !merged { out.flags[k] = result.flags(node: i, unit: present[0]) }
            }
            if out.scores[t].isNaN { out.exclusions[t] = .noIndexScore(node: criteria.root.id) }
        }
        let codes = out.units.map(\.code)
        for i in 0..<nodes where criteria.isScored(i) {
            let units = (0..<n).filter { out.exclusions[$0] == nil && !out.scores[i * n + $0].isNaN }
            let ranks = Ranker(ties: criteria.ties).ranks(units.map { out.scores[i * n + $0] }, codes: units.map { codes[$0] })
            for (k, u) in units.enumerated() { out.ranks[i * n + u] = Int32(ranks[k]) }
        }
        return out
    }
}

/// A crosswalk that cannot be applied.
public enum CombineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An indicator of merged units has no `combine` rule.
    case noRule(indicator: String, unit: String)
    /// A weighted mean lacks a predecessor's weight.
    case missingWeight(indicator: String, by: String, unit: String)

    public var description: String {
        switch self {
        case let .noRule(indicator, unit):
            return "indicator \"\(indicator)\" must be combined for unit \(unit) (its predecessors merged), but the criteria set gives no rule: add combine: {method: sum|mean|weighted-mean|max|min} to the indicator or to defaults"
        case let .missingWeight(indicator, by, unit):
            return "indicator \"\(indicator)\" for unit \(unit): the weighted mean by \"\(by)\" lacks a predecessor's \(by): import it as an indicator or give it in the unit registry"
        }
    }
}
