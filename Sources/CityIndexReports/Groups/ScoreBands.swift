import CityIndexCore

/// The named bands of a set (`groups: {method: bands, …}`), best first, and which one a score
/// falls in at any node: U4SSC's 0-33 %, 33-66 %, 66-95 % and 95 %+ of target.
///
/// A score exactly at a band's minimum is in that band (edges are inclusive at the bottom,
/// within a relative 1e-9 so that rounding of `0.66 × 100` does not move it down).
public struct ScoreBands: Sendable, Hashable {
    /// The bands, best (highest minimum) first.
    public let bands: [PerformanceBand]
    /// The set's scale, against which `scale`-based minimums are read.
    public let scale: Double

    /// The bands of `criteria`'s groups, nil when its groups are not named bands.
    public init?(criteria: CriteriaSet) {
        guard case let .bands(bands)? = criteria.groups, !bands.isEmpty else { return nil }
        self.init(bands: bands, scale: criteria.scale)
    }

    /// Bands on a set of `scale`.
    public init(bands: [PerformanceBand], scale: Double) {
        self.scale = scale
        self.bands = bands.sorted { $0.minimumScore(scale: scale) > $1.minimumScore(scale: scale) }
    }

    /// The index (0 = best) of the band `score` falls in; nil below every band.
    public func band(of score: Double) -> Int? {
        bands.firstIndex { band in
            let least = band.minimumScore(scale: scale)
            return score + 1e-9 * Swift.max(1, abs(least)) >= least
        }
    }
}
