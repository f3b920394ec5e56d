import CityIndexCore
import Foundation
import Testing

@testable import CityIndexFormats

/// Reading a GeoJSON FeatureCollection for a choropleth, and matching it to units.
@Suite struct GeoJSONFileTests {
    /// A feature with `code` (raw JSON) and `geometry` (raw JSON).
    static func feature(_ code: String, _ geometry: String) -> String {
        "{\"type\": \"Feature\", \"properties\": {\"code\": \(code), \"name\": \"x\"}, \"geometry\": \(geometry)}"
    }

    static func collection(_ features: [String]) -> String {
        "{\"type\": \"FeatureCollection\", \"features\": [\n" + features.joined(separator: ",\n") + "\n]}"
    }

    static let square = "{\"type\": \"Polygon\", \"coordinates\": [[[105, 20], [106, 20], [106, 21], [105, 21], [105, 20]]]}"

    static func read(_ text: String, property: String = "code") -> GeoJSONFile {
        GeoJSONFile.parse(Data(text.utf8), file: "map.geojson", codeProperty: property)
    }

    @Test func polygonsWithHolesAndMultiPolygonsAreRead() {
        let holed = "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]]}"
        let multi = "{\"type\": \"MultiPolygon\", \"coordinates\": [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 5, 12.5]]]]}"
        let map = Self.read(Self.collection([Self.feature("\"01\"", holed), Self.feature("2", multi)]))
        #expect(map.problems.isEmpty, "\(map.problems)")
        #expect(map.features.map(\.code) == ["01", "2"], "a whole number is a code written as digits")
        #expect(map.features[0].polygons.count == 1 && map.features[0].polygons[0].rings.count == 2)
        #expect(map.features[1].polygons.count == 2)
        #expect(map.features[1].polygons[1].rings[0][3] == GeoPoint(lon: 5, lat: 5), "a third number (altitude) is allowed")
    }

