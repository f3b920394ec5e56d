import CityIndexCore
import CityIndexFormats
import CityIndexStore
import Foundation

/// One criteria set and one store: import data, choose periods, score them on a unit basis,
/// compare them, store the run. What `score`, `report`, `trend`, `compare` … share.
public struct ScoringSession {
    /// The set, its registries and their units.
    public let criteria: LoadedCriteria
    /// The store.
    public let store: Store
    /// Where notes and warnings go.
    public let events: EngineEvents
    /// Whether this session created the store file (a failed import then removes it).
    private let createdStore: Bool

    /// Loads the criteria set and opens (or creates) the store.
    public init(criteriaPath: String, registryPath: String? = nil, storePath: String, events: @escaping EngineEvents = { _ in }) throws {
        try self.init(criteria: try LoadedCriteria.load(path: criteriaPath, registryPath: registryPath), storePath: storePath, events: events)
    }

    /// Opens (or creates) the store for a loaded criteria set.
    public init(criteria: LoadedCriteria, storePath: String, events: @escaping EngineEvents = { _ in }) throws {
        self.criteria = criteria
        createdStore = storePath != ":memory:" && !FileManager.default.fileExists(atPath: storePath)
        store = try Store(path: storePath)
        self.events = events
        for w in criteria.warnings { events(.warning(w.description)) }
    }

    /// Imports every data file, each in its own transaction. When one fails and this session
    /// created the store, the store file is removed: a failed import leaves no new file.
    public func importData(_ files: [String], options: ImportOptions) throws {
        let events = self.events
        let importer = DataImporter(criteria: criteria, store: store, options: options) { events(.note("note: " + $0)) }
        do {
            for path in files {
                events(.imported(file: path, summary: try importer.run(path: path)))
            }
        } catch {
            if createdStore { StoreFiles.remove(store.path) }
            throw error
        }
    }

    // MARK: Periods

    /// The periods to score: `single`, else those of `selection` (`--periods`, `--all-periods`),
    /// else the latest period in which at least one unit can be ranked (said in a note).
    public func periods(single: Period?, selection: PeriodSelection) throws -> [Period] {
        try checkBasis(selection.basis)
        let stored = try store.periods(indicators: criteria.set.indicatorIDs)
        guard let latest = stored.last else {
            throw EngineError("the store \(store.path) has no data for criteria set \"\(criteria.set.id)\": import some with --data FILE")
        }
        if let single {
            guard stored.contains(single) || stored.contains(where: { single.granularity < $0.granularity && single.contains($0) }) else {
                throw EngineError("no data of criteria set \"\(criteria.set.id)\" for period \(single) in the store \(store.path); periods with data: \(Self.list(stored))")
            }
            return [single]
        }
        if let range = selection.range {
            let have = range.filter { p in stored.contains(p) || stored.contains { p.granularity < $0.granularity && p.contains($0) } }
            guard !have.isEmpty else {
                throw EngineError("no period of \(range.first?.description ?? "")..\(range.last?.description ?? "") has data of criteria set \"\(criteria.set.id)\"; periods with data: \(Self.list(stored))")
            }
            let skipped = range.filter { !have.contains($0) }
            if !skipped.isEmpty { events(.note("note: scoring \(Self.list(have)); skipped \(Self.list(skipped)): no data")) }
            return have
        }
        if selection.all { return stored.filter { $0.granularity == latest.granularity } }
        return [try latestRankable(stored)]
    }

    /// The one period to score: the one asked for, else the latest that can be ranked.
    public func period(_ asked: Period?) throws -> Period {
        try periods(single: asked, selection: PeriodSelection())[0]
    }

