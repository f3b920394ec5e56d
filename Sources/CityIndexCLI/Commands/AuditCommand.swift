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
            Per indicator: count, missing share, mean, sd, min, max, skew and kurtosis (as the
            treatment step computes them), outliers (Tukey's fences) and flags. Pearson and Spearman
            correlations within pillars, indicator to pillar and pillar to index, flagging negative
            correlations within a pillar and redundancy (above 0.92). Per pillar: Cronbach's alpha
            and the first principal component's share of variance.

            Writes audit-indicators.csv, audit-correlations.csv, audit-pillars.csv and audit.md
            under Reports/<set>/<period>/ (or --out).

            Example:
              cityindex audit --criteria Indicators/asem.yaml --data ../shared/validation/asem/iData.csv
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
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        func number(_ x: Double) -> CSVCell { .number(x, decimals: nil) }

        var indicators = CSVWriter(dialect: csvDialect)
        indicators.writeHeader([
            "indicator", "pillar", "count", "missing_share", "mean", "sd", "min", "max", "skew", "kurtosis",
            "outliers_low", "outliers_high", "flags",
        ])
        for s in result.indicators {
            indicators.writeRow([
                .text(s.indicator), .text(s.pillar), .integer(s.count), number(s.missingShare), number(s.mean),
                number(s.standardDeviation), number(s.minimum), number(s.maximum), number(s.skewness), number(s.kurtosis),
                .integer(s.outliersLow), .integer(s.outliersHigh), .text(s.flags.joined(separator: " ")),
            ])
        }
        var correlations = CSVWriter(dialect: csvDialect)
        correlations.writeHeader(["kind", "pillar", "first", "second", "count", "pearson", "spearman", "flags"])
        for r in result.correlations {
            correlations.writeRow([
                .text(r.kind.rawValue), .text(r.pillar), .text(r.first), .text(r.second), .integer(r.count), number(r.pearson),
                number(r.spearman), .text(r.flags.joined(separator: " ")),
            ])
        }
        var pillars = CSVWriter(dialect: csvDialect)
        pillars.writeHeader(["pillar", "indicators", "complete_units", "cronbach_alpha", "pc1_share", "eigenvalues"])
        for p in result.pillars {
            pillars.writeRow([
                .text(p.pillar), .integer(p.indicators), .integer(p.completeUnits), number(p.cronbachAlpha),
                number(p.firstComponentShare), .text(p.eigenvalues.map { String(format: "%.6g", $0) }.joined(separator: " ")),
            ])
        }
        var written: [String] = []
        for (name, writer) in [("audit-indicators.csv", indicators), ("audit-correlations.csv", correlations), ("audit-pillars.csv", pillars)] {
            try writer.write(toFile: path(name))
            written.append(path(name))
        }
        let title = "# \(set.name.text(in: .en, fallback: set.id)): statistical audit, \(period)\n\n"
        try Data((title + AuditSection(result: result).text).utf8).write(to: URL(fileURLWithPath: path("audit.md")), options: .atomic)
        written.append(path("audit.md"))
        let flagged = result.correlations.filter { !$0.flags.isEmpty }.count
        Console.current.error(
            "\(set.id) \(period): \(result.indicators.count) indicators, \(result.pillars.count) pillars, \(result.units) units, \(flagged) flagged correlation(s)")
        for p in written { Console.current.write(p + "\n") }
    }
}
