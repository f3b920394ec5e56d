import CityIndexCore

/// Which periods to score, what to compare them with, and on which units: the parsed form of
/// the command line's period options, usable where no command line was parsed.
public struct PeriodSelection: Sendable {
    /// `--periods A..B`, expanded (periods without data are skipped, with a note).
    public var range: [Period]?
    /// `--all-periods`.
    public var all = false
    /// `--compare P`.
    public var compare: Period?
    /// `--units P`: the unit basis (the units in force at the end of P).
    public var basis: Period?
    /// Whether the periods must be on one unit basis (a trend follows units over time).
    public var oneBasis = false

    /// Creates a selection.
    public init(range: [Period]? = nil, all: Bool = false, compare: Period? = nil, basis: Period? = nil, oneBasis: Bool = false) {
        self.range = range
        self.all = all
        self.compare = compare
        self.basis = basis
        self.oneBasis = oneBasis
    }
}
