import CityIndexCore
import Foundation

/// Walks the JSON of a GeoJSON file and collects features and problems (see ``GeoJSONFile``).
///
/// One problem is kept per feature: the first found.
struct GeoJSONReader {
    let file: String
    let codeProperty: String
    var features: [GeoFeature] = []
    var problems: [GeoJSONProblem] = []
    /// Codes of features left out for a problem in their geometry.
    var codesWithProblems: Set<String> = []
    /// Whether every feature's code was read (else units without a feature cannot be named).
    var allCodesRead = true

    init(file: String, codeProperty: String) {
        self.file = file
        self.codeProperty = codeProperty
    }

    /// The GeoJSON geometry types; the last two have an area.
    static let geometryTypes = ["Point", "MultiPoint", "LineString", "MultiLineString", "GeometryCollection", "Polygon", "MultiPolygon"]

    mutating func read(_ bytes: Data) {
        var data = bytes
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            problems.append(Self.notJSON(error, data: data, file: file))
            return
        }
        guard let object = root as? [String: Any], object["type"] as? String == "FeatureCollection", let list = object["features"] as? [Any] else {
            problems.append(.notFeatureCollection(file: file, found: Self.describeTop(root)))
            return
        }
        if list.isEmpty { problems.append(.noFeatures(file: file)) }
        var withoutProperty: [Int] = []
        var available: [String] = []
        for (i, element) in list.enumerated() {
            guard let object = element as? [String: Any], object["type"] as? String == "Feature" else {
                problems.append(.notFeature(file: file, feature: i, found: Self.describe(element)))
                allCodesRead = false
                continue
            }
            let properties = object["properties"] as? [String: Any] ?? [:]
            guard let value = properties[codeProperty] ?? properties.first(where: { $0.key.precomposedStringWithCanonicalMapping == codeProperty })?.value else {
                if withoutProperty.isEmpty { available = properties.keys.sorted() }
                withoutProperty.append(i)
                allCodesRead = false
                continue
            }
            do {
                let code = try codeText(value, feature: i)
                do {
                    features.append(GeoFeature(index: i, code: code, polygons: try polygons(object["geometry"], feature: i)))
                } catch {
                    codesWithProblems.insert(code)
                    problems.append(error)
                }
            } catch {
                allCodesRead = false
                problems.append(error)
            }
        }
        // One cause, one line: every feature without the property is named in one problem.
        if !withoutProperty.isEmpty {
            let at = problems.firstIndex { ($0.featureIndex ?? -1) > withoutProperty[0] } ?? problems.endIndex
            problems.insert(.missingProperty(file: file, features: withoutProperty, property: codeProperty, available: available), at: at)
        }
    }

    /// A feature's polygons, or the first problem of its geometry.
    func polygons(_ value: Any?, feature i: Int) throws(GeoJSONProblem) -> [GeoPolygon] {
        guard let geometry = value as? [String: Any] else { throw .noGeometry(file: file, feature: i) }
        let type = geometry["type"] as? String ?? ""
        let path = "features[\(i)].geometry.coordinates"
        let coordinates = geometry["coordinates"] ?? NSNull()
        switch type {
        case "Polygon":
            return [try polygon(coordinates, path: path)]
        case "MultiPolygon":
            guard let list = coordinates as? [Any], !list.isEmpty else {
                throw .badStructure(file: file, path: path, expected: "an array of polygons (MultiPolygon)", found: Self.describe(coordinates))
            }
            // Polygon coordinates under a MultiPolygon type: say so rather than "a number".
            if let rings = list.first as? [Any], let positions = rings.first as? [Any], positions.first.flatMap(Self.number) != nil {
                throw .badStructure(
                    file: file, path: path + "[0]", expected: "a polygon (an array of rings): a MultiPolygon's coordinates nest one level deeper than a Polygon's",
                    found: "a ring")
            }
            var polygons: [GeoPolygon] = []
            for (k, p) in list.enumerated() { polygons.append(try polygon(p, path: path + "[\(k)]")) }
            return polygons
        case _ where Self.geometryTypes.contains(type):
            throw .notAnArea(file: file, feature: i, type: type)
        default:
            throw .unknownGeometryType(file: file, feature: i, type: type, suggestion: EditDistance.suggestion(for: type, among: Self.geometryTypes))
        }
    }

    /// The code property as text: a string (trimmed, NFC) or a whole number.
    func codeText(_ value: Any, feature i: Int) throws(GeoJSONProblem) -> String {
        if let s = value as? String {
            let text = s.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
            if !text.isEmpty { return text }
        } else if let n = Self.number(value), n == n.rounded(), abs(n) < 1e15 {
            return String(Int64(n))
        }
        throw .codeNotText(file: file, feature: i, property: codeProperty, found: Self.describe(value))
    }

    /// A polygon: an array of closed rings of at least 4 positions.
    func polygon(_ value: Any, path: String) throws(GeoJSONProblem) -> GeoPolygon {
        guard let rings = value as? [Any], !rings.isEmpty else {
            throw .badStructure(file: file, path: path, expected: "an array of rings (Polygon)", found: Self.describe(value))
        }
        var out: [[GeoPoint]] = []
        for (r, ring) in rings.enumerated() {
            let ringPath = path + "[\(r)]"
            guard let positions = ring as? [Any] else {
                throw .badStructure(file: file, path: ringPath, expected: "a ring (an array of positions)", found: Self.describe(ring))
            }
            var points: [GeoPoint] = []
            points.reserveCapacity(positions.count)
            for (k, position) in positions.enumerated() { points.append(try point(position, ring: ringPath, index: k)) }
            guard points.count >= 4 else { throw .shortRing(file: file, path: ringPath, count: points.count) }
            guard points.first == points.last else { throw .openRing(file: file, path: ringPath) }
            out.append(points)
        }
        return GeoPolygon(rings: out)
    }

    /// A position: two or more numbers, longitude and latitude in degrees first; `ring` and
    /// `index` place it (the path is built only for a problem).
    func point(_ value: Any, ring: String, index: Int) throws(GeoJSONProblem) -> GeoPoint {
        guard let list = value as? [Any], list.count >= 2, let lon = Self.number(list[0]), let lat = Self.number(list[1]) else {
            throw .badPosition(file: file, path: ring + "[\(index)]", found: Self.describe(value))
        }
        guard abs(lon) <= 180, abs(lat) <= 90 else { throw .outOfRange(file: file, path: ring + "[\(index)]", lon: lon, lat: lat) }
        return GeoPoint(lon: lon, lat: lat)
    }

    /// A JSON number (not a boolean, which Foundation also returns as NSNumber).
    static func number(_ value: Any) -> Double? {
        guard let n = value as? NSNumber, !isBoolean(n) else { return nil }
        let x = n.doubleValue
        return x.isFinite ? x : nil
    }

    static func isBoolean(_ n: NSNumber) -> Bool {
        String(describing: type(of: n)).contains("Boolean") || String(cString: n.objCType) == "c"
    }

    /// A JSON value as a problem names it: `null`, `true`, `a string "105.2"`, `an array of 3 values` …
    static func describe(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case let n as NSNumber where isBoolean(n): return n.boolValue ? "true" : "false"
        case let n as NSNumber: return "the number \(Wording.number(n.doubleValue))"
        case let s as String: return "the text \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
        case let a as [Any]: return a.isEmpty ? "an empty array" : "an array of \(a.count) value\(a.count == 1 ? "" : "s")"
        case let o as [String: Any]:
            if let t = o["type"] as? String { return "an object of type \"\(t)\"" }
            return o.isEmpty ? "an empty object" : "an object"
        default: return "a value of an unexpected kind"
        }
    }

    /// The top level as a problem names it: a bare geometry or feature is named by its type.
    static func describeTop(_ value: Any) -> String {
        if let o = value as? [String: Any], o["type"] as? String == "FeatureCollection" { return "a FeatureCollection without a \"features\" array" }
        return describe(value)
    }

    /// The parser's error with the line and column of its "around character N", when it says.
    static func notJSON(_ error: any Error, data: Data, file: String) -> GeoJSONProblem {
        let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
        let trimmed = detail.hasSuffix(".") ? String(detail.dropLast()) : detail
        guard let range = trimmed.range(of: " around character "),
            let offset = Int(trimmed[range.upperBound...].prefix { $0.isNumber })
        else { return .notJSON(file: file, line: nil, column: nil, detail: trimmed) }
        let said = String(trimmed[..<range.lowerBound])
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return .notJSON(file: file, line: line, column: column, detail: said)
    }
}
