import CityIndexCore
import CityIndexFormats
import Foundation
import Testing

@testable import CityIndexReports

/// The maps as drawn: well-formed SVG, one square or shape per unit, rendered to PNG by librsvg.
@Suite struct MapRenderingTests {
    /// Four square "provinces" of 2° (A with a hole, B a MultiPolygon of two squares, C plain,
    /// D not ranked).
    static func squares() -> ChoroplethMap {
        func square(_ lon: Double, _ lat: Double, _ side: Double) -> [GeoPoint] {
            [GeoPoint(lon: lon, lat: lat), GeoPoint(lon: lon + side, lat: lat), GeoPoint(lon: lon + side, lat: lat + side),
             GeoPoint(lon: lon, lat: lat + side), GeoPoint(lon: lon, lat: lat)]
        }
        return ChoroplethMap(source: "squares.geojson", shapes: [
            "A": [GeoPolygon(rings: [square(105, 20, 2), square(105.5, 20.5, 1)])],
            "B": [GeoPolygon(rings: [square(107, 20, 2)]), GeoPolygon(rings: [square(109.5, 18.5, 1)])],
            "C": [GeoPolygon(rings: [square(105, 18, 2)])],
            "D": [GeoPolygon(rings: [square(107, 18, 2)])],
        ])
    }

    static func squaresResult() throws -> ScoreResult {
        try mapResult(units: ["A", "B", "C", "D"].map { UnitInfo(code: $0, name: "Unit " + $0) }, unranked: ["D"])
    }

    /// Every map: the two tile maps in both languages, a profile's tile map, the choropleth.
    static func charts() throws -> [(name: String, svg: String, units: Int)] {
        var out: [(String, String, Int)] = []
        for (layout, registry) in TileLayoutTests.layouts {
            let units = try registryUnits(registry)
            let result = try mapResult(units: units, unranked: [units[5].code])
            for language in [Language.vi, .en] {
                out.append(("\(layout.id)-\(language)", TileMapChart(result: result, layout: layout, language: language).svg, units.count))
            }
            out.append(("\(layout.id)-profile", TileMapChart(result: result, layout: layout, language: .vi, highlight: 0).svg, units.count))
        }
        out.append(("choropleth", ChoroplethChart(result: try squaresResult(), map: squares(), language: .en).svg, 4))
        return out
    }

    @Test func mapsAreWellFormedWithOneShapePerUnit() throws {
        for chart in try Self.charts() {
            #expect(wellFormed(chart.svg), "\(chart.name)")
            // A square or a path with a tooltip per unit; one hatched unit, named in the legend.
            #expect(count("><title>", in: chart.svg) == chart.units, "\(chart.name)")
            #expect(count("fill=\"url(#", in: chart.svg) == 2, "\(chart.name): one unit hatched, and its legend swatch")
        }
    }

    @Test func theProfileMapOutlinesItsUnit() throws {
        let units = try registryUnits("vn-provinces-2025.csv")
        let result = try mapResult(units: units)
        let plain = TileMapChart(result: result, layout: .vietnam2025, language: .en).svg
        let outlined = TileMapChart(result: result, layout: .vietnam2025, language: .en, highlight: 0).svg
        #expect(!plain.contains("stroke=\"#000000\" stroke-width=\"3\""))
        #expect(count("stroke=\"#000000\" stroke-width=\"3\"", in: outlined) == 1)
        #expect(outlined.contains(">" + (units[0].nameEN ?? "") + ": "), "the subtitle names the unit")
    }

    /// The choropleth: holes and MultiPolygons are subpaths of one even-odd path; north at top;
    /// the projection keeps areas (a 1° square at 60° N has half the area of one at the equator).
    @Test func choroplethPathsAndProjection() throws {
        let svg = ChoroplethChart(result: try Self.squaresResult(), map: Self.squares(), language: .en).svg
        let paths = svg.components(separatedBy: "<path d=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(paths.count == 4)
        #expect(count("fill-rule=\"evenodd\"", in: svg) == 4)
        #expect(paths.map { count("M", in: String($0)) }.sorted() == [1, 1, 2, 2], "A has a hole, B two polygons")
        let chart = ChoroplethChart(result: try Self.squaresResult(), map: Self.squares(), language: .en)
        let project = chart.projection().project
        #expect(project(GeoPoint(lon: 106, lat: 21)).y < project(GeoPoint(lon: 106, lat: 19)).y, "north at top")
        func area(_ ring: [GeoPoint]) -> Double {
            let p = ring.map(project)
            return abs(zip(p, p.dropFirst()).reduce(0) { $0 + $1.0.x * $1.1.y - $1.1.x * $1.0.y }) / 2
        }
        func square(_ lat: Double) -> [GeoPoint] {
            (0...40).map { GeoPoint(lon: 106 + Double($0) / 40, lat: lat) } + (0...40).map { GeoPoint(lon: 107 - Double($0) / 40, lat: lat + 1) }
                + [GeoPoint(lon: 106, lat: lat)]
        }
        let ratio = area(square(60)) / area(square(0))
        let exact = (sin(61 * Double.pi / 180) - sin(60 * Double.pi / 180)) / sin(Double.pi / 180)
        #expect(abs(ratio - exact) < 0.01, "area ratio \(ratio), expected \(exact)")
    }

    @Test(.enabled(if: rsvgConvert != nil, "skipped: rsvg-convert is not installed (apt-get install librsvg2-bin)"))
    func mapsRenderToPNG() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cityindex-maps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for chart in try Self.charts() {
            let svg = folder.appendingPathComponent(chart.name + ".svg"), png = folder.appendingPathComponent(chart.name + ".png")
            try Data(chart.svg.utf8).write(to: svg)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(rsvgConvert))
            process.arguments = [svg.path, "-o", png.path]
            process.standardError = Pipe()
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(chart.name): rsvg-convert failed")
            let bytes = [UInt8](try Data(contentsOf: png))
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(chart.name): not a PNG")
            guard bytes.count > 24 else { continue }
            let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect(width >= 200 && height >= 200, "\(chart.name): \(width)×\(height) px")
            #expect(bytes.count > 10_000, "\(chart.name): \(bytes.count) bytes is too little for a map")
        }
    }
}
