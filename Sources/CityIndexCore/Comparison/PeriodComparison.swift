/// The change of every unit's scores and ranks between a base period and the current one.
///
/// Units are matched by code and nodes by id; a unit ranked now but not in the base is new, one
/// ranked in the base but not now is dropped: neither has a rank change.
public struct PeriodComparison: Sendable {
    /// A unit's standing relative to the base.
    public enum Status: Sendable, Hashable {
        /// Ranked in both periods.
        case continuing
        /// Not ranked in the base period.
        case new
        /// Ranked in the base period but not in the current one.
        case dropped
    }

    /// The current result.
    public let current: ScoreResult
    /// The base result.
    public let base: ScoreResult
    /// For each current unit, its row in the base result.
    private let baseUnit: [Int?]
    /// For each current node, its index in the base set.
    private let baseNode: [Int?]

    /// Compares `current` with `base`.
    public init(current: ScoreResult, base: ScoreResult) {
        self.current = current
        self.base = base
        let rows = Dictionary(base.units.enumerated().map { ($1.identity, $0) }, uniquingKeysWith: { a, _ in a })
        baseUnit = current.units.map { rows[$0.identity] }
        let nodes = Dictionary(base.criteria.nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        baseNode = current.criteria.nodes.map { nodes[$0.id] }
    }

    /// The unit's status at the index.
    public func status(unit: Int) -> Status {
        current.isRanked(unit) && baseRank(node: 0, unit: unit) != nil ? .continuing : (current.isRanked(unit) ? .new : .dropped)
    }

    /// The base-period rank of current unit `unit` at current node `node`.
    public func baseRank(node: Int, unit: Int) -> Int? {
        guard let u = baseUnit[unit], let n = baseNode[node] else { return nil }
        return base.rank(node: n, unit: u)
    }

    /// The base-period score of current unit `unit` at current node `node`.
    public func baseScore(node: Int, unit: Int) -> Double? {
        guard let u = baseUnit[unit], let n = baseNode[node] else { return nil }
        return base.score(node: n, unit: u)
    }

    /// Score now minus score then (published, rounded values), nil unless both exist.
    public func scoreChange(node: Int, unit: Int) -> Double? {
        guard let now = current.score(node: node, unit: unit), let then = baseScore(node: node, unit: unit) else { return nil }
        let change = now - then
        return current.criteria.precision.map { Rounding.round(change, decimals: $0) } ?? change
    }

    /// Places moved up (positive) or down (negative), nil unless ranked in both periods.
    public func rankChange(node: Int, unit: Int) -> Int? {
        guard let now = current.rank(node: node, unit: unit), let then = baseRank(node: node, unit: unit) else { return nil }
        return then - now
    }

    /// Units ranked in the base period but not now, with their base rank.
    public var dropped: [(unit: UnitInfo, baseRank: Int)] {
        let currentCodes = Set(current.units.indices.filter { current.isRanked($0) }.map { current.units[$0].identity })
        return base.units.indices.compactMap { u in
            guard let r = base.rank(node: 0, unit: u), !currentCodes.contains(base.units[u].identity) else { return nil }
            return (base.units[u], r)
        }.sorted { $0.baseRank < $1.baseRank }
    }

    /// The largest rises and falls in index rank (ties by score change, then code).
    public func movers(limit: Int) -> (rises: [Int], falls: [Int]) {
        let moved = current.units.indices.filter { (rankChange(node: 0, unit: $0) ?? 0) != 0 }
        func key(_ u: Int) -> (Int, Double) { (rankChange(node: 0, unit: u) ?? 0, scoreChange(node: 0, unit: u) ?? 0) }
        let rises = moved.filter { key($0).0 > 0 }.sorted {
            key($0) != key($1) ? key($0) > key($1) : current.units[$0].code < current.units[$1].code
        }
        let falls = moved.filter { key($0).0 < 0 }.sorted {
            key($0) != key($1) ? key($0) < key($1) : current.units[$0].code < current.units[$1].code
        }
        return (Array(rises.prefix(limit)), Array(falls.prefix(limit)))
    }

    /// The pillars that drove a unit's index change: each pillar's contribution (its effective
    /// weight × its score change), largest in size first.
    public func drivers(unit: Int) -> [(pillar: Int, contribution: Double)] {
        current.criteria.scoredChildren(of: 0).compactMap { p in
            scoreChange(node: p, unit: unit).map { (p, $0 * current.criteria.effectiveWeight(of: p)) }
        }.sorted { abs($0.contribution) > abs($1.contribution) }
    }
}
