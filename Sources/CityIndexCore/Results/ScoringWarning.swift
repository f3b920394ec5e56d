/// Something a report reader should know about a run that does not stop it.
public enum ScoringWarning: Sendable, Hashable, CustomStringConvertible {
    /// Every ranked unit has the same value: min-max, z-score and rank give everyone the midpoint.
    case constantIndicator(indicator: String, value: Double, score: Double)
    /// A denominator is zero or missing: the value is left missing.
    case unusableDenominator(indicator: String, unit: String, denominator: String)
    /// Outlier treatment changed an indicator.
    case treated(indicator: String, method: String, points: Int)
    /// No unit has a value for the indicator in this period.
    case emptyIndicator(indicator: String)
    /// Imputation could not fill a value (no donor in the unit's group).
    case imputationFailed(indicator: String, unit: String)
    /// Several indicators have no value for any unit in this period (one warning for them all).
    case emptyIndicators([String])
    /// Indicators normalised by target have values without a target (none in the set, none in
    /// the targets file) for `values` unit × indicator pairs: those values are left out of the
    /// aggregates (one warning per period).
    case missingTargets(indicators: [String], values: Int)

    public var description: String {
        switch self {
        case let .constantIndicator(indicator, value, score):
            return "indicator \"\(indicator)\" has the same value (\(PlainNumber.text(value))) for every ranked unit: every unit scores \(PlainNumber.text(score)) on it"
        case let .unusableDenominator(indicator, unit, denominator):
            return "indicator \"\(indicator)\" for \(unit): denominator \"\(denominator)\" is missing or zero, so the value is treated as missing"
        case let .treated(indicator, method, points):
            return method == "winsorise"
                ? "indicator \"\(indicator)\": \(points) outlying value(s) winsorised"
                : "indicator \"\(indicator)\": log-transformed to tame outliers (winsorising \(points) point(s) was not enough)"
        case let .emptyIndicator(indicator):
            return "indicator \"\(indicator)\" has no value for any unit in this period: it is left out of every aggregate"
        case let .imputationFailed(indicator, unit):
            return "indicator \"\(indicator)\" for \(unit): no value to impute from, left missing"
        case let .emptyIndicators(ids):
            return "\(ids.count) indicators have no value for any unit in this period: \(Self.list(ids)); they are left out of every aggregate"
        case let .missingTargets(ids, values) where ids.count == 1:
            return "indicator \"\(ids[0])\" needs a target and has none for \(values) value(s): they are left out of its aggregates (give targets in a targets file)"
        case let .missingTargets(ids, values):
            return "\(ids.count) indicators need a target and have none for \(values) value(s): \(Self.list(ids)); those values are left out of their aggregates (give targets in a targets file)"
        }
    }

    /// The first five ids, quoted, and how many more (`and` 3 `more`).
    public static func list(_ ids: [String], and: String = "and", more: String = "more") -> String {
        let shown = ids.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ")
        return ids.count > 5 ? shown + " \(and) \(ids.count - 5) \(more)" : shown
    }
}
