import CityIndexCore
import CityIndexFormats
import CityIndexStore
import Foundation

/// What `score`, `report` and `trend` share: load the set, import the data, score periods on a
/// unit basis, compare them, store the run.
struct ScoringSession {
    var criteria: LoadedCriteria
    var store: Store
    var console: Console

    /// Loads the criteria set and opens the store.
    init(input: InputOptions, storePath: String, criteriaPath: String) throws {
        criteria = try LoadedCriteria.load(path: criteriaPath, registryPath: input.registry, targetsPath: input.targets, only: input.only)
        store = try Store(path: storePath)
        console = Console.current
        for w in criteria.warnings { console.error("warning: \(w)") }
    }

    /// Imports every data file (each in its own transaction), reporting to standard error.
    func importData(_ input: InputOptions) throws {
        let importer = DataImporter(
            criteria: criteria, store: store, readOptions: input.readOptions, defaultPeriod: input.parsedPeriod,
            replace: input.replace, sheet: input.sheet)
        for path in input.data {
            let summary = try importer.run(path: path)
            console.error("\(path): \(summary)")
        }
    }

    /// The periods to score: `--period`, `--periods`, `--all-periods`, else the latest with data.
    func periods(single: Period?, options: PeriodOptions) throws -> [Period] {
        try periods(single: single, selection: options.selection)
    }

    /// The periods to score for a parsed selection.
    func periods(single: Period?, selection options: PeriodSelection) throws -> [Period] {
        let stored = try store.periods(indicators: criteria.set.indicatorIDs)
        if let single { return [single] }
        if let range = options.range { return range }
        guard let latest = stored.last else {
            throw CLIError("the store \(store.path) has no data for criteria set \"\(criteria.set.id)\": import some with --data FILE")
        }
        if options.all { return stored.filter { $0.granularity == latest.granularity } }
        return [latest]
    }

    /// The one period to score: the one asked for, else the latest with data for the set.
    func period(_ asked: Period?) throws -> Period {
        try periods(single: asked, selection: PeriodSelection())[0]
    }

    /// Scores one period on its own units (no comparison) and stores the run.
    func score(period: Period, options: String) throws -> (result: ScoreResult, sources: [String], runID: Int64) {
        let scored = try score(periods: [period], selection: PeriodSelection(), runOptions: options)
        return (scored.results[0], scored.sources, scored.runID)
    }

    /// A scored period, its comparison base (when there is one) and provenance.
    struct Scored {
        var results: [ScoreResult]
        var comparisons: [PeriodComparison?]
        var sources: [String]
        var runID: Int64
        /// A deterministic id of what produced the results: the SHA-256 of the criteria set's
        /// hash, the data's hash and the options (same inputs, same key).
        var runKey: String
    }

    /// Scores `periods` (each compared with `--compare` or its previous period with data), on
    /// the units of `--units` or of each period, and stores one run.
    func score(periods requested: [Period], options: PeriodOptions, runOptions: String) throws -> Scored {
        try score(periods: requested, selection: options.selection, runOptions: runOptions)
    }

    /// Scores `periods` for a parsed selection.
    func score(periods requested: [Period], selection options: PeriodSelection, runOptions: String) throws -> Scored {
        let stored = try store.periods(indicators: criteria.set.indicatorIDs)
        var bases: [Period: Period] = [:]
        for p in requested {
            if let c = options.compare {
                if c != p { bases[p] = c }
            } else if let previous = stored.last(where: { $0 < p && $0.granularity == p.granularity }) {
                bases[p] = previous
            }
        }
        let granularities = Set(requested.map(\.granularity))
        let context = Set(stored.filter { granularities.contains($0.granularity) })
            .union(requested).union(bases.values)
        let builder = PanelBuilder(criteria: criteria, store: store)
        let panel = try builder.build(periods: Array(context))
        let scorer = PanelScorer(criteria: criteria.set)
        let bounds = try scorer.bounds(panel: panel.data)
        let scoringContext = ScoringContext(panel: panel.data, bounds: bounds)
        func result(_ period: Period, basis: Period) throws -> ScoreResult {
            guard let data = panel.data.first(where: { $0.period == period }) else {
                throw ScoringError.noData(period: period.description)
            }
            return try onBasis(data, basis: basis, context: scoringContext)
        }
        var results: [ScoreResult] = []
        var comparisons: [PeriodComparison?] = []
        for p in requested.sorted() {
            let basis = options.basis ?? p
            let current = try result(p, basis: basis)
            results.append(current)
            if let b = bases[p] {
                comparisons.append(PeriodComparison(current: current, base: try result(b, basis: basis)))
            } else {
                comparisons.append(nil)
            }
            for w in current.warnings {
                if case .treated = w { continue }  // reported in report.md, not a warning
                console.error("warning: \(p): \(w)")
            }
        }
        let run = RunRecord(
            createdAt: Date(), criteriaID: criteria.set.id, criteriaVersion: criteria.set.version ?? "",
            criteriaSHA256: criteria.sha256, dataSHA256: panel.sha256, periods: results.map(\.period),
            options: runOptions + (options.basis.map { " units=\($0)" } ?? ""), toolVersion: ToolInfo.version,
            results: results.flatMap(RunRows.make))
        let id = try store.saveRun(run)
        let key = SHA256Digest.hex(of: Array("\(criteria.sha256)\n\(panel.sha256)\n\(run.options)".utf8))
        return Scored(results: results, comparisons: comparisons, sources: panel.sources, runID: id, runKey: key)
    }

    /// Scores `data` on the units in force at the end of `basis`, combining predecessors.
    func onBasis(_ data: PeriodData, basis: Period, context: ScoringContext) throws -> ScoreResult {
        let scorer = Scorer(criteria: criteria.set)
        guard !criteria.registries.isEmpty else { return try scorer.score(data, context: context) }
        let targets = criteria.units(validOn: basis.lastDay)
        let targetCodes = Set(targets.map(\.code))
        let crosswalk = criteria.crosswalk
        let needsCombining = data.units.contains { u in
            let t = crosswalk.target(of: u.code)
            return t != u.code ? true : !targetCodes.isEmpty && !targetCodes.contains(t)
        }
        guard needsCombining, !targetCodes.isEmpty else { return try scorer.score(data, context: context) }
        let combiner = UnitCombiner(criteria: criteria.set, crosswalk: crosswalk, targets: targets)
        switch combiner.stage {
        case .observations:
            let (combined, from) = try combiner.combineObservations(data)
            var result = try scorer.score(combined, context: context)
            for (u, unit) in result.units.enumerated() { if let f = from[unit.code] { result.combinedFrom[u] = f } }
            return result
        case .scores:
            return combiner.combineScores(try scorer.score(data, context: context))
        }
    }
}

/// A result as the rows of the store's `run_result` table.
enum RunRows {
    static func make(_ result: ScoreResult) -> [RunResultRow] {
        var rows: [RunResultRow] = []
        for n in result.criteria.nodes.indices where result.criteria.isScored(n) {
            for u in result.units.indices {
                rows.append(RunResultRow(
                    period: result.period, unit: result.units[u].code, node: result.criteria.nodes[n].id,
                    score: result.score(node: n, unit: u), rank: result.rank(node: n, unit: u),
                    flags: result.flags(node: n, unit: u).text))
            }
        }
        return rows
    }
}
