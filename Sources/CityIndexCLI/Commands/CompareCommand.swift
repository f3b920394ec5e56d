import ArgumentParser
import CityIndexCore
import CityIndexFormats
import CityIndexReports
import Foundation

/// `cityindex compare`: units side by side at every node.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare units side by side at every node: score, rank, gap to the best and to the mean.",
        discussion: """
            Units are given by code or by name (case, diacritics and "Tỉnh", "Thành phố", "TP." \
            ignored). Without --criteria, runs on the shipped demo.

            Examples:
              cityindex compare 01 79 48
              cityindex compare "Hà Nội" "Hồ Chí Minh" --lang en
              cityindex compare 01 79 --format csv > compare.csv
            """
    )

    @Argument(help: ArgumentHelp("The units to compare (two or more codes or names).", valueName: "unit"))
    var units: [String]

    @OptionGroup var input: InputOptions
    @OptionGroup var periods: PeriodOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var csv: CSVDialectOption

    @Option(help: "Output format: md (Markdown) or csv (one row per node × unit).")
    var format: Format = .md

    @Option(help: "Language of names and numbers: vi or en (default: the criteria set's).")
    var lang: Language?

    /// `--format` of `compare`.
    enum Format: String, ExpressibleByArgument, CaseIterable { case md, csv }

    func validate() throws {
        if units.isEmpty { throw ValidationError("give at least one unit to compare (code or name), for example: cityindex compare 01 79") }
    }

    func run() throws {
        let query = try UnitQuery(input: input, periods: periods, store: store, runOptions: "compare")
        let result = query.result
        let indices = try query.match(units)
        let language = lang ?? result.criteria.language
        let comparison = UnitComparison(result: result, units: indices, language: language)
        switch format {
        case .md: Console.current.write(comparison.markdown)
        case .csv: Console.current.write(comparison.csv(dialect: csv.dialect).text)
        }
    }
}

/// A scored period to ask questions about, and the units named on the command line.
struct UnitQuery {
    /// The latest period scored.
    var result: ScoreResult
    /// The earlier periods scored (with `--periods` or `--all-periods`), oldest first.
    var history: [ScoreResult]

    /// Loads the criteria set (the demo when none is given), imports `--data`, scores the period(s).
    init(input given: InputOptions, periods: PeriodOptions, store: StoreOptions, runOptions: String) throws {
        var input = given
        if input.criteria == nil {
            guard input.data.isEmpty else { throw ValidationError("--data needs --criteria FILE: the criteria set the data belong to") }
            let demo = try Demo.locate()
            input.criteria = demo.criteria
            input.data = [demo.data]
        }
        guard let criteriaPath = input.criteria else { throw ValidationError("missing --criteria FILE") }
        let session = try ScoringSession(input: input, storePath: store.path, criteriaPath: criteriaPath)
        try session.importData(input)
        let chosen = try session.periods(single: input.parsedPeriod, options: periods)
        let scored = try session.score(periods: chosen, options: periods, runOptions: runOptions).results.sorted { $0.period < $1.period }
        guard let last = scored.last else { throw CLIError("no period to score") }
        result = last
        history = Array(scored.dropLast())
    }

    /// The indices of the units named by `keys` (codes or names).
    func match(_ keys: [String]) throws -> [Int] {
        let matcher = UnitMatcher(units: result.units)
        return try keys.map { key in
            switch matcher.match(key) {
            case let .found(i): return i
            case let .ambiguous(hits):
                let list = hits.map { "\(result.units[$0].code) \(result.units[$0].name)" }.joined(separator: ", ")
                throw CLIError("unit \"\(key)\" matches several units (\(list)): use the unit code", status: .usage)
            case let .notFound(suggestion):
                let hint = suggestion.map { ": did you mean \"\($0)\"?" } ?? ": see `cityindex score` for the units of the period"
                throw CLIError("unit \"\(key)\" is not among the \(result.units.count) units of \(result.criteria.id) \(result.period)\(hint)", status: .usage)
            }
        }
    }
}
