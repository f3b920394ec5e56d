/// One problem with a GeoJSON map file, with its place: the file and, inside it, the JSON path
/// (`features[3].geometry.coordinates[0][2]`, 0-based as in the file).
///
/// Every case prints as one sentence a user can act on. A map with any problem is not drawn.
public enum GeoJSONProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The file is not JSON; `line` and `column` (1-based) are where the parser stopped, when it says.
    case notJSON(file: String, line: Int?, column: Int?, detail: String)
    /// The top level is not `{"type": "FeatureCollection", "features": [...]}`.
    case notFeatureCollection(file: String, found: String)
    /// The collection has no features.
    case noFeatures(file: String)
    /// An element of `features` is not a Feature object.
    case notFeature(file: String, feature: Int, found: String)
    /// Features without the code property (all of them in one problem); `available` are the
    /// properties of the first.
    case missingProperty(file: String, features: [Int], property: String, available: [String])
    /// The code property holds something other than text or a whole number.
    case codeNotText(file: String, feature: Int, property: String, found: String)
    /// A feature's geometry is missing or null.
    case noGeometry(file: String, feature: Int)
    /// A geometry type that GeoJSON does not define (`suggestion`: the closest type, if close).
    case unknownGeometryType(file: String, feature: Int, type: String, suggestion: String?)
    /// A GeoJSON geometry without area (Point, LineString …).
    case notAnArea(file: String, feature: Int, type: String)
    /// Coordinates nested other than the geometry type requires.
    case badStructure(file: String, path: String, expected: String, found: String)
    /// A position that is not an array of at least two numbers.
    case badPosition(file: String, path: String, found: String)
    /// A position outside longitude −180…180, latitude −90…90 (a projected file).
    case outOfRange(file: String, path: String, lon: Double, lat: Double)
    /// A ring with fewer than 4 positions.
    case shortRing(file: String, path: String, count: Int)
    /// A ring whose last position differs from its first.
    case openRing(file: String, path: String)
    /// A feature's code names no unit of the report; `hint` is a suggestion, if any.
    case unknownCode(file: String, feature: Int, property: String, code: String, hint: String?)
    /// Two features carry the same unit code.
    case duplicateCode(file: String, feature: Int, code: String, first: Int)
    /// Units of the report that no feature draws (`units`: "code name", in report order).
    case unitsWithoutFeature(file: String, property: String, units: [String])

    /// The index of the feature the problem is about (the first, for several), nil for the file.
    public var featureIndex: Int? {
        switch self {
        case .unreadable, .notJSON, .notFeatureCollection, .noFeatures, .unitsWithoutFeature: return nil
        case let .missingProperty(_, features, _, _): return features.first
        case let .notFeature(_, i, _), let .codeNotText(_, i, _, _), let .noGeometry(_, i), let .unknownGeometryType(_, i, _, _),
            let .notAnArea(_, i, _), let .unknownCode(_, i, _, _, _), let .duplicateCode(_, i, _, _):
            return i
        case let .badStructure(_, path, _, _), let .badPosition(_, path, _), let .outOfRange(_, path, _, _), let .shortRing(_, path, _),
            let .openRing(_, path):
            return Int(path.dropFirst("features[".count).prefix { $0.isNumber })
        }
    }

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the map file: \(reason)"
        case let .notJSON(file, line, column, detail):
            let place = line.map { ":\($0):\(column ?? 1)" } ?? ""
            return "\(file)\(place): the map file is not JSON (\(detail)); expected a GeoJSON FeatureCollection"
        case let .notFeatureCollection(file, found):
            return "\(file): expected a GeoJSON FeatureCollection ({\"type\": \"FeatureCollection\", \"features\": [...]}), found \(found)"
        case let .noFeatures(file):
            return "\(file): the FeatureCollection has no features; expected one Polygon or MultiPolygon feature per unit"
        case let .notFeature(file, feature, found):
            return "\(file): features[\(feature)]: expected a Feature ({\"type\": \"Feature\", \"properties\": {...}, \"geometry\": {...}}), found \(found)"
        case let .missingProperty(file, features, property, available):
            let first = features.first ?? 0
            let has = available.isEmpty ? "it has no properties" : "its properties: " + available.joined(separator: ", ")
            let which: String
            if features.count == 1 {
                which = "features[\(first)] has"
            } else {
                let named = features.prefix(3).map { "features[\($0)]" }.joined(separator: ", ")
                which = "\(features.count) features (\(named)\(features.count > 3 ? ", …" : "")) have"
            }
            let own = features.count == 1 ? has : "features[\(first)]: " + (available.isEmpty ? "no properties" : available.joined(separator: ", "))
            return "\(file): \(which) no property \"\(property)\" (\(own)); name the property that holds the unit code with --map-code-property"
        case let .codeNotText(file, feature, property, found):
            return "\(file): features[\(feature)].properties.\(property) is \(found); expected a unit code (text or a whole number)"
        case let .noGeometry(file, feature):
            return "\(file): features[\(feature)] has no geometry; expected a Polygon or MultiPolygon"
        case let .unknownGeometryType(file, feature, type, suggestion):
            let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
            return "\(file): features[\(feature)].geometry.type \"\(type)\" is not a GeoJSON geometry type; expected Polygon or MultiPolygon\(hint)"
        case let .notAnArea(file, feature, type):
            return "\(file): features[\(feature)] is a \(type), which has no area to colour; expected a Polygon or MultiPolygon"
        case let .badStructure(file, path, expected, found):
            return "\(file): \(path): expected \(expected), found \(found)"
        case let .badPosition(file, path, found):
            return "\(file): \(path): expected a position [longitude, latitude] of two numbers, found \(found)"
        case let .outOfRange(file, path, lon, lat):
            return "\(file): \(path): [\(Wording.number(lon)), \(Wording.number(lat))] is not a longitude and latitude in degrees; GeoJSON positions are WGS 84 degrees (RFC 7946): reproject the file to EPSG:4326"
        case let .shortRing(file, path, count):
            return "\(file): \(path): a ring needs at least 4 positions (the first repeated as the last), found \(count)"
        case let .openRing(file, path):
            return "\(file): \(path): the ring is not closed; its last position must repeat its first"
        case let .unknownCode(file, feature, property, code, hint):
            return "\(file): features[\(feature)].properties.\(property) \"\(code)\" matches no unit of the report" + (hint.map { "; \($0)" } ?? "")
        case let .duplicateCode(file, feature, code, first):
            return "\(file): features[\(feature)]: unit \"\(code)\" is already drawn by features[\(first)]; join the two into one MultiPolygon feature"
        case let .unitsWithoutFeature(file, property, units):
            let what = units.count == 1 ? "1 unit of the report has" : "\(units.count) units of the report have"
            return "\(file): \(what) no feature (no \"\(property)\" property equal to its code): " + units.joined(separator: ", ")
        }
    }
}

extension GeoJSONProblem {
    /// The problems as lines to print, at most `limit`, then one line saying how many more.
    public static func lines(_ problems: [GeoJSONProblem], limit: Int = 20) -> [String] {
        var out = problems.prefix(limit).map(\.description)
        if problems.count > limit { out.append("… and \(problems.count - limit) more problems in the map file") }
        return out
    }
}
