import ArgumentParser
import CityIndexEngine
import CityIndexCore
import CityIndexFormats
import CityIndexReports
import Foundation

/// `cityindex trend`: one unit's scores and ranks over the periods, and its indicators' growth.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Print a unit's scores and ranks at every node over the periods, and its indicators' growth.",
        discussion: """
            Scores every period with data (or --periods A..B) and prints, per node, the unit's score \
            and rank in each period; then, per indicator, the observed values at the first and last \
            period and their compound annual growth.

            Examples:
              cityindex trend --criteria Indicators/qd2244-provinces.yaml --unit "Hà Nội"
              cityindex trend --criteria Indicators/qd2244-provinces.yaml --unit 01 --format json
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var periods: PeriodOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var csv: CSVDialectOption
    @OptionGroup var headers: HeadersOption

    @Option(help: ArgumentHelp("The unit: a code or a name.", valueName: "unit"))
    var unit: String

    @Option(help: "Output format: md (Markdown), csv (the series, a blank line, the growth) or json.")
    var format: OutputFormat = .md

    @Option(help: "Language of the Markdown (labels, names, numbers): vi or en (default: the criteria set's).")
    var lang: Language?

    func run() throws {
        guard input.criteria != nil else {
            throw ValidationError("missing --criteria FILE: the criteria set to score against")
        }
        let trend = try Engine.forCommand().trend(input.scoring(store: store, periods: periods), unit: unit, language: lang)
        switch format {
        case .csv: Console.current.write(trend.csv(dialect: csv.dialect, headers: headers.headers ?? .ids))
        case .json: Console.current.write(trend.json)
        case .md: Console.current.write(trend.markdown)
        }
    }
}
