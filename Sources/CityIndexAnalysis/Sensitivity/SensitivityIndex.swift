/// The first-order and total sensitivity indices of one output to one uncertain input, with
/// 95 % bootstrap percentile intervals. NaN where the output does not vary.
public struct SensitivityIndex: Sendable, Hashable {
    /// The output.
    public var output: SensitivityOutput
    /// The uncertain input.
    public var input: UncertainInput
    /// The first-order index S_i and its interval.
    public var first: Double
    public var firstLow: Double
    public var firstHigh: Double
    /// The total index S_Ti and its interval.
    public var total: Double
    public var totalLow: Double
    public var totalHigh: Double
}
