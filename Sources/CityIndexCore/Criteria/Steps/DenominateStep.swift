/// Step 2: divide a value by a denominator (another indicator or a numeric unit attribute).
public struct DenominateStep: Sendable, Hashable {
    /// The indicator id or unit attribute that divides the value.
    public var by: String
    /// The factor applied after dividing (for example 100000 for "per 100,000 inhabitants").
    public var factor: Double

    /// Creates the step.
    public init(by: String, factor: Double = 1) {
        self.by = by
        self.factor = factor
    }
}
