import ArgumentParser
import CityIndexEngine
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
    @OptionGroup var headers: HeadersOption

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
        let comparison = try Engine.forCommand().compare(input.scoring(store: store, periods: periods), units: units, language: lang)
        switch format {
        case .md: Console.current.write(comparison.markdown)
        case .csv: Console.current.write(comparison.csv(dialect: csv.dialect, headers: headers.headers ?? .ids).text)
        }
    }
}
