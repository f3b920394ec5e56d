/// Step 2: divide a value by a denominator (another indicator or a numeric unit attribute).
public struct DenominateStep: Sendable, Hashable {
    /// The indicator id or unit attribute that divides the value.
    public var by: String
    /// The factor applied after dividing (for example 100000 for "per 100,000 inhabitants").
    public var factor: Double
    /// The unit of measure of the result (`per 10,000 inhabitants`), when the set gives it;
    /// reports derive one from the units of the value and the denominator otherwise.
    public var unit: LocalizedText?

    /// Creates the step.
    public init(by: String, factor: Double = 1, unit: LocalizedText? = nil) {
        self.by = by
        self.factor = factor
        self.unit = unit
    }
}
