/// Why a unit is not ranked in a period.
public enum UnitExclusion: Sendable, Hashable, CustomStringConvertible {
    /// The unit has no value for any scored indicator.
    case noData
    /// The unit's share of present values is below the set's `min-coverage`.
    case lowCoverage(coverage: Double, required: Double)
    /// The index could not be computed (a node's `missing: fail` or `min-coverage`).
    case noIndexScore(node: String)
    /// A geometric or harmonic mean met a zero or negative score (`zero: exclude`).
    case nonPositiveInMean(node: String, child: String, score: Double)

    public var description: String {
        switch self {
        case .noData:
            return "no data for any scored indicator in this period"
        case let .lowCoverage(coverage, required):
            return "data coverage \(Self.percent(coverage)) is below the required \(Self.percent(required))"
        case let .noIndexScore(node):
            return "no score at node \"\(node)\": too few of its children have values"
        case let .nonPositiveInMean(node, child, score):
            return "its score \(PlainNumber.text(score)) at \"\(child)\" cannot enter the mean at \"\(node)\""
        }
    }

    private static func percent(_ x: Double) -> String {
        let p = (x * 1000).rounded() / 10
        return p == p.rounded() ? "\(Int(p)) %" : "\(p) %"
    }
}
