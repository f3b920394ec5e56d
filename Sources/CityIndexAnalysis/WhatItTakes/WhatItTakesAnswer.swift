/// What one indicator would have to be, alone, for a unit to reach a target rank.
///
/// Values are in the indicator's own unit of measure as observed (before denomination,
/// imputation, treatment and transform): the figure a province would report.
public struct WhatItTakesAnswer: Sendable, Hashable {
    /// How the figure was found.
    public enum Method: String, Sendable, Hashable {
        /// Solved from the linear pipeline (two scorings), then verified by re-scoring.
        case exact
        /// Bisection on the full pipeline, re-scoring at every step; the figure is verified.
        case bisection
    }

    /// Why no value of the indicator alone reaches the target.
    public enum Obstacle: String, Sendable, Hashable {
        /// No value tried (up to far beyond the observed range) reaches the target: the
        /// indicator's weight, a goalpost or a cap limits what it can add.
        case notEnough
        /// The unit's value cannot be changed to a meaningful figure (the indicator has no
        /// observed values to work from).
        case noData
        /// No value within the indicator's declared valid range reaches the target (the value
        /// that would lies outside it, such as a literacy rate above 100 %).
        case outsideRange
    }

    /// The indicator's node index in the criteria set.
    public var indicator: Int
    /// The observed value now; nil when missing (and imputed or left out).
    public var current: Double?
    /// The value that reaches the target, rounded outward to `decimals`; nil when not reachable.
    public var needed: Double?
    /// `needed − current`, when both exist.
    public var change: Double? {
        guard let needed, let current else { return nil }
        return needed - current
    }
    /// Why it is not reachable, when `needed` is nil.
    public var obstacle: Obstacle?
    /// How `needed` was found.
    public var method: Method?
    /// Decimals of the indicator's data (the precision `needed` is rounded to).
    public var decimals: Int
    /// True when `needed` lies beyond every value observed for the indicator in the period.
    public var beyondObservedRange: Bool
    /// The index rank the unit gets with `needed`, re-scored (the proof).
    public var verifiedRank: Int?

    /// Creates an answer.
    public init(
        indicator: Int, current: Double?, needed: Double?, obstacle: Obstacle?, method: Method?, decimals: Int,
        beyondObservedRange: Bool, verifiedRank: Int?
    ) {
        self.indicator = indicator
        self.current = current
        self.needed = needed
        self.obstacle = obstacle
        self.method = method
        self.decimals = decimals
        self.beyondObservedRange = beyondObservedRange
        self.verifiedRank = verifiedRank
    }
}
