import ArgumentParser
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
            With no arguments, runs the shipped demo: the Decision 2244-style criteria set on
            illustrative data for Vietnam's 34 provincial units, written under Reports/.

            Examples:
              cityindex report
              cityindex report --criteria Indicators/hdi.yaml --data inputs-2022.csv --period 2022
              cityindex report --criteria my-set.yaml --period 2025 --out out/ --csv-dialect excel-vi
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Output folder (default: Reports/<set id>/<period>).", valueName: "folder"))
    var out: String?

    @Option(help: "CSV dialect of ranking.csv and scores.csv: data, excel or excel-vi.")
    var csvDialect: CSVDialect = .data

    @Option(help: "Report language: vi or en (default: the criteria set's).")
    var lang: Language?

    @Option(help: ArgumentHelp("The date in the report header (default: $SOURCE_DATE_EPOCH, else today).", valueName: "yyyy-mm-dd"))
    var asOf: String?

    func run() throws {
        var input = self.input
        if input.criteria == nil {
            guard input.data.isEmpty else {
                throw ValidationError("--data needs --criteria FILE: the criteria set the data belong to")
            }
            let demo = try Demo.locate()
            input.criteria = demo.criteria
            input.data = [demo.data]
        }
        guard let criteriaPath = input.criteria else { return }
        let session = try ScoringSession(input: input, storePath: store.path, criteriaPath: criteriaPath)
        try session.importData(input)
        let period = try session.period(input.parsedPeriod)
        let scored = try session.score(period: period, options: "report dialect=\(csvDialect.rawValue)")
        let set = session.criteria.set
        let options = ReportOptions(
            language: lang ?? set.language, dialect: csvDialect, toolVersion: ToolInfo.version,
            generatedOn: ToolInfo.generationDate(asOf: asOf), dataSources: scored.sources,
            notice: Demo.notice(sources: scored.sources, language: lang ?? set.language))
        let folder = out ?? ReportBundle.defaultFolder(base: "Reports", setID: set.id, period: period)
        let written = try ReportBundle(result: scored.result, options: options).write(to: folder)
        let console = Console.current
        console.error("run \(scored.runID): \(set.id) \(period), \(scored.result.rankedCount) of \(scored.result.units.count) units ranked")
        for path in written { console.write(path + "\n") }
    }
}
