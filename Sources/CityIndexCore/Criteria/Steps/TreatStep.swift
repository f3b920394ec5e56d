/// Step 5: treat outliers.
public enum TreatStep: Sendable, Hashable {
    /// What to do when winsorising does not bring an indicator within the thresholds.
    public enum Fallback: String, Sendable, Hashable, CaseIterable {
        /// Use ln(x − min + 0.01 (max − min)) of the untreated values.
        case log
        /// Keep the winsorised values.
        case none
    }

    /// No treatment.
    case none
    /// Iterative winsorisation (COINr rule): while |skew| ≥ `skew` and kurtosis ≥ `kurtosis`,
    /// move the extreme value(s) on the skewed side to the next value, at most `maxPoints` times.
    case winsorise(maxPoints: Int, skew: Double, kurtosis: Double, fallback: Fallback)
    /// ln(x − min + 0.01 (max − min)) for every indicator.
    case log

    /// The method name as written in a criteria set.
    public var methodName: String {
        switch self {
        case .none: "none"
        case .winsorise: "winsorise"
        case .log: "log"
        }
    }
}
