import Foundation

/// A GeoJSON FeatureCollection read for a choropleth: each feature's unit code (the value of one
/// property) and its polygons, and every problem found on the way.
///
/// The file must be RFC 7946 GeoJSON: positions in longitude, latitude degrees (WGS 84); every
/// feature a Polygon or MultiPolygon whose rings are closed and hold at least 4 positions. A
/// feature with a problem is left out of `features` and named in `problems`; a map is drawn only
/// when there is none.
///
/// ```swift
/// let map = GeoJSONFile.read(path: "provinces.geojson", codeProperty: "code")
/// for problem in map.problems { print(problem) }
/// ```
public struct GeoJSONFile: Sendable {
    /// The file as named by the user.
    public var file: String
    /// The property that holds each feature's unit code.
    public var codeProperty: String
    /// The features read without problems, in file order.
    public var features: [GeoFeature]
    /// Every problem found, in file order.
    public var problems: [GeoJSONProblem]
    /// Codes of features left out for a problem in their geometry (their units are not listed
    /// again as units without a feature).
    public var codesWithProblems: Set<String> = []
    /// Whether every feature's code could be read; when not, units without a feature are not
    /// named (the code may be in a feature that has a problem).
    public var allCodesRead = true

    /// Creates a map from features already read.
    public init(file: String, codeProperty: String, features: [GeoFeature], problems: [GeoJSONProblem] = []) {
        self.file = file
        self.codeProperty = codeProperty
        self.features = features
        self.problems = problems
    }

    /// Reads `path`; never throws: an unreadable or invalid file gives an empty map with its problems.
    public static func read(path: String, codeProperty: String) -> GeoJSONFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? error.localizedDescription : "no such file"
            return GeoJSONFile(file: path, codeProperty: codeProperty, features: [], problems: [.unreadable(file: path, reason: reason)])
        }
        return parse(data, file: path, codeProperty: codeProperty)
    }

    /// Reads GeoJSON from `data`; `file` names it in problems.
    public static func parse(_ data: Data, file: String, codeProperty: String) -> GeoJSONFile {
        var reader = GeoJSONReader(file: file, codeProperty: codeProperty.precomposedStringWithCanonicalMapping)
        reader.read(data)
        var map = GeoJSONFile(file: file, codeProperty: reader.codeProperty, features: reader.features, problems: reader.problems)
        map.codesWithProblems = reader.codesWithProblems
        map.allCodesRead = reader.allCodesRead
        return map
    }
}
