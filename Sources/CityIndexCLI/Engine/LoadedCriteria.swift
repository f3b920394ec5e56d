import CityIndexCore
import CityIndexFormats
import CityIndexStore
import Foundation

/// A criteria set read from its file, with its unit registry and the file's hash.
struct LoadedCriteria {
    var set: CriteriaSet
    var warnings: [CriteriaProblem]
    var registry: UnitRegistry?
    var sha256: String
    var path: String

    /// Reads the set at `path` and the registry it names (or `registryPath` when given).
    static func load(path: String, registryPath: String? = nil) throws -> LoadedCriteria {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError("criteria set \(path) does not exist: give the path of a YAML criteria set or a flat criteria table (.csv)")
        }
        let result = try CriteriaLoader().load(path: path)
        var registry: UnitRegistry?
        if let given = registryPath {
            registry = try UnitRegistry.read(path: given)
        } else if let named = result.set.unitsRegistry {
            let resolved = named.hasPrefix("/") ? named : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(named).path
            guard FileManager.default.fileExists(atPath: resolved) else {
                throw CLIError("\(path): the unit registry \(named) named by the set does not exist (looked for \(resolved))")
            }
            registry = try UnitRegistry.read(path: resolved)
        }
        return LoadedCriteria(
            set: result.set, warnings: result.warnings, registry: registry,
            sha256: try SHA256Digest.hex(ofFileAt: path), path: path)
    }
}
