/// Step 3 over time: fill a missing value from the same unit's other periods.
///
/// Applied before the cross-sectional imputation of the period; imputed values are flagged.
public enum TimeImputation: Sendable, Hashable {
    /// The latest earlier period's value, at most `maxPeriods` periods back.
    case carryForward(maxPeriods: Int)
    /// Linear between the nearest earlier and later periods with values.
    case interpolate

    /// The method name as written in a criteria set.
    public var methodName: String {
        switch self {
        case .carryForward: "carry-forward"
        case .interpolate: "interpolate"
        }
    }
}
