import CityIndexCore

extension PeriodData {
    /// The same matrix restricted to the units at `rows`, in that order.
    /// - Complexity: O(rows × indicators).
    func subset(rows: [Int]) -> PeriodData {
        var out = PeriodData(period: period, units: rows.map { units[$0] }, indicators: indicators)
        for c in indicators.indices {
            for (k, u) in rows.enumerated() { out.set(value(unit: u, column: c), unit: k, column: c) }
        }
        return out
    }
}
