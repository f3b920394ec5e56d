import ArgumentParser
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
            Each replication draws the uncertain inputs, re-scores the index and ranks it. Per unit:
            nominal rank, median, 5th and 95th percentile ranks, mean absolute rank shift. Per
            uncertain input: first-order and total sensitivity indices (Saltelli design, Jansen
            estimators) of the mean rank shift and of each unit's rank, with bootstrap intervals.
            Seeded and reproducible; replications run on all cores.

            Writes sensitivity-units.csv, sensitivity-indices.csv, sensitivity.md and
            rank-intervals.svg under Reports/<set>/<period>/ (or --out).

            Examples:
              cityindex sensitivity --criteria Indicators/asem.yaml --data ../shared/validation/asem/iData.csv --weights 0.25
              cityindex sensitivity --criteria Indicators/asem.yaml --runs 10000 --normalise min-max,z-score,rank \\
                  --aggregate arithmetic,geometric --impute on --leave-out indicator
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions

    @Option(help: "Replications (Saltelli base samples).")
    var runs: Int = 1000

    @Option(help: "Seed of the random numbers: the same seed gives the same results.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Vary every weight uniformly within ± this share of its value (0.25 = ±25 %).", valueName: "share"))
    var weights: Double?

    @Option(help: ArgumentHelp("Draw sibling weights from a Dirichlet around the nominal weights, concentration α per child.", valueName: "α"))
    var dirichlet: Double?

    @Option(help: ArgumentHelp("Normalisation alternatives, comma-separated: set, min-max, z-score, rank.", valueName: "list"))
    var normalise: String?

    @Option(help: ArgumentHelp("Aggregation alternatives, comma-separated: set, arithmetic, geometric.", valueName: "list"))
    var aggregate: String?

    @Option(help: ArgumentHelp("on: imputation is uncertain (the set's or none); off: the set's.", valueName: "on|off"))
    var impute: String = "off"

    @Option(help: ArgumentHelp("Leave one indicator or one pillar out at a time: indicator or pillar.", valueName: "level"))
    var leaveOut: String?

    @Option(help: "Bootstrap resamples for the intervals of the indices.")
    var bootstrap: Int = 100

    @Flag(help: "Run on one thread (for timing against the parallel run; the results are identical).")
    var serial = false

    @Option(help: ArgumentHelp("Output folder (default: Reports/<set id>/<period>).", valueName: "folder"))
    var out: String?

    @Option(help: "CSV dialect: data, excel or excel-vi.")
    var csvDialect: CSVDialect = .data

    /// The options these flags declare.
    func analysisOptions() throws -> SensitivityOptions {
        func list<T: RawRepresentable>(_ text: String?, _ name: String) throws -> [T] where T.RawValue == String {
            guard let text else { return [] }
            return try text.split(separator: ",").map { part in
                let word = part.trimmingCharacters(in: .whitespaces)
                guard let value = T(rawValue: word) else {
                    throw ValidationError("--\(name) \"\(word)\" is not a choice: expected one of \(Self.choices(T.self, name))")
                }
                return value
            }
        }
        guard impute == "on" || impute == "off" else { throw ValidationError("--impute \"\(impute)\": expected on or off") }
        var level: LeaveOutLevel?
        if let leaveOut {
            guard let l = LeaveOutLevel(rawValue: leaveOut) else {
                throw ValidationError("--leave-out \"\(leaveOut)\": expected indicator or pillar")
            }
            level = l
        }
        if runs < 2 { throw ValidationError("--runs \(runs): give at least 2 replications") }
        if let w = weights, !(w >= 0 && w < 1) { throw ValidationError("--weights \(w): expected a share in [0, 1), such as 0.25 for ±25 %") }
        if let a = dirichlet, !(a > 0) { throw ValidationError("--dirichlet \(a): the concentration must be above 0") }
        if weights != nil && dirichlet != nil { throw ValidationError("give --weights or --dirichlet, not both") }
        if bootstrap < 0 { throw ValidationError("--bootstrap \(bootstrap): expected 0 or more") }
        return SensitivityOptions(
            runs: runs, seed: seed, weightSpread: weights, dirichletConcentration: dirichlet,
            normalisations: try list(normalise, "normalise"), aggregations: try list(aggregate, "aggregate"),
            imputationUncertain: impute == "on", leaveOut: level, bootstrap: bootstrap, parallel: !serial)
    }

    static func choices<T: RawRepresentable>(_: T.Type, _ name: String) -> String {
        name == "normalise" ? "set, min-max, z-score, rank" : "set, arithmetic, geometric"
    }

    func run() throws {
        guard let criteriaPath = input.criteria else {
            throw ValidationError("missing --criteria FILE: the criteria set to analyse (for example Indicators/asem.yaml)")
        }
        let options = try analysisOptions()
        let session = try ScoringSession(input: input, storePath: store.path, criteriaPath: criteriaPath)
        try session.importData(input)
        let period = try session.period(input.parsedPeriod)
        let data = try session.periodData(period)
        let set = session.criteria.set
        let result: SensitivityResult
        do {
            result = try SensitivityAnalysis(criteria: set, data: data, options: options).run()
        } catch let error as SensitivityError {
            throw CLIError(String(describing: error))
        }
        let folder = out ?? ReportBundle.defaultFolder(base: "Reports", setID: set.id, period: period)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written: [String] = []
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

        var units = CSVWriter(dialect: csvDialect)
        units.writeHeader(["unit", "name", "nominal_rank", "nominal_score", "median_rank", "p5_rank", "p95_rank", "mean_abs_shift"])
        for r in result.intervals {
            units.writeRow([
                .text(r.unit.code), .text(r.unit.name), .integer(r.nominalRank), .number(r.nominalScore, decimals: nil),
                .number(r.medianRank, decimals: nil), .number(r.lowRank, decimals: nil), .number(r.highRank, decimals: nil),
                .number(r.meanAbsoluteShift, decimals: 4),
            ])
        }
        try units.write(toFile: path("sensitivity-units.csv"))
        written.append(path("sensitivity-units.csv"))

        var indices = CSVWriter(dialect: csvDialect)
        indices.writeHeader(["output", "input", "first_order", "first_low", "first_high", "total", "total_low", "total_high"])
        for s in result.indices {
            indices.writeRow([
                .text(s.output.description), .text(s.input.rawValue), .number(s.first, decimals: 4), .number(s.firstLow, decimals: 4),
                .number(s.firstHigh, decimals: 4), .number(s.total, decimals: 4), .number(s.totalLow, decimals: 4),
                .number(s.totalHigh, decimals: 4),
            ])
        }
        try indices.write(toFile: path("sensitivity-indices.csv"))
        written.append(path("sensitivity-indices.csv"))

        let title = "# \(set.name.text(in: .en, fallback: set.id)): sensitivity, \(period)\n\n"
        let markdown = title + SensitivitySection(result: result, chartFile: "rank-intervals.svg").text
        try Data(markdown.utf8).write(to: URL(fileURLWithPath: path("sensitivity.md")), options: .atomic)
        written.append(path("sensitivity.md"))
        try Data(RankIntervalChart(result: result).svg.utf8).write(to: URL(fileURLWithPath: path("rank-intervals.svg")), options: .atomic)
        written.append(path("rank-intervals.svg"))

        let console = Console.current
        let threads = options.parallel ? "all cores" : "1 thread"
        console.error(
            "\(set.id) \(period): \(result.intervals.count) units, \(result.inputs.count) uncertain input(s), "
                + "\(options.runs) replications, \(result.evaluations) evaluations in \(String(format: "%.3f", result.seconds)) s on \(threads)")
        for p in written { console.write(p + "\n") }
    }
}

extension ScoringSession {
    /// The dense matrix of one period, on its natural units, as the scorer reads it.
    func periodData(_ period: Period) throws -> PeriodData {
        let panel = try PanelBuilder(criteria: criteria, store: store).build(periods: [period])
        guard let data = panel.data.first(where: { $0.period == period }) else {
            throw CLIError("the store \(store.path) has no data for \(period)")
        }
        return data
    }
}
