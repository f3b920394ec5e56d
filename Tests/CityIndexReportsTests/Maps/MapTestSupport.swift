import CityIndexCore
import Foundation

@testable import CityIndexReports

/// The repository's root folder (for the shipped registries).
let mapsRepositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// The units of a shipped registry (`code`, `name`, `name_en`: the first three columns, none of
/// which holds a comma).
func registryUnits(_ file: String) throws -> [UnitInfo] {
    let text = try String(contentsOf: mapsRepositoryRoot.appendingPathComponent("Indicators/units/" + file), encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { line in
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return UnitInfo(code: f[0], name: f[1], nameEN: f[2])
    }
}

/// A scored result over `units` (two indicators, deterministic values); `unranked` units have no
/// values and are left unranked.
func mapResult(units: [UnitInfo], unranked: Set<String> = [], period: Period = .year(2024)) throws -> ScoreResult {
    let place = SourcePlace(file: "maps")
    let nodes = [
        CriteriaNode(id: "index", name: LocalizedText(en: "Index", vi: "Chỉ số"), parent: nil, place: place),
        CriteriaNode(id: "a", name: LocalizedText(en: "A", vi: "A"), parent: 0, place: place),
        CriteriaNode(id: "b", name: LocalizedText(en: "B", vi: "B"), parent: 0, place: place),
    ]
    let criteria = CriteriaSet(
        id: "maps", name: LocalizedText(en: "Maps", vi: "Bản đồ"), language: .vi, scale: 100, precision: 2,
        defaults: StepSettings(normalise: .minMax), nodes: nodes)
    var data = PeriodData(period: period, units: units, indicators: ["a", "b"])
    for (u, unit) in units.enumerated() where !unranked.contains(unit.code) {
        data.set(Double((u * 37) % 101), unit: u, column: 0)
        data.set(Double((u * 53) % 97), unit: u, column: 1)
    }
    return try Scorer(criteria: criteria).score(data)
}

/// Where `rsvg-convert` is, if installed.
let rsvgConvert: String? = ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert", "/opt/homebrew/bin/rsvg-convert"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
