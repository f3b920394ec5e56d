
/// How units are sorted into performance groups (DESIGN §3 step 9).
public enum PerformanceGroupMethod: Sendable, Hashable {
    /// Four groups of (nearly) equal size by rank: the first quarter of the ranked units, the
    /// second … (units sharing a rank stay together).
    case quartiles
    /// PAPI's four groups by the quartiles of the score distribution (25th, 50th and 75th
    /// percentiles, linear interpolation): high (≥ 75th), upper-middle (50th-75th),
    /// lower-middle (25th-50th), low (< 25th).
    case papi
    /// Named bands by the lowest score (or share of a reference) each requires, best first.
    case bands([PerformanceBand])

    /// The method's name as written on the command line and in a criteria set.
    public var name: String {
        switch self {
        case .quartiles: "quartiles"
        case .papi: "papi"
        case .bands: "bands"
        }
    }
}
