/// Descriptive statistics of one indicator over the units ranked, on its values after
/// denomination and before imputation and treatment.
public struct IndicatorStatistics: Sendable, Hashable {
    /// The indicator id.
    public var indicator: String
    /// The pillar (parent) id.
    public var pillar: String
    /// Units with a value.
    public var count: Int
    /// The share of units without a value.
    public var missingShare: Double
    /// Mean, sample standard deviation (n − 1), minimum and maximum; NaN without values.
    public var mean: Double
    public var standardDeviation: Double
    public var minimum: Double
    public var maximum: Double
    /// Skewness and excess kurtosis as the treatment step computes them (`Statistics`); NaN
    /// when undefined.
    public var skewness: Double
    public var kurtosis: Double
    /// Values below Q1 − 1.5 IQR or above Q3 + 1.5 IQR (Tukey's fences).
    public var outliersLow: Int
    public var outliersHigh: Int
    /// Flags: `skew-kurtosis` (outside the treatment thresholds), `outliers`, `constant`,
    /// `missing>20%`.
    public var flags: [String]
}