    /// The latest stored period in which at least one unit can be ranked.
    private func latestRankable(_ stored: [Period]) throws -> Period {
        var passed: [Period] = []
        for p in stored.reversed() {
            let panel = try PanelBuilder(criteria: criteria, store: store).build(periods: [p])
            guard let data = panel.data.first else { continue }
            let result = try Scorer(criteria: criteria.set).score(data, context: ScoringContext(panel: panel.data))
            if result.rankedCount > 0 {
                let why = passed.isEmpty
                    ? "the latest period with data"
                    : "the latest period in which a unit can be ranked; \(Self.list(passed.reversed())) \(passed.count == 1 ? "has" : "have") data but no unit with enough of it"
                events(.note("note: period \(p) (\(why)); choose another with --period"))
                return p
            }
            passed.append(p)
        }
        throw EngineError("no period of the store has a unit that can be ranked on criteria set \"\(criteria.set.id)\" (periods with data: \(Self.list(stored))): every unit lacks too many values")
    }

    /// `--units P` needs registries with units in force at the end of P.
    private func checkBasis(_ basis: Period?) throws {
        guard let basis else { return }
        guard !criteria.catalog.isEmpty else {
            throw EngineError("--units \(basis): the criteria set names no unit registry (units: FILE), so there is no crosswalk to combine units by", kind: .usage)
        }
        guard !criteria.catalog.inForce(on: basis.lastDay).isEmpty else {
            throw EngineError("--units \(basis): no unit of the registries (\(criteria.registries.map(\.file).joined(separator: ", "))) is in force on \(basis.lastDay)", kind: .usage)
        }
    }

    static func list(_ periods: some Sequence<Period>) -> String {
        periods.map(\.description).joined(separator: ", ")
    }

    // MARK: Scoring

    /// Scores one period on its own units (no comparison) and stores the run.
    public func score(period: Period, options: String) throws -> (result: ScoreResult, sources: [String], runID: Int64) {
        let scored = try score(periods: [period], selection: PeriodSelection(), runOptions: options)
        return (scored.results[0], scored.sources, scored.runID)
    }

    /// Scored periods, their comparison bases (when there are) and provenance.
    public struct Scored {
        /// One result per period, in period order.
        public var results: [ScoreResult]
        /// Each result's comparison with its base period, if any.
        public var comparisons: [PeriodComparison?]
        /// The distinct sources of the values used.
        public var sources: [String]
        /// Per period, the data-quality levels and verified flags the data states.
        public var marks: [Period: ValueMarks] = [:]
        /// The stored run.
        public var runID: Int64
        /// A deterministic id of what produced the results: the SHA-256 of the criteria set's
        /// hash, the data's hash and the options (same inputs, same key).
        public var runKey: String
    }

