/// A run that cannot give meaningful scores.
public enum ScoringError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A geometric or harmonic mean meets a zero or negative child score.
    case nonPositiveInMean(node: String, method: String, unit: String, child: String, score: Double)
    /// A transform meets a value outside its domain (ln of 0).
    case transformDomain(indicator: String, transform: String, unit: String, value: Double)
    /// No unit has data for the period.
    case noData(period: String)
    /// Normalisation bounds are frozen on a period without data.
    case referencePeriodMissing(period: String)

    public var description: String {
        switch self {
        case let .nonPositiveInMean(node, method, unit, child, score):
            return "cannot take the \(method) mean at node \"\(node)\" for unit \(unit): child \"\(child)\" scores \(score); give the node's aggregate a floor (aggregate: {method: \(method), floor: 0.01}) or use method arithmetic"
        case let .transformDomain(indicator, transform, unit, value):
            return "cannot apply \(transform) to \(value), the value of indicator \"\(indicator)\" for unit \(unit): \(transform) needs \(transform == "sqrt" ? "values ≥ 0" : "values > 0")"
        case let .referencePeriodMissing(period):
            return "normalisation bounds are frozen on period \(period) (normalise reference), but there are no data for \(period): import them or change the reference"
        case let .noData(period):
            return "no unit has data for any scored indicator in period \(period): import data for it or choose another period"
        }
    }
}
