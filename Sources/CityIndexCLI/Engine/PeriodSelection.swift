import CityIndexCore

/// Which periods to score, what to compare them with, and on which units: the parsed form of
/// `PeriodOptions`, usable where no command line was parsed.
struct PeriodSelection {
    /// `--periods A..B`, expanded.
    var range: [Period]?
    /// `--all-periods`.
    var all = false
    /// `--compare P`.
    var compare: Period?
    /// `--units P`: the unit basis.
    var basis: Period?
}
