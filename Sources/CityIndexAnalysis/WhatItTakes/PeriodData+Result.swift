import CityIndexCore

extension PeriodData {
    /// The observations a result was scored from, rebuilt from its raw values: every indicator
    /// of the set (scored or not, so indicator denominators are there), unit attributes kept.
    ///
    /// Scoring the rebuilt data with the same criteria set gives the same result, as long as the
    /// result was scored from the set's own indicators (as `cityindex` does).
    /// - Complexity: O(units × indicators).
    public init(rebuiltFrom result: ScoreResult) {
        let criteria = result.criteria
        let indicators = criteria.indicatorIndices
        self.init(period: result.period, units: result.units, indicators: indicators.map { criteria.nodes[$0].id })
        for (column, node) in indicators.enumerated() {
            for u in result.units.indices {
                if let v = result.rawValue(node: node, unit: u) { set(v, unit: u, column: column) }
            }
        }
    }
}
