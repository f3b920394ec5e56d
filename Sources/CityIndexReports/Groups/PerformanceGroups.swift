import CityIndexCore

/// Units sorted into performance groups at one node, best group first.
///
/// ```swift
/// let groups = PerformanceGroups(result: result, method: .papi)
/// groups.group(of: 3)   // 0 = best group
/// ```
public struct PerformanceGroups: Sendable {
    /// One group: its name and its units in rank order.
    public struct Group: Sendable, Hashable {
        /// The group's name.
        public var name: LocalizedText
        /// The least score of the group (nil: open below).
        public var lowerBound: Double?
        /// The units (indices in the result), in rank order.
        public var units: [Int]
    }

    /// The method used.
    public let method: PerformanceGroupMethod
    /// The groups, best first (some may be empty).
    public let groups: [Group]
    private let groupOfUnit: [Int: Int]

    /// Sorts the ranked units of `result` at `node` into groups.
    /// - Complexity: O(n log n).
    public init(result: ScoreResult, method: PerformanceGroupMethod, node: Int = 0) {
        self.method = method
        let ranked = result.ordering(node: node).filter { result.isRanked($0) && result.score(node: node, unit: $0) != nil }
        let score = { (u: Int) in result.score(node: node, unit: u) ?? 0 }
        var groups: [Group]
        switch method {
        case .quartiles:
            let names = [("1st quarter (top 25 %)", "Nhóm 1 (25 % đứng đầu)"), ("2nd quarter", "Nhóm 2"), ("3rd quarter", "Nhóm 3"), ("4th quarter (bottom 25 %)", "Nhóm 4 (25 % cuối)")]
            groups = names.map { Group(name: LocalizedText(en: $0.0, vi: $0.1), lowerBound: nil, units: []) }
            let n = ranked.count
            for u in ranked {
                // The group of a unit's rank: rank r falls in quarter ⌈4r/n⌉; ties share a rank.
                let r = result.rank(node: node, unit: u) ?? n
                let q = n > 0 ? min(3, max(0, (4 * r - 1) / n)) : 0
                groups[q].units.append(u)
            }
            for k in groups.indices { groups[k].lowerBound = groups[k].units.map(score).min() }
        case .papi:
            let values = ranked.map(score).sorted()
            let p75 = Self.percentile(values, 0.75), p50 = Self.percentile(values, 0.5), p25 = Self.percentile(values, 0.25)
            groups = [
                Group(name: LocalizedText(en: "High", vi: "Cao"), lowerBound: p75, units: []),
                Group(name: LocalizedText(en: "Upper-middle", vi: "Trung bình cao"), lowerBound: p50, units: []),
                Group(name: LocalizedText(en: "Lower-middle", vi: "Trung bình thấp"), lowerBound: p25, units: []),
                Group(name: LocalizedText(en: "Low", vi: "Thấp"), lowerBound: nil, units: []),
            ]
            for u in ranked {
                let s = score(u)
                let k = s >= p75 ? 0 : s >= p50 ? 1 : s >= p25 ? 2 : 3
                groups[k].units.append(u)
            }
        case let .bands(bands):
            let sorted = bands.sorted { $0.minimumScore(scale: result.criteria.scale) > $1.minimumScore(scale: result.criteria.scale) }
            groups = sorted.map { Group(name: $0.name, lowerBound: $0.minimumScore(scale: result.criteria.scale), units: []) }
            let below = Group(name: LocalizedText(en: "Below every band", vi: "Dưới mọi mức"), lowerBound: nil, units: [])
            var needBelow = false
            for u in ranked {
                if let k = groups.firstIndex(where: { score(u) + 1e-12 >= ($0.lowerBound ?? -Double.infinity) }) {
                    groups[k].units.append(u)
                } else {
                    if !needBelow { groups.append(below) }
                    needBelow = true
                    groups[groups.count - 1].units.append(u)
                }
            }
        }
        var map: [Int: Int] = [:]
        for (k, g) in groups.enumerated() { for u in g.units { map[u] = k } }
        self.groups = groups
        self.groupOfUnit = map
    }

    /// The group index (0 = best) of unit `u`, nil when unranked.
    public func group(of u: Int) -> Int? { groupOfUnit[u] }

    /// The `p` quantile (0-1) of sorted values, linear interpolation between order statistics
    /// (spreadsheets' PERCENTILE.INC).
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard let first = sorted.first else { return 0 }
        guard sorted.count > 1 else { return first }
        let h = p * Double(sorted.count - 1)
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
