/// Internal consistency of one pillar's normalised indicators, over the units with all of them.
public struct PillarReliability: Sendable, Hashable {
    /// The pillar id.
    public var pillar: String
    /// Its scored indicators.
    public var indicators: Int
    /// Units with every indicator of the pillar.
    public var completeUnits: Int
    /// Cronbach's alpha: k/(k−1) × (1 − Σ var_i / var(Σ x_i)); NaN below two indicators.
    public var cronbachAlpha: Double
    /// The largest eigenvalue of the correlation matrix over k: the share of variance of the
    /// first principal component.
    public var firstComponentShare: Double
    /// The eigenvalues of the correlation matrix, largest first.
    public var eigenvalues: [Double]
}
