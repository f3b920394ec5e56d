import Foundation

/// A unit's scores and ranks over periods, and indicators' growth.
public enum Trend {
    /// One point of a series.
    public struct Point: Sendable, Hashable {
        public var period: Period
        public var score: Double?
        public var rank: Int?
    }

    /// The series of `unit` (a code) at node `id` over `results` (in their order).
    public static func series(unit code: String, node id: String, in results: [ScoreResult]) -> [Point] {
        results.map { r in
            guard let u = r.units.firstIndex(where: { $0.code == code }), let n = r.criteria.index(of: id) else {
                return Point(period: r.period, score: nil, rank: nil)
            }
            return Point(period: r.period, score: r.score(node: n, unit: u), rank: r.rank(node: n, unit: u))
        }
    }

    /// Compound annual growth of `values` (period, value) from the first to the last positive
    /// value: (last / first)^(1 / years) − 1; nil with fewer than two values or a non-positive start.
    public static func compoundAnnualGrowth(_ values: [(Period, Double)]) -> Double? {
        let sorted = values.filter { $0.1.isFinite }.sorted { $0.0 < $1.0 }
        guard let first = sorted.first, let last = sorted.last, first.0 != last.0, first.1 > 0, last.1 >= 0 else {
            return nil
        }
        let years = Double(last.0.startMonth - first.0.startMonth) / 12
        guard years > 0 else { return nil }
        return pow(last.1 / first.1, 1 / years) - 1
    }
}
