
/// A named band of scores: units whose score reaches `minimum` of `basis` (and no better band).
///
/// U4SSC's bands, as shares of target: `{name: "95 %+", minimum: 0.95, basis: .target(100)}`,
/// `{name: "66-95 %", minimum: 0.66, …}`, `{name: "33-66 %", minimum: 0.33, …}`, `{name: "< 33 %", minimum: 0, …}`.
public struct PerformanceBand: Sendable, Hashable {
    /// What `minimum` is measured against.
    public enum Basis: Sendable, Hashable {
        /// The score itself.
        case score
        /// A share of the set's scale (0.95 = 95 % of the maximum score).
        case scale
        /// A share of a target score.
        case target(Double)
    }

    /// The band's name.
    public var name: LocalizedText
    /// The least value (in `basis`) a unit needs to be in the band.
    public var minimum: Double
    /// What `minimum` is measured against.
    public var basis: Basis

    /// Creates a band.
    public init(name: LocalizedText, minimum: Double, basis: Basis = .scale) {
        self.name = name
        self.minimum = minimum
        self.basis = basis
    }

    /// The least score this band needs, on a set of `scale`.
    public func minimumScore(scale: Double) -> Double {
        switch basis {
        case .score: minimum
        case .scale: minimum * scale
        case let .target(t): minimum * t
        }
    }
}
