import CityIndexCore
import CityIndexFormats
import CityIndexStore
import Foundation

/// `import` and `validate`: data files into the store, or checked as an import would check them.
public struct ImportRequest: Sendable {
    /// The criteria set the data belong to.
    public var criteria: String
    /// A unit registry to use instead of the set's.
    public var registry: String?
    /// The store.
    public var store: String
    /// The files.
    public var data: [String]
    /// How to read them.
    public var options: ImportOptions
    /// A targets file instead of the set's.
    public var targets: String?
    /// A view of the set (its tag).
    public var only: String?

    /// Creates a request.
    public init(
        criteria: String, registry: String? = nil, store: String, data: [String], options: ImportOptions = ImportOptions(),
        targets: String? = nil, only: String? = nil
    ) {
        self.criteria = criteria
        self.registry = registry
        self.store = store
        self.data = data
        self.options = options
        self.targets = targets
        self.only = only
    }
}

extension Engine {
    /// Imports every file, each in its own transaction (all its rows or none); a summary per
    /// file goes to the events.
    public func importFiles(_ request: ImportRequest) throws {
        let session = try ScoringSession(
            criteria: try LoadedCriteria.load(path: request.criteria, registryPath: request.registry, targetsPath: request.targets, only: request.only),
            storePath: request.store, events: events)
        try session.importData(request.data, options: request.options)
    }

    /// Checks the criteria set and each file with exactly the import's code (a dry run against
    /// the store when it exists, else against an empty store in memory), then rolls back: the
    /// store is left byte for byte as it was and no file is created.
    ///
    /// - Returns: one line per thing checked (the set, then each file).
    public func validate(_ request: ImportRequest) throws -> [String] {
        let criteria = try LoadedCriteria.load(path: request.criteria, registryPath: request.registry, targetsPath: request.targets, only: request.only)
        for w in criteria.warnings { events(.warning(w.description)) }
        let set = criteria.set
        var extras = set.view.map { "; view \"\($0.tag)\": \($0.indicatorsKept) of \($0.indicatorsInSet) scored indicators" } ?? ""
        if let file = set.targets.file { extras += "; \(set.targets.entries.count) targets from \(file)" }
        var lines = [
            "\(request.criteria): criteria set \"\(set.id)\" is valid: \(set.scoredIndicatorIndices.count) scored indicators, \(set.nodes.filter { !$0.isIndicator }.count) aggregates\(extras)"
        ]
        guard !request.data.isEmpty else {
            for w in criteria.referencesLeftToData { events(.warning(w.description)) }
            return lines
        }
        let exists = FileManager.default.fileExists(atPath: request.store)
        let store = try Store(path: exists ? request.store : ":memory:")
        let events = self.events
        let importer = DataImporter(criteria: criteria, store: store, options: request.options) { events(.note("note: " + $0)) }
        var attributes = Set(try store.units().flatMap(\.attributes.keys))
        for path in request.data {
            let report = try importer.importFile(path: path, dryRun: true)
            attributes.formUnion(report.attributeColumns)
            guard let layout = report.layout else {
                lines.append("\(path): \(report.summary)")
                continue
            }
            let periods = report.periods.sorted().map(\.description).joined(separator: ", ")
            var line = "\(path): \(layout) layout, \(report.values) values for \(report.units.count) units, periods \(periods)"
            if case let .imported(_, inserted, replaced, unchanged, annotated) = report.summary {
                line += "; an import would store \(inserted) new, \(replaced) replaced, \(unchanged) unchanged value(s)"
                if annotated > 0 { line += ", \(annotated) of them with a new source, note, quality or verified mark" }
            }
            lines.append(line)
        }
        try criteria.checkReferences(available: attributes)
        return lines
    }
}
