import CityIndexCore

/// One period to score, on its own units (`basis` nil) or on the units in force at the end of
/// `basis`.
struct ScoringJob: Hashable, Comparable, Sendable {
    var period: Period
    var basis: Period?

    static func < (a: ScoringJob, b: ScoringJob) -> Bool {
        if a.period != b.period { return a.period < b.period }
        switch (a.basis, b.basis) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case let (x?, y?): return x < y
        }
    }
}
