import ArgumentParser
import CityIndexEngine
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
    @OptionGroup var headers: HeadersOption

    func run() throws {
        guard input.criteria != nil else {
            throw ValidationError("missing --criteria FILE: the criteria set to score against (for example Indicators/hdi.yaml)")
        }
        let outcome = try Engine.forCommand().score(ScoreRequest(input: input.scoring(store: store, periods: periods), levels: levels))
        Console.current.write(outcome.text(format: format, language: lang, dialect: csv.dialect, headers: headers.headers ?? .ids))
    }
}
