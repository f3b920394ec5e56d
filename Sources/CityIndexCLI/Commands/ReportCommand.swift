import ArgumentParser
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
        let analysis = try analysisPlan(set: session.criteria.set)
        try session.importData(input)
        let chosen = try session.periods(single: input.parsedPeriod, options: periods)
        let scored = try session.score(periods: chosen, options: periods, runOptions: "report dialect=\(csvDialect.rawValue)")
        let set = session.criteria.set
        let options = ReportOptions(
            language: lang ?? set.language, dialect: csvDialect, toolVersion: ToolInfo.version,
            generatedOn: ToolInfo.generationDate(asOf: asOf), runKey: scored.runKey, dataSources: scored.sources,
            notice: Demo.notice(sources: scored.sources, targets: set.targets, language: lang ?? set.language),
            groups: groups.map(\.method) ?? set.groups ?? .quartiles, charts: charts, html: html, profiles: profiles)
        var written: [String] = []
        for (k, result) in scored.results.enumerated() {
            let folder = out.map { scored.results.count > 1 ? ($0 as NSString).appendingPathComponent(ReportBundle.safeComponent(result.period.description)) : $0 }
                ?? ReportBundle.defaultFolder(base: "Reports", setID: set.id, period: result.period)
            var history = Array(scored.results[..<k])
            if let base = scored.comparisons[k]?.base, !history.contains(where: { $0.period == base.period }) {
                history.append(base)
                history.sort { $0.period < $1.period }
            }
            var bundle = ReportBundle(
                result: result, options: options, comparison: scored.comparisons[k], history: history)
            if analysis.sensitivity != nil || analysis.audit {
                let data = try session.periodData(result.period)
                do {
                    if let declared = analysis.sensitivity {
                        bundle.sensitivity = try SensitivityAnalysis(criteria: set, data: data, options: SensitivityOptions(declared: declared)).run()
                    }
                    if analysis.audit { bundle.audit = try StatisticalAudit(criteria: set, data: data).run() }
                } catch let error as SensitivityError {
                    throw CLIError("\(result.period): \(error)")
                }
            }
            written += try bundle.write(to: folder)
            if xlsx {
                let path = (folder as NSString).appendingPathComponent("report.xlsx")
                try ReportWorkbook(bundle: bundle).write(to: path)
                written.append(path)
            }
            Console.current.error("run \(scored.runID): \(set.id) \(result.period), \(result.rankedCount) of \(result.units.count) units ranked")
        }
        let console = Console.current
        for path in written { console.write(path + "\n") }
    }

    /// Which analyses go into the report: the declared uncertainties when `--sensitivity` asks
    /// for them or (by default) when the set declares any, and the audit with `--audit`.
    func analysisPlan(set: CriteriaSet) throws -> (sensitivity: Uncertainties?, audit: Bool) {
        var declared = sensitivity == false ? nil : set.uncertainty
        if sensitivity == true && set.uncertainty == nil {
            throw ValidationError(
                "--sensitivity: the criteria set \(set.id) declares no uncertainty; add an uncertainty: block to it (README, \"Sensitivity and audit\") or run cityindex sensitivity with its options")
        }
        if periods.units != nil && (declared != nil || audit) {
            if sensitivity == true || audit {
                throw ValidationError("--sensitivity and --audit analyse each unit's own data; they cannot be combined with --units")
            }
            Console.current.error("note: the set's uncertainty analysis is left out of reports re-expressed with --units")
            declared = nil
        }
        return (declared, audit)
    }
}
