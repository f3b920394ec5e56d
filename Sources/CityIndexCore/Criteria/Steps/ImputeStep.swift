/// Step 3: fill a missing value.
public enum ImputeStep: Sendable, Hashable {
    /// Leave missing values missing.
    case none
    /// The mean of the indicator over the period's units.
    case mean
    /// The median of the indicator over the period's units.
    case median
    /// The mean of the indicator over the units sharing the value of attribute `by`.
    case groupMean(by: String)

    /// The method name as written in a criteria set.
    public var methodName: String {
        switch self {
        case .none: "none"
        case .mean: "mean"
        case .median: "median"
        case .groupMean: "group-mean"
        }
    }
}
