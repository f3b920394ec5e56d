import ArgumentParser
import CityIndexCore
import CityIndexFormats
import CityIndexReports
import Foundation

/// `cityindex score`: print the ranking of one period.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score a period and print the ranking.",
        discussion: """
            Prints rank, unit, name, score and one score column per pillar (child of the root); \
            with --levels all, every node of every unit in the long layout of scores.csv. \
            The run is stored with the criteria set's and the data's hashes (see `cityindex runs`).

            Examples:
              cityindex score --criteria Indicators/hdi.yaml \\
                  --data ../shared/validation/hdi/inputs-2022.csv --period 2022 \\
                  --format csv
              cityindex score --criteria Indicators/asem.yaml --levels all --format json
              cityindex score --criteria Indicators/qd2244-provinces.yaml \\
                  --periods 2024..2025 --format md

            With several periods (--periods A..B, --all-periods) the rows carry a period column; \
            rank_change and score_change compare with the previous period (or --compare P).
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var periods: PeriodOptions
    @OptionGroup var store: StoreOptions

    @Option(help: "Output format: csv, md (Markdown table) or json.")
    var format: OutputFormat = .csv

    @Option(help: "index: one row per unit; all: every node (long layout).")
    var levels: Levels = .index

    @Option(help: "Language of names: vi or en (default: the criteria set's).")
    var lang: Language?

    @OptionGroup var csv: CSVDialectOption

    func run() throws {
        guard let criteriaPath = input.criteria else {
            throw ValidationError("missing --criteria FILE: the criteria set to score against (for example Indicators/hdi.yaml)")
        }
        let session = try ScoringSession(input: input, storePath: store.path, criteriaPath: criteriaPath)
        try session.importData(input)
        let chosen = try session.periods(single: input.parsedPeriod, options: periods)
        let scored = try session.score(periods: chosen, options: periods, runOptions: "score levels=\(levels.rawValue)")
        let language = lang ?? session.criteria.set.language
        let printer = ResultPrinter(results: scored.results, comparisons: scored.comparisons, language: language)
        Console.current.write(printer.render(format: format, levels: levels, dialect: csv.dialect))
    }
}
