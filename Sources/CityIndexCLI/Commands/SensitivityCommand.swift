import ArgumentParser
import CityIndexEngine
import CityIndexAnalysis
import CityIndexCore
import CityIndexFormats
import CityIndexReports
import Foundation

/// `cityindex sensitivity`: how robust is each rank? Monte Carlo over the declared uncertainties.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Rank intervals and sensitivity indices under uncertain weights and methods (Monte Carlo).",
        discussion: """
            Each replication draws the uncertain inputs, re-scores the index and ranks it. Per unit: \
            nominal rank, median, 5th and 95th percentile ranks, mean absolute rank shift. Per \
            uncertain input: first-order and total sensitivity indices (Saltelli design, Jansen \
            estimators) of the mean rank shift and of each unit's rank, with bootstrap intervals. \
            Seeded and reproducible; replications run on all cores.

            The uncertain inputs are those the criteria set declares under uncertainty: (see the \
            README), each overridden by its option below when given (--leave-out none, --impute off \
            and --weights 0 switch one off).

            Writes sensitivity-units.csv, sensitivity-indices.csv, sensitivity.md and \
            rank-intervals.svg under Reports/<set>/<period>/ (or --out).

            Examples:
              cityindex sensitivity --criteria Indicators/asem.yaml \\
                  --data ../shared/validation/asem/iData.csv --weights 0.25
              cityindex sensitivity --criteria Indicators/asem.yaml --runs 10000 \\
                  --normalise min-max,z-score,rank --aggregate arithmetic,geometric \\
                  --impute on --leave-out indicator
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions

    @Option(help: "Replications (Saltelli base samples; default: the set's uncertainty: runs, else 1000).")
    var runs: Int?

    @Option(help: "Seed of the random numbers: the same seed gives the same results (default: the set's, else 1).")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Vary every weight uniformly within ± this share of its value (0.25 = ±25 %).", valueName: "share"))
    var weights: Double?

    @Option(help: ArgumentHelp("Draw sibling weights from a Dirichlet around the nominal weights, concentration α per child.", valueName: "α"))
    var dirichlet: Double?

    @Option(help: ArgumentHelp("Normalisation alternatives, comma-separated: set, min-max, z-score, rank.", valueName: "list"))
    var normalise: String?

    @Option(help: ArgumentHelp("Aggregation alternatives, comma-separated: set, arithmetic, geometric.", valueName: "list"))
    var aggregate: String?

    @Option(help: ArgumentHelp("on: imputation is uncertain (the set's or none); off: the set's.", valueName: "on|off"))
    var impute: String?

    @Option(help: ArgumentHelp("Leave one indicator or one pillar out at a time: indicator, pillar or none.", valueName: "level"))
    var leaveOut: String?

    @Option(help: "Bootstrap resamples for the intervals of the indices.")
    var bootstrap: Int = 100

    @Flag(help: "Run on one thread (for timing against the parallel run; the results are identical).")
    var serial = false

    @Option(help: ArgumentHelp("Output folder (default: Reports/<set id>/<period>).", valueName: "folder"))
    var out: String?

    @Option(help: "CSV dialect: data, excel or excel-vi.")
    var csvDialect: CSVDialect = .data

    @Option(help: "Language of sensitivity.md and the chart: vi or en (default: the criteria set's).")
    var lang: Language?

    @OptionGroup var headers: HeadersOption

    /// The options of the run: the set's `uncertainty:` declaration, each input overridden by
    /// its option when given.
    func analysisOptions(declared: Uncertainties? = nil) throws -> SensitivityOptions {
        func list<T: RawRepresentable>(_ text: String, _ name: String) throws -> [T] where T.RawValue == String {
            try text.split(separator: ",").map { part in
                let word = part.trimmingCharacters(in: .whitespaces)
                guard let value = T(rawValue: word) else {
                    throw ValidationError("--\(name) \"\(word)\" is not a choice: expected one of \(Self.choices(T.self, name))")
                }
                return value
            }
        }
        var u = declared ?? Uncertainties()
        if let impute {
            guard impute == "on" || impute == "off" else { throw ValidationError("--impute \"\(impute)\": expected on or off") }
            u.imputation = impute == "on"
        }
        if let leaveOut {
            guard leaveOut == "none" || LeaveOutLevel(rawValue: leaveOut) != nil else {
                throw ValidationError("--leave-out \"\(leaveOut)\": expected indicator, pillar or none")
            }
            u.leaveOut = LeaveOutLevel(rawValue: leaveOut)
        }
        if let runs {
            if runs < 2 { throw ValidationError("--runs \(runs): give at least 2 replications") }
            u.runs = runs
        }
        if let w = weights, !(w >= 0 && w < 1) { throw ValidationError("--weights \(w): expected a share in [0, 1), such as 0.25 for ±25 %") }
        if let a = dirichlet, !(a > 0) { throw ValidationError("--dirichlet \(a): the concentration must be above 0") }
        if weights != nil && dirichlet != nil { throw ValidationError("give --weights or --dirichlet, not both") }
        if let weights {
            u.weightSpread = weights
            u.dirichletConcentration = nil
        }
        if let dirichlet {
            u.dirichletConcentration = dirichlet
            u.weightSpread = nil
        }
        if let normalise { u.normalisations = try list(normalise, "normalise") }
        if let aggregate { u.aggregations = try list(aggregate, "aggregate") }
        if let seed { u.seed = seed }
        if bootstrap < 0 { throw ValidationError("--bootstrap \(bootstrap): expected 0 or more") }
        return SensitivityOptions(declared: u, bootstrap: bootstrap, parallel: !serial)
    }

    static func choices<T: RawRepresentable>(_: T.Type, _ name: String) -> String {
        name == "normalise" ? "set, min-max, z-score, rank" : "set, arithmetic, geometric"
    }

    func run() throws {
        guard input.criteria != nil else {
            throw ValidationError("missing --criteria FILE: the criteria set to analyse (for example Indicators/asem.yaml)")
        }
        let written = try Engine.forCommand().sensitivity(input.scoring(store: store), out: out, dialect: csvDialect, language: lang, headers: headers.headers ?? .ids) {
            try analysisOptions(declared: $0)
        }
        for p in written { Console.current.write(p + "\n") }
    }
}
