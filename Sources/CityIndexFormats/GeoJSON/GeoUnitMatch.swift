import CityIndexCore

/// The features of a map matched to the units of a report by code, with every mismatch.
///
/// Each unit must be drawn by exactly one feature and each feature must name a unit: a code that
/// names no unit, two features for one unit and units without a feature are problems, and a map
/// with problems is not drawn.
public struct GeoUnitMatch: Sendable {
    /// The polygons of each unit, by unit code.
    public var shapes: [String: [GeoPolygon]]
    /// The problems of the matching (codes naming no unit, a unit drawn twice, units without a
    /// feature), in file order, the units without a feature last; the file's own problems are
    /// ``GeoJSONFile/problems``.
    public var problems: [GeoJSONProblem]
    /// Whether the file itself has problems.
    public var fileHasProblems: Bool

    /// Matches `map`'s features to `units`: a feature's code equals a unit's code (or differs only
    /// in case). Nothing else is tried; a code that is a unit's name or differs by leading zeros
    /// gets a suggestion in its problem.
    public init(map: GeoJSONFile, units: [UnitInfo]) {
        var byCode: [String: Int] = [:]
        for (u, unit) in units.enumerated() where byCode[unit.code.lowercased()] == nil { byCode[unit.code.lowercased()] = u }
        var shapes: [String: [GeoPolygon]] = [:]
        var drawnBy: [Int: Int] = [:]
        var problems: [GeoJSONProblem] = []
        for feature in map.features {
            guard let u = byCode[feature.code.lowercased()] else {
                problems.append(.unknownCode(file: map.file, feature: feature.index, property: map.codeProperty, code: feature.code, hint: Self.hint(for: feature.code, units: units)))
                continue
            }
            if let first = drawnBy[u] {
                problems.append(.duplicateCode(file: map.file, feature: feature.index, code: units[u].code, first: first))
                continue
            }
            drawnBy[u] = feature.index
            shapes[units[u].code] = feature.polygons
        }
        // Units whose feature has a problem of its own are not listed again; when some feature's
        // code could not be read, no unit can be said to lack one.
        let missing = units.indices.filter { drawnBy[$0] == nil && !map.codesWithProblems.contains(units[$0].code) }
        let someCodeRead = !map.features.isEmpty || !map.codesWithProblems.isEmpty
        if map.allCodesRead && someCodeRead && !missing.isEmpty {
            problems.append(.unitsWithoutFeature(file: map.file, property: map.codeProperty, units: missing.map { "\(units[$0].code) \(units[$0].name)" }))
        }
        self.problems = problems
        self.fileHasProblems = !map.problems.isEmpty
        self.shapes = problems.isEmpty && map.problems.isEmpty ? shapes : [:]
    }

    /// Whether the map can be drawn: the file has no problem and every unit has its feature.
    public var isComplete: Bool { problems.isEmpty && !fileHasProblems }

    /// A suggestion for a code that names no unit: the unit whose code differs only by leading
    /// zeros, the unit the text names (the code is in another property), or a close code.
    static func hint(for code: String, units: [UnitInfo]) -> String? {
        func unpadded(_ s: String) -> String {
            let t = s.drop { $0 == "0" }
            return t.isEmpty ? "0" : String(t)
        }
        if let u = units.first(where: { unpadded($0.code) == unpadded(code) }) {
            return "did you mean \"\(u.code)\" (\(u.name))? Codes are compared as text"
        }
        if case let .found(u) = UnitMatcher(units: units).match(code) {
            return "it is the name of unit \"\(units[u].code)\"; is the code in another property? (--map-code-property)"
        }
        if code.count > 3, let close = EditDistance.suggestion(for: code, among: units.map(\.code)) {
            return "did you mean \"\(close)\"?"
        }
        return nil
    }
}
