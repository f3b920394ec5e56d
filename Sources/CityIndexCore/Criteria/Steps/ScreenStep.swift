/// Step 4: leave unranked the units with too little data.
public struct ScreenStep: Sendable, Hashable {
    /// Which values count as present.
    public enum Basis: String, Sendable, Hashable, CaseIterable {
        /// Values as observed, before imputation (the default).
        case raw
        /// Values after imputation (COINr screens its imputed data set this way).
        case imputed
    }

    /// The least share (0-1) of the scored indicators a unit must have to be ranked.
    public var minCoverage: Double
    /// Which values count as present.
    public var basis: Basis

    /// Creates the step.
    public init(minCoverage: Double, basis: Basis = .raw) {
        self.minCoverage = minCoverage
        self.basis = basis
    }
}
