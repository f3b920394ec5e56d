import CityIndexCore
import CityIndexFormats
import CityIndexStore
import Foundation

/// CityIndex's use cases as a library (DESIGN §2): import files, check them, score a selection
/// of periods on a unit basis, compare, profile, analyse, store runs and write report bundles.
/// Every front end calls it: the `cityindex` commands (each one option parsing and one call
/// here), the benchmark (through those commands), the tests, a later server. It parses no
/// arguments and prints nothing: results come back as values, progress as ``EngineEvent``s.
///
/// ```swift
/// let engine = Engine(events: { print($0) })
/// let outcome = try engine.score(ScoreRequest(input: ScoringInput(criteria: "Indicators/hdi.yaml",
///     data: ["inputs-2022.csv"], period: Period("2022"))))
/// print(outcome.text(format: .md))
/// ```
public struct Engine: Sendable {
    /// Where notes, warnings and import summaries go.
    public var events: EngineEvents

    /// Creates an engine that reports to `events`.
    public init(events: @escaping EngineEvents = { _ in }) {
        self.events = events
    }

    /// Opens the session of `input`: the criteria set (the shipped demo when none is given and
    /// `input.demo` allows it), its registries and the store, with `input.data` imported.
    /// `check` runs on the loaded set before anything is imported, so a request that cannot be
    /// served changes nothing.
    public func session(_ input: ScoringInput, check: (CriteriaSet) throws -> Void = { _ in }) throws -> ScoringSession {
        var input = input
        var options = input.importOptions
        if input.criteria == nil {
            guard input.demo else { throw EngineError("missing --criteria FILE: the criteria set to use", kind: .usage) }
            guard input.data.isEmpty else {
                throw EngineError("--data needs --criteria FILE: the criteria set the data belong to", kind: .usage)
            }
            let demo = try Demo.locate()
            input.criteria = demo.criteria
            input.data = [demo.data]
            options.dataBasis = options.dataBasis ?? Demo.dataBasis
        }
        let session = try ScoringSession(
            criteria: try LoadedCriteria.load(path: input.criteria ?? "", registryPath: input.registry, targetsPath: input.targets, only: input.only),
            storePath: input.store, events: events)
        try check(session.criteria.set)
        try session.importData(input.data, options: options)
        return session
    }
}

/// What every scoring use case starts from: a criteria set, a store, data files to import
/// first, and which periods to score on which units.
public struct ScoringInput: Sendable {
    /// The criteria set (YAML or flat table); nil for the shipped demo when ``demo`` is set.
    public var criteria: String?
    /// A unit registry to use instead of the set's.
    public var registry: String?
    /// The SQLite store.
    public var store: String
    /// Data files to import before scoring.
    public var data: [String]
    /// How to read and import them.
    public var importOptions: ImportOptions
    /// The period to score (`--period`); nil: the selection, else the latest rankable.
    public var period: Period?
    /// `--periods`, `--all-periods`, `--compare`, `--units`.
    public var selection: PeriodSelection
    /// Whether no criteria set means the shipped demo.
    public var demo: Bool
    /// A targets file to use instead of the set's.
    public var targets: String?
    /// Score a view: only what is tagged with this tag.
    public var only: String?
    /// Every scoring warning on its own line (`--verbose`), instead of one line per cause.
    public var verbose = false

    /// Creates an input.
    public init(
        criteria: String?, registry: String? = nil, store: String = "./cityindex.sqlite", data: [String] = [],
        importOptions: ImportOptions = ImportOptions(), period: Period? = nil, selection: PeriodSelection = PeriodSelection(),
        demo: Bool = false
    ) {
        self.criteria = criteria
        self.registry = registry
        self.store = store
        self.data = data
        self.importOptions = importOptions
        self.period = period
        self.selection = selection
        self.demo = demo
    }
}
