import CityIndexCore
import CityIndexFormats
import CityIndexStore
import Foundation

/// A criteria set read from its file, with its unit registries and the file's hash.
public struct LoadedCriteria: Sendable {
    /// The set.
    public var set: CriteriaSet
    /// Problems that do not stop the set from loading.
    public var warnings: [CriteriaProblem]
    /// The registries: the set's (or `--registry`), in the order named.
    public var registries: [UnitRegistry]
    /// Every registry entry: which unit a code or name means on a day.
    public var catalog: UnitCatalog
    /// The indicators and unit attributes the set refers to, with their places.
    public var references: [NameReference]
    /// The SHA-256 of the set's file.
    public var sha256: String
    /// The set's file.
    public var path: String

    /// Every registry entry, in registry order.
    public var entries: [UnitRegistry.Entry] { catalog.entries }

    /// The attribute columns of the registries (`region`, `population`, `type` …).
    public var registryAttributes: Set<String> {
        Set(entries.flatMap { $0.unit.attributes.keys })
    }

    /// The registry units in force on `day` (`YYYY-MM-DD`).
    public func units(validOn day: String) -> [UnitInfo] {
        catalog.inForce(on: day).map { catalog.entries[$0].unit }
    }

    /// Reads the set at `path` and the registries it names (or `registryPath` when given),
    /// with the targets of `targetsPath` (else of the set's own targets file), seen through the
    /// view `only` when given, and checks what the set refers to (DESIGN §3.1).
    ///
    /// - Throws: ``EngineError`` for a missing file, `CriteriaError` for an invalid set or a
    ///   reference that names nothing (with the place and the nearest correct name),
    ///   `RegistryError` for a registry that cannot be read.
    public static func load(path: String, registryPath: String? = nil, targetsPath: String? = nil, only: String? = nil) throws -> LoadedCriteria {
        guard FileManager.default.fileExists(atPath: path) else {
            throw EngineError("criteria set \(path) does not exist: give the path of a YAML criteria set or a flat criteria table (.csv)")
        }
        var result = try CriteriaLoader(targetsFile: targetsPath).load(path: path)
        if let only {
            do { result.set = try result.set.view(only: only) } catch { throw EngineError(error.description, kind: .usage) }
        }
        var registries: [UnitRegistry] = []
        if let given = registryPath {
            registries = [try UnitRegistry.read(path: given)]
        } else {
            let folder = (path as NSString).deletingLastPathComponent
            for named in result.set.unitsRegistries {
                let resolved = named.hasPrefix("/") ? named : (folder as NSString).appendingPathComponent(named)
                guard FileManager.default.fileExists(atPath: resolved) else {
                    throw EngineError("\(path): the unit registry \(named) named by the set does not exist (looked for \(resolved))")
                }
                registries.append(try UnitRegistry.read(path: resolved))
            }
        }
        let catalog = UnitCatalog(entries: registries.flatMap(\.entries))
        try checkOverlaps(catalog)
        let loaded = LoadedCriteria(
            set: result.set, warnings: result.warnings, registries: registries, catalog: catalog,
            references: result.references,
            sha256: try ScoringInputsDigest.hex(criteriaFile: path, targetsFile: result.set.targets.file, view: only), path: path)
        try loaded.checkReferences(available: nil)
        return loaded
    }

    /// Two registries may list one code at different times (a reused code), never at once.
    private static func checkOverlaps(_ catalog: UnitCatalog) throws {
        var byCode: [String: [Int]] = [:]
        for (i, e) in catalog.entries.enumerated() { byCode[e.unit.code, default: []].append(i) }
        for (_, list) in byCode.sorted(by: { $0.key < $1.key }) where list.count > 1 {
            for (k, a) in list.enumerated() {
                for b in list[(k + 1)...] where catalog.entries[a].coexists(with: catalog.entries[b]) {
                    let x = catalog.entries[a], y = catalog.entries[b]
                    throw EngineError(
                        "unit code \"\(x.unit.code)\" is in force at the same time in \(x.registry) (\(x.unit.name), \(x.validity)) and \(y.registry) (\(y.unit.name), \(y.validity)): give the registries valid_from and valid_to that do not overlap")
                }
            }
        }
    }

    /// The references no registry column answers: they must come with the data (checked
    /// when data are scored), said once each as a warning where no data are at hand.
    public var referencesLeftToData: [CriteriaProblem] {
        guard !registries.isEmpty else { return [] }
        let known = Set(set.indicatorIDs).union(registryAttributes)
        var seen = Set<String>()
        return references.filter { !known.contains($0.name) && seen.insert($0.name).inserted }.map {
            CriteriaProblem(
                place: $0.place,
                message: "\($0.key) \"\($0.name)\" is not a column of the unit registries: it must come with the data (a column of a wide data file)",
                severity: .warning)
        }
    }

    /// Checks every `by` of the set: an indicator where an indicator may stand, else a unit
    /// attribute of the registries or of `available` (the data's attribute columns). Without
    /// `available` (when the set loads), a name is refused only when it is one typo away from
    /// a known name or the registries are all there is; the rest waits for the data.
    ///
    /// - Throws: `CriteriaError` with one problem per distinct reference, naming the place and
    ///   the nearest correct name.
    public func checkReferences(available: Set<String>?) throws {
        let indicators = Set(set.indicatorIDs)
        let attributes = registryAttributes.union(available ?? [])
        var problems: [CriteriaProblem] = []
        var seen = Set<String>()
        for r in references where seen.insert(r.key + "\u{1}" + r.name + "\u{1}" + r.place.description).inserted {
            if r.role == .indicatorOrAttribute && indicators.contains(r.name) { continue }
            if attributes.contains(r.name) { continue }
            let known = (r.role == .indicatorOrAttribute ? indicators : []).union(attributes)
            let suggestion = EditDistance.suggestion(for: r.name, among: known.sorted())
            if available == nil && suggestion == nil { continue }
            let what = r.role == .attribute ? "a unit attribute" : "an indicator of the set nor a unit attribute"
            let sources = registries.isEmpty ? "the data" : "the unit registries" + (available == nil ? "" : " or the data")
            let hint = suggestion.map { ": did you mean \"\($0)\"?" } ?? (attributes.isEmpty ? "" : "; known attributes: \(attributes.sorted().joined(separator: ", "))")
            let subject = r.role == .attribute ? "is not \(what) of \(sources)" : "is neither \(what) of \(sources)"
            problems.append(CriteriaProblem(place: r.place, message: "\(r.key) \"\(r.name)\" \(subject)\(hint)"))
        }
        if !problems.isEmpty { throw CriteriaError.invalid(problems) }
    }
}
