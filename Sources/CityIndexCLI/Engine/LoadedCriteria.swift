import CityIndexCore
import CityIndexFormats
import CityIndexStore
import Foundation

/// A criteria set read from its file, with its unit registries and the file's hash.
struct LoadedCriteria {
    var set: CriteriaSet
    var warnings: [CriteriaProblem]
    /// The registries: the first is the set's main one (its units are listed even without data).
    var registries: [UnitRegistry]
    var sha256: String
    var path: String

    /// The main registry, if any.
    var registry: UnitRegistry? { registries.first }

    /// Every registry entry, main registry first.
    var entries: [UnitRegistry.Entry] { registries.flatMap(\.entries) }

    /// Every unit any registry knows (a code once, from the first registry naming it).
    var knownUnits: [UnitInfo] {
        var seen = Set<String>()
        return entries.map(\.unit).filter { seen.insert($0.code).inserted }
    }

    /// The crosswalk formed by the registries' `successors` columns.
    var crosswalk: Crosswalk {
        var map: [String: String] = [:]
        for e in entries {
            if let next = e.successors.first, next != e.unit.code || e.successors.count == 1 { map[e.unit.code] = next }
        }
        return Crosswalk(successor: map)
    }

    /// The registry units in force on `day` (`YYYY-MM-DD`), one per code.
    func units(validOn day: String) -> [UnitInfo] {
        var seen = Set<String>()
        return entries.filter { e in
            (e.validFrom.map { $0 <= day } ?? true) && (e.validTo.map { $0 >= day } ?? true)
        }.map(\.unit).filter { seen.insert($0.code).inserted }
    }

    /// Reads the set at `path` and the registries it names (or `registryPath` when given), with
    /// the targets of `targetsPath` (else of the set's own targets file), seen through the view
    /// `only` when given.
    static func load(path: String, registryPath: String? = nil, targetsPath: String? = nil, only: String? = nil) throws -> LoadedCriteria {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError("criteria set \(path) does not exist: give the path of a YAML criteria set or a flat criteria table (.csv)")
        }
        var result = try CriteriaLoader(targetsFile: targetsPath).load(path: path)
        if let only {
            do { result.set = try result.set.view(only: only) } catch { throw CLIError(error.description, status: .usage) }
        }
        var registries: [UnitRegistry] = []
        if let given = registryPath {
            registries = [try UnitRegistry.read(path: given)]
        } else {
            let folder = (path as NSString).deletingLastPathComponent
            for named in result.set.unitsRegistries {
                let resolved = named.hasPrefix("/") ? named : (folder as NSString).appendingPathComponent(named)
                guard FileManager.default.fileExists(atPath: resolved) else {
                    throw CLIError("\(path): the unit registry \(named) named by the set does not exist (looked for \(resolved))")
                }
                registries.append(try UnitRegistry.read(path: resolved))
            }
        }
        return LoadedCriteria(
            set: result.set, warnings: result.warnings, registries: registries,
            sha256: try ScoringInputsDigest.hex(criteriaFile: path, targetsFile: result.set.targets.file, view: only), path: path)
    }
}