    /// Scores `periods` (each compared with `--compare` or its previous period with data), on
    /// the units of `--units` or of each period, and stores one run. Scoring warnings go to
    /// the events one line per cause, or every one of them when `verbose`.
    public func score(periods requested: [Period], selection options: PeriodSelection, runOptions: String, verbose: Bool = false) throws -> Scored {
        try checkBasis(options.basis)
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
        let builder = PanelBuilder(criteria: criteria, store: store, allowMixedBases: options.basis != nil)
        let panel = try builder.build(periods: Array(context))
        try criteria.checkReferences(available: Set(panel.data.flatMap { $0.units.flatMap(\.attributes.keys) }))
        let scorer = PanelScorer(criteria: criteria.set)
        let bounds = try scorer.bounds(panel: panel.data)
        let scoringContext = ScoringContext(panel: panel.data, bounds: bounds)
        let (criteria, events) = (self.criteria, self.events)
        /// A period on its own units (`basis` nil) or on the units in force at the end of `basis`.
        @Sendable func result(_ period: Period, basis: Period?) throws -> ScoreResult {
            guard let data = panel.data.first(where: { $0.period == period }) else {
                throw ScoringError.noData(period: period.description)
            }
            guard let basis else { return try Scorer(criteria: criteria.set).score(data, context: scoringContext) }
            return try Self.onBasis(
                data, entries: panel.entries[period] ?? [], basis: basis, context: scoringContext, criteria: criteria, events: events)
        }
        // Every result needed, each once (a base already on the current period's units is the
        // base period's own result), scored on all cores.
        let ordered = requested.sorted()
        func job(_ period: Period, basis: Period?) -> ScoringJob {
            guard let basis, options.basis == nil else { return ScoringJob(period: period, basis: basis) }
            return ScoringJob(period: period, basis: isOnUnits(of: basis, entries: panel.entries[period] ?? []) ? nil : basis)
        }
        let currentJobs = ordered.map { job($0, basis: options.basis) }
        let baseJobs = ordered.map { p in bases[p].map { job($0, basis: options.basis ?? p) } }
        let jobs = Array(Set(currentJobs + baseJobs.compactMap { $0 })).sorted()
        let outcomes = Parallel.map(jobs) { j in Result { try result(j.period, basis: j.basis) } }
        var done: [ScoringJob: ScoreResult] = [:]
        for (j, outcome) in zip(jobs, outcomes) { done[j] = try outcome.get() }
        var results: [ScoreResult] = []
        var comparisons: [PeriodComparison?] = []
        for k in ordered.indices {
            guard let current = done[currentJobs[k]] else { continue }
            results.append(current)
            // The base is expressed on the current period's units (through the crosswalk when
            // its units were replaced since).
            comparisons.append(baseJobs[k].flatMap { done[$0] }.map { PeriodComparison(current: current, base: $0) })
        }
        for line in Self.warningLines(results, verbose: verbose) { events(.warning(line)) }
        if options.oneBasis, options.basis == nil { try checkOneBasis(results, panel: panel) }
        // The run's options say what was scored: with the criteria set's and the data's hashes
        // they are the run's key, and a run with a stored key is not stored again.
        let runText = runOptions + " periods=" + results.map(\.period.description).joined(separator: ",")
            + bases.sorted { $0.key < $1.key }.map { " compare=\($0.key):\($0.value)" }.joined()
            + (options.basis.map { " units=\($0)" } ?? "")
        let key = SHA256Digest.hex(of: Array("\(criteria.sha256)\n\(panel.sha256)\n\(runText)".utf8))
        let run = RunRecord(
            createdAt: Date(), criteriaID: criteria.set.id, criteriaVersion: criteria.set.version ?? "",
            criteriaSHA256: criteria.sha256, dataSHA256: panel.sha256, periods: results.map(\.period),
            options: runText, toolVersion: ToolInfo.version, precision: criteria.set.precision, results: [], key: key,
            lastImportID: try store.lastImportID())
        let (id, reused) = try store.saveRun(run, results: results)
        if reused { events(.note("run \(id) reused: the same criteria set, data and options were scored before")) }
        return Scored(results: results, comparisons: comparisons, sources: panel.sources, marks: panel.marks, runID: id, runKey: key)
    }

    /// Periods followed unit by unit (a trend) must be on one unit basis.
    private func checkOneBasis(_ results: [ScoreResult], panel: PanelBuilder.Panel) throws {
        let catalog = criteria.catalog
        guard !catalog.isEmpty else { return }
        let all = results.flatMap { panel.entries[$0.period] ?? [] }.compactMap { $0 }
        if let (a, b) = UnitBasis.twoBases(Array(Set(all)).sorted(), catalog: catalog) {
            let later = results.last?.period.description ?? "P"
            throw EngineError(
                "the periods \(Self.list(results.map(\.period))) are on two unit bases (\(catalog.entries[a].label) and \(catalog.entries[b].label)): follow them on one basis with --units \(later)",
                kind: .usage)
        }
    }

    /// The dense matrix of one period, on the units that report it.
    public func periodData(_ period: Period) throws -> PeriodData {
        let panel = try PanelBuilder(criteria: criteria, store: store).build(periods: [period])
        guard let data = panel.data.first(where: { $0.period == period }) else {
            throw EngineError("the store \(store.path) has no data for \(period)")
        }
        try criteria.checkReferences(available: Set(data.units.flatMap(\.attributes.keys)))
        return data
    }

    /// Whether every unit of a period (its registry `entries`) is in force at the end of `basis`:
    /// then the period is on `basis`'s units as it is.
    func isOnUnits(of basis: Period, entries: [Int?]) -> Bool {
        let catalog = criteria.catalog
        guard !catalog.isEmpty else { return true }
        return entries.allSatisfy { $0.map { catalog.entries[$0].isInForce(on: basis.lastDay) } ?? true }
    }

