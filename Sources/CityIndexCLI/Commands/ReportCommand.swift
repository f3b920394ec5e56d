import ArgumentParser
import CityIndexEngine
import CityIndexAnalysis
import CityIndexCore
import CityIndexFormats
import CityIndexReports
import Foundation

/// `cityindex report`: write ranking.csv, scores.csv and report.md for a period.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the ranked reports of a period (ranking.csv, scores.csv, report.md).",
        discussion: """
            With no arguments, runs the shipped demo: the Decision 2244-style criteria set on \
            illustrative data for Vietnam's 34 provincial units, written under Reports/.

            Examples:
              cityindex report
              cityindex report --criteria Indicators/hdi.yaml --data inputs-2022.csv \\
                  --period 2022
              cityindex report --criteria my-set.yaml --period 2025 --out out/ \\
                  --csv-dialect excel-vi
              cityindex report --criteria my-set.yaml --periods 2021..2025 --compare 2021
              cityindex report --criteria Indicators/dti-provinces-2022.yaml \\
                  --period 2024 --units 2025

            Each period is compared with the previous period with data (or --compare P): ranking.csv \
            gains rank_change and score_change, report.md a movers section.

            Maps: a tile map of Vietnam is drawn when the units are the 34 of 2025 or the 63 \
            before (or at least half of them; README, "Maps"). --map FILE draws a choropleth \
            from a GeoJSON FeatureCollection of Polygon and MultiPolygon features, one per unit, \
            matched by the property --map-code-property (default: code). When the file has a \
            problem, the reports are written without that map, every problem is printed, and the \
            command exits with status 1.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var periods: PeriodOptions
    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Output folder (default: Reports/<set id>/<period>).", valueName: "folder"))
    var out: String?

    @Option(help: "CSV dialect of ranking.csv and scores.csv: data, excel or excel-vi.")
    var csvDialect: CSVDialect = .data

    @Option(help: "Report language: vi or en (default: the criteria set's).")
    var lang: Language?

    @Option(help: ArgumentHelp("The date in the report header (default: $SOURCE_DATE_EPOCH, else today).", valueName: "yyyy-mm-dd"))
    var asOf: String?

    @Flag(help: "Also write profiles/<code>.md, one page per unit (with its radar chart and what it takes to climb), and profiles/<code>.html beside report.html.")
    var profiles = false

    @Option(help: "Performance groups in report.md: quartiles (by rank), papi (by score quartiles) or none (default: the criteria set's groups, else quartiles).")
    var groups: GroupsChoice?

    @Flag(inversion: .prefixedNo, help: "Write SVG charts under charts/ and link them from report.md.")
    var charts = true

    @Flag(inversion: .prefixedNo, help: "Write report.html: the report as one self-contained page, charts inline.")
    var html = true

    /// `--groups`: how units are grouped.
    enum GroupsChoice: String, ExpressibleByArgument, CaseIterable {
        case quartiles, papi, none

        /// The grouping method, nil for none.
        var method: PerformanceGroupMethod? {
            switch self {
            case .quartiles: .quartiles
            case .papi: .papi
            case .none: nil
            }
        }
    }

    @Flag(help: "Also write report.xlsx beside the CSVs: sheets ranking, scores, values, one per sensitivity-*.csv and audit-*.csv written, criteria, methodology.")
    var xlsx = false

    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Add the uncertainty analysis the criteria set declares (uncertainty:) to report.md: rank intervals, their chart and sensitivity-*.csv (default: on when the set declares one)."))
    var sensitivity: Bool?

    @Flag(help: "Add the statistical audit to report.md (indicator statistics, correlations, reliability) and write audit-*.csv.")
    var audit = false

    @Option(help: ArgumentHelp("Draw a choropleth of the score from a GeoJSON FeatureCollection (charts/map.svg, in report.md and report.html); on a problem the reports are written without it and the exit status is 1.", valueName: "file.geojson"))
    var map: String?

    @Option(help: ArgumentHelp("The feature property that holds the unit code, for --map.", valueName: "name"))
    var mapCodeProperty = "code"

    @OptionGroup var headers: HeadersOption

    func run() throws {
        var request = ReportRequest(input: input.scoring(store: store, periods: periods, demo: true))
        request.out = out
        request.dialect = csvDialect
        request.language = lang
        request.asOf = asOf
        request.profiles = profiles
        request.groups = groups.map(\.method)
        request.charts = charts
        request.html = html
        request.xlsx = xlsx
        request.sensitivity = sensitivity
        request.audit = audit
        request.map = map
        request.mapCodeProperty = mapCodeProperty
        request.headers = headers.headers
        let outcome = try Engine.forCommand().report(request)
        for path in outcome.written { Console.current.write(path + "\n") }
        if let problem = outcome.mapProblem { throw CLIError(problem) }
    }
}
