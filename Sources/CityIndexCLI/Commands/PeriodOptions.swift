import ArgumentParser
import CityIndexCore
import CityIndexEngine

/// Which periods to score, what to compare them with, and on which units.
struct PeriodOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A range of periods to score: 2020..2024, 2024-Q1..2025-Q2.", valueName: "A..B"))
    var periods: String?

    @Flag(name: .long, help: "Score every period with data (at the granularity of the latest).")
    var allPeriods = false

    @Option(name: .long, help: ArgumentHelp("Compare with this period instead of the previous one.", valueName: "period"))
    var compare: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Express results on the units in force at the end of this period (for example 2025: Vietnam's 34 units), combining predecessors through the registries' crosswalk.",
            valueName: "period"))
    var units: String?

    @Flag(name: .long, help: "Print every scoring warning on its own line (default: one line per cause, with a count and the first units concerned).")
    var verbose = false

    func validate() throws {
        if let periods, range(periods) == nil {
            throw ValidationError("--periods \"\(periods)\" is not a range: expected A..B with periods of one kind, as in 2020..2024 or 2024-Q1..2025-Q2")
        }
        if let compare, Period(compare) == nil {
            throw ValidationError("--compare \"\(compare)\" is not a period: expected 2024, 2024-H1, 2024-Q3 or 2024-07")
        }
        if let units, Period(units) == nil {
            throw ValidationError("--units \"\(units)\" is not a period: expected a year such as 2025")
        }
    }

    /// `A..B` as its first and last period.
    func range(_ text: String) -> (Period, Period)? {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let a = Period(parts[0]), let b = Period(parts[1]), a.granularity == b.granularity, a <= b else {
            return nil
        }
        return (a, b)
    }

    /// The periods of `--periods`.
    var rangePeriods: [Period]? {
        guard let text = periods, let (a, b) = range(text) else { return nil }
        var out = [a]
        while let last = out.last, last < b { out.append(last.next) }
        return out
    }

    /// The options in parsed form.
    var selection: PeriodSelection {
        PeriodSelection(range: rangePeriods, all: allPeriods, compare: compare.flatMap(Period.init), basis: units.flatMap(Period.init))
    }
}