    /// Scores `data` on the units in force at the end of `basis`: units already in force then
    /// are scored as they are, earlier ones combined into the units they became part of.
    static func onBasis(
        _ data: PeriodData, entries: [Int?], basis: Period, context: ScoringContext, criteria: LoadedCriteria, events: EngineEvents
    ) throws -> ScoreResult {
        let scorer = Scorer(criteria: criteria.set)
        let catalog = criteria.catalog
        guard !catalog.isEmpty, entries.count == data.units.count else { return try scorer.score(data, context: context) }
        let day = basis.lastDay
        var successor: [String: String] = [:]
        var targets: [String: UnitInfo] = [:]
        var own = Set<String>()
        for (u, entry) in entries.enumerated() {
            guard let entry else { continue }
            switch catalog.target(of: entry, on: day) {
            case .success(let t):
                let target = catalog.entries[t].identifiedUnit
                targets[target.identity] = target
                if t == entry { own.insert(target.identity) } else { successor[data.units[u].identity] = target.identity }
            case .failure(let problem):
                throw EngineError(Self.describe(problem, catalog: catalog, period: data.period, basis: basis), kind: .usage)
            }
        }
        guard !successor.isEmpty else { return try scorer.score(data, context: context) }
        // A unit of the basis that reports for itself and through its predecessors would count twice.
        if let twice = Set(successor.values).intersection(own).sorted().first, let unit = targets[twice] {
            let from = data.units.filter { successor[$0.identity] == twice }.map { "\($0.code) \($0.name)" }
            throw EngineError(
                "\(data.period): \(unit.code) \(unit.name) has values of its own and through the units it was formed from (\(from.joined(separator: ", "))): keep the data of one unit basis for \(data.period)")
        }
        let combiner = UnitCombiner(criteria: criteria.set, crosswalk: Crosswalk(successor: successor), targets: Array(targets.values))
        switch combiner.stage {
        case .observations:
            let combined: UnitCombiner.Combined
            do {
                combined = try combiner.combineObservations(data)
            } catch let error as CombineError {
                throw EngineError("\(data.period): \(error)")
            }
            if let first = combined.incomplete.first {
                let missing = first.missing.map { "\($0.code) \($0.name)" }.joined(separator: ", ")
                let more = combined.incomplete.count > 1 ? " and \(combined.incomplete.count - 1) more" : ""
                events(.warning(
                    "\(data.period): \(combined.incomplete.count) combined value(s) left missing because a predecessor has none: \(first.indicator) of \(first.unit.code) \(first.unit.name) (no value from \(missing))\(more)"))
            }
            var result = try scorer.score(combined.data, context: context)
            for (u, unit) in result.units.enumerated() { if let f = combined.from[unit.code] { result.combinedFrom[u] = f } }
            return result
        case .scores:
            return combiner.combineScores(try scorer.score(data, context: context))
        }
    }

    static func describe(_ problem: CrosswalkProblem, catalog: UnitCatalog, period: Period, basis: Period) -> String {
        switch problem {
        case let .notYetInForce(e, _):
            return "cannot express \(period) on the units of \(basis): \(catalog.entries[e].label) was not yet in force at the end of \(basis), and the crosswalk runs forward only (merged units are not split); choose --units \(period) or later"
        case let .noSuccessor(e, _):
            return "cannot express \(period) on the units of \(basis): \(catalog.entries[e].label) ended and the registries name no successor for it (successors column)"
        case let .split(e):
            return "cannot express \(period) on the units of \(basis): \(catalog.entries[e].label) was split between \(catalog.entries[e].successors.joined(separator: ", ")), and splitting a unit's values is not supported"
        case let .unknownSuccessor(e, code):
            return "cannot express \(period) on the units of \(basis): \(catalog.entries[e].label) became part of unit \(code), which no registry lists after \(catalog.entries[e].validTo ?? "its end")"
        }
    }
}
