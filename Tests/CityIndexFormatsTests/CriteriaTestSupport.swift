import CityIndexCore
import Foundation

@testable import CityIndexFormats

/// Paths and helpers shared by the criteria tests.
enum CriteriaFixtures {
    /// The repository root (…/main).
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The criteria fixtures folder.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/criteria").path
    /// The COINr ASEM folder of the shared validation data.
    static let asemFolder = repoRoot.appendingPathComponent("../shared/validation/asem").standardized.path
    /// The ASEM iMeta table.
    static let asemMeta = asemFolder + "/iMeta.csv"
    static let hasASEM = FileManager.default.fileExists(atPath: asemMeta)

    /// Loads YAML text named `t.yaml`, returning the problems it throws (empty when it loads).
    static func problems(_ yaml: String) -> [CriteriaProblem] {
        do {
            _ = try CriteriaLoader().loadYAML(yaml, file: "t.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    /// Loads table text named `m.csv`, returning the problems it throws.
    static func tableProblems(_ csv: String) -> [CriteriaProblem] {
        do {
            _ = try CriteriaLoader().loadTable(bytes: Array(csv.utf8), name: "m.csv")
            return []
        } catch {
            return error.problems
        }
    }

    /// `set` with every place (nodes', valid ranges') and the file name cleared, for comparing
    /// sets read from different files.
    static func placeless(_ set: CriteriaSet) -> CriteriaSet {
        func steps(_ s: StepSettings) -> StepSettings {
            var copy = s
            copy.range?.place = SourcePlace(file: "")
            return copy
        }
        let nodes = set.nodes.map { node -> CriteriaNode in
            var copy = node
            copy.place = SourcePlace(file: "")
            copy.settings = steps(node.settings)
            return copy
        }
        return CriteriaSet(
            id: set.id, version: set.version, name: set.name, source: set.source, notes: set.notes,
            language: set.language, scale: set.scale, precision: set.precision, ties: set.ties,
            unitsRegistries: set.unitsRegistries, screen: set.screen, groups: set.groups, uncertainty: set.uncertainty,
            defaults: steps(set.defaults), nodes: nodes, file: "")
    }
}
