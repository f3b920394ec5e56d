import CityIndexCore

extension ScoreResult {
    /// Decimals used to show scores: the set's precision, else 2.
    public var displayDecimals: Int { criteria.precision ?? 2 }

    /// The scored children of the root: the pillars shown beside the index.
    public var pillars: [Int] { criteria.scoredChildren(of: 0) }

    /// One unit's flags summarised for a table cell: the flag words over all its values,
    /// each followed by the indicators concerned (`imputed: eys, mys`).
    public func flagSummary(unit: Int) -> String {
        flagSummary(unit: unit, indicators: criteria.scoredIndicatorIndices)
    }

    /// ``flagSummary(unit:)`` with the scored indicators worked out once for a whole table.
    func flagSummary(unit: Int, indicators: [Int]) -> String {
        if exclusions[unit] == nil, !indicators.contains(where: { !flags(node: $0, unit: unit).isEmpty }) { return "" }
        var byFlag: [(ScoreFlags, [String])] = [
            (.imputed, []), (.winsorised, []), (.logTreated, []), (.clipped, []), (.combined, []),
        ]
        for i in indicators {
            let f = flags(node: i, unit: unit)
            for k in byFlag.indices where f.contains(byFlag[k].0) { byFlag[k].1.append(criteria.nodes[i].id) }
        }
        var parts = byFlag.filter { !$0.1.isEmpty }.map { "\($0.0.text): \($0.1.joined(separator: " "))" }
        if let reason = exclusions[unit] { parts.insert("not ranked: \(reason)", at: 0) }
        return parts.joined(separator: "; ")
    }

    /// Mean, median, least and greatest index score over ranked units.
    public func summaryStatistics(node: Int = 0) -> (mean: Double, median: Double, min: Double, max: Double, sd: Double)? {
        let values = units.indices.compactMap { isRanked($0) ? score(node: node, unit: $0) : nil }
        guard let mean = Statistics.mean(values), let median = Statistics.median(values),
            let lo = values.min(), let hi = values.max()
        else { return nil }
        return (mean, median, lo, hi, Statistics.standardDeviation(values) ?? 0)
    }
}
