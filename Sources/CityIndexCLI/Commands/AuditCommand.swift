import ArgumentParser
import CityIndexEngine
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

    @Option(help: "Language of audit.md: vi or en (default: the criteria set's).")
    var lang: Language?

    @OptionGroup var headers: HeadersOption

    func run() throws {
        guard input.criteria != nil else {
            throw ValidationError("missing --criteria FILE: the criteria set to audit (for example Indicators/asem.yaml)")
        }
        let written = try Engine.forCommand().audit(input.scoring(store: store), out: out, dialect: csvDialect, language: lang, headers: headers.headers ?? .ids)
        for p in written { Console.current.write(p + "\n") }
    }
}
