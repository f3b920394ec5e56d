import ArgumentParser
import CityIndexAnalysis
import CityIndexCore
import CityIndexFormats
import CityIndexReports
import Foundation

/// `cityindex audit`: the statistical audit of a framework on one period's data.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Statistical audit: indicator statistics, correlations, Cronbach's alpha, principal components.",
        discussion: """
            Per indicator: count, missing share, mean, sd, min, max, skew and kurtosis (as the \
            treatment step computes them), outliers (Tukey's fences) and flags. Pearson and Spearman \
            correlations within pillars, indicator to pillar and pillar to index, flagging negative \
            correlations within a pillar and redundancy (above 0.92). Per pillar: Cronbach's alpha \
            and the first principal component's share of variance.

            Writes audit-indicators.csv, audit-correlations.csv, audit-pillars.csv and audit.md \
            under Reports/<set>/<period>/ (or --out).

            Example:
              cityindex audit --criteria Indicators/asem.yaml \\
                  --data ../shared/validation/asem/iData.csv
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Output folder (default: Reports/<set id>/<period>).", valueName: "folder"))
    var out: String?

    @Option(help: "CSV dialect: data, excel or excel-vi.")
    var csvDialect: CSVDialect = .data

    func run() throws {
        guard let criteriaPath = input.criteria else {
            throw ValidationError("missing --criteria FILE: the criteria set to audit (for example Indicators/asem.yaml)")
        }
        let session = try ScoringSession(input: input, storePath: store.path, criteriaPath: criteriaPath)
        try session.importData(input)
        let period = try session.period(input.parsedPeriod)
        let data = try session.periodData(period)
        let set = session.criteria.set
        let result: AuditResult
        do {
            result = try StatisticalAudit(criteria: set, data: data).run()
        } catch let error as SensitivityError {
            throw CLIError(String(describing: error))
        }
        let folder = out ?? ReportBundle.defaultFolder(base: "Reports", setID: set.id, period: period)
        let title = "# \(set.name.text(in: .en, fallback: set.id)): statistical audit, \(period)\n\n"
        var files = AuditTables(result: result).files(dialect: csvDialect)
        files.append(("audit.md", Array((title + AuditSection(result: result).text).utf8)))
        let written = try ReportBundle.write(files, to: folder)
        let flagged = result.correlations.filter { !$0.flags.isEmpty }.count
        Console.current.error(
            "\(set.id) \(period): \(result.indicators.count) indicators, \(result.pillars.count) pillars, \(result.units) units, \(flagged) flagged correlation(s)")
        for p in written { Console.current.write(p + "\n") }
    }
}