    @Test func aByteOrderMarkAndDecomposedTextAreAccepted() {
        let nfd = "Ha\u{0300} Nô\u{0323}i"
        let text = "\u{FEFF}" + Self.collection([Self.feature("\"\(nfd)\"", Self.square)])
        let map = Self.read(text)
        #expect(map.problems.isEmpty)
        #expect(map.features.first?.code == "Hà Nội")
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "not JSON", text: "{\"type\": \"FeatureCollection\",\n \"features\": [\n  {\"type\": \"Feature\",, }\n]}",
             message: "map.geojson:3:22: the map file is not JSON (Invalid value); expected a GeoJSON FeatureCollection"),
        Case(name: "a bare geometry", text: square,
             message: "map.geojson: expected a GeoJSON FeatureCollection ({\"type\": \"FeatureCollection\", \"features\": [...]}), found an object of type \"Polygon\""),
        Case(name: "no features", text: collection([]),
             message: "map.geojson: the FeatureCollection has no features; expected one Polygon or MultiPolygon feature per unit"),
        Case(name: "not a feature", text: collection(["[1, 2]"]),
             message: "map.geojson: features[0]: expected a Feature ({\"type\": \"Feature\", \"properties\": {...}, \"geometry\": {...}}), found an array of 2 values"),
        Case(name: "missing property",
             text: collection([feature("\"01\"", square), "{\"type\": \"Feature\", \"properties\": {\"ma\": \"02\", \"ten\": \"B\"}, \"geometry\": \(square)}"]),
             message: "map.geojson: features[1] has no property \"code\" (its properties: ma, ten); name the property that holds the unit code with --map-code-property"),
        Case(name: "code that is not text", text: collection([feature("true", square)]),
             message: "map.geojson: features[0].properties.code is true; expected a unit code (text or a whole number)"),
        Case(name: "fractional code", text: collection([feature("1.5", square)]),
             message: "map.geojson: features[0].properties.code is the number 1.5; expected a unit code (text or a whole number)"),
        Case(name: "no geometry", text: collection([feature("\"01\"", "null")]),
             message: "map.geojson: features[0] has no geometry; expected a Polygon or MultiPolygon"),
        Case(name: "unknown geometry type", text: collection([feature("\"01\"", "{\"type\": \"Polygn\", \"coordinates\": []}")]),
             message: "map.geojson: features[0].geometry.type \"Polygn\" is not a GeoJSON geometry type; expected Polygon or MultiPolygon (did you mean \"Polygon\"?)"),
        Case(name: "a line", text: collection([feature("\"01\"", "{\"type\": \"LineString\", \"coordinates\": [[0, 0], [1, 1]]}")]),
             message: "map.geojson: features[0] is a LineString, which has no area to colour; expected a Polygon or MultiPolygon"),
        Case(name: "ring of 3 positions", text: collection([feature("\"01\"", "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [0, 0]]]}")]),
             message: "map.geojson: features[0].geometry.coordinates[0]: a ring needs at least 4 positions (the first repeated as the last), found 3"),
        Case(name: "open ring", text: collection([feature("\"01\"", "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}")]),
             message: "map.geojson: features[0].geometry.coordinates[0]: the ring is not closed; its last position must repeat its first"),
        Case(name: "text coordinate", text: collection([feature("\"01\"", "{\"type\": \"MultiPolygon\", \"coordinates\": [[[[0, 0], [1, 0], [\"1\", 1], [0, 0]]]]}")]),
             message: "map.geojson: features[0].geometry.coordinates[0][0][2]: expected a position [longitude, latitude] of two numbers, found an array of 2 values"),
        Case(name: "projected coordinates", text: collection([feature("\"01\"", "{\"type\": \"Polygon\", \"coordinates\": [[[560000, 2300000], [1, 0], [1, 1], [560000, 2300000]]]}")]),
             message: "map.geojson: features[0].geometry.coordinates[0][0]: [560000, 2300000] is not a longitude and latitude in degrees; GeoJSON positions are WGS 84 degrees (RFC 7946): reproject the file to EPSG:4326"),
        Case(name: "polygon nesting in a MultiPolygon", text: collection([feature("\"01\"", "{\"type\": \"MultiPolygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}")]),
             message: "map.geojson: features[0].geometry.coordinates[0]: expected a polygon (an array of rings): a MultiPolygon's coordinates nest one level deeper than a Polygon's, found a ring"),
    ]

    @Test(arguments: cases)
    func problemsNameTheFileAndThePlace(c: Case) {
        let map = Self.read(c.text)
        #expect(map.problems.map(\.description) == [c.message])
    }

    /// One cause, one line: every feature without the property in one problem, with a count.
    @Test func aPropertyMissingEverywhereIsOneProblem() {
        let features = (0..<63).map { _ in "{\"type\": \"Feature\", \"properties\": {\"ma_tinh\": \"01\"}, \"geometry\": \(Self.square)}" }
        let map = Self.read(Self.collection(features))
        #expect(map.problems.map(\.description) == [
            "map.geojson: 63 features (features[0], features[1], features[2], …) have no property \"code\" (features[0]: ma_tinh); name the property that holds the unit code with --map-code-property",
        ])
        #expect(Self.read(Self.collection(features), property: "ma_tinh").problems.isEmpty)
    }

    @Test func anUnreadableFileIsAProblem() {
        let map = GeoJSONFile.read(path: "/nonexistent/map.geojson", codeProperty: "code")
        #expect(map.problems == [.unreadable(file: "/nonexistent/map.geojson", reason: "no such file")])
    }

    static let units = [
        UnitInfo(code: "01", name: "Thành phố Hà Nội", nameEN: "Ha Noi"), UnitInfo(code: "04", name: "Cao Bằng"),
        UnitInfo(code: "08", name: "Tuyên Quang"),
    ]

    @Test func featuresMatchUnitsByCode() {
        let map = Self.read(Self.collection(["\"01\"", "\"04\"", "\"08\""].map { Self.feature($0, Self.square) }))
        let match = GeoUnitMatch(map: map, units: Self.units)
        #expect(match.isComplete)
        #expect(Set(match.shapes.keys) == ["01", "04", "08"])
    }

    @Test func mismatchesAreProblemsWithSuggestions() {
        let map = Self.read(Self.collection([
            Self.feature("1", Self.square), Self.feature("\"Cao Bang\"", Self.square), Self.feature("\"08\"", Self.square),
            Self.feature("\"08\"", Self.square), Self.feature("\"99\"", Self.square),
        ]))
        let match = GeoUnitMatch(map: map, units: Self.units)
        #expect(!match.isComplete && match.shapes.isEmpty)
        #expect(match.problems.map(\.description) == [
            "map.geojson: features[0].properties.code \"1\" matches no unit of the report; did you mean \"01\" (Thành phố Hà Nội)? Codes are compared as text",
            "map.geojson: features[1].properties.code \"Cao Bang\" matches no unit of the report; it is the name of unit \"04\"; is the code in another property? (--map-code-property)",
            "map.geojson: features[3]: unit \"08\" is already drawn by features[2]; join the two into one MultiPolygon feature",
            "map.geojson: features[4].properties.code \"99\" matches no unit of the report",
            "map.geojson: 2 units of the report have no feature (no \"code\" property equal to its code): 01 Thành phố Hà Nội, 04 Cao Bằng",
        ])
    }

    /// A unit whose feature has a broken geometry is not listed again as a unit without a
    /// feature; when a feature's code cannot be read, no unit is said to lack one.
    @Test func unitsWithoutAFeatureAreListedOnceAndOnlyWhenKnown() {
        let broken = "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [0, 0]]]}"
        let map = Self.read(Self.collection([Self.feature("\"01\"", broken), Self.feature("\"04\"", Self.square)]))
        let match = GeoUnitMatch(map: map, units: Self.units)
        #expect(match.fileHasProblems)
        #expect(match.problems.map(\.description) == [
            "map.geojson: 1 unit of the report has no feature (no \"code\" property equal to its code): 08 Tuyên Quang",
        ])
        let unreadable = Self.read(Self.collection([Self.feature("null", Self.square), Self.feature("\"04\"", Self.square)]))
        #expect(GeoUnitMatch(map: unreadable, units: Self.units).problems.isEmpty)
        #expect(GeoJSONProblem.lines(Array(repeating: .noFeatures(file: "m"), count: 23), limit: 20).count == 21)
    }
}
