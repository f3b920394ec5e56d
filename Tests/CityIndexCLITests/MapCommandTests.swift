import Foundation
import Testing

/// Maps in `cityindex report`: the tile map of the demo (34 units) and of 63 units, and a
/// choropleth from a user's GeoJSON (`--map`), good and bad.
@Suite(.serialized) struct MapCommandTests {
    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func theDemoReportHasThe34UnitTileMap() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let out = tmp.path("out")
        let run = cityindex([
            "report", "--criteria", repo("Indicators/qd2244-provinces.yaml"), "--data", repo("Indicators/demo/qd2244-demo.csv"),
            "--db", tmp.path("store.sqlite"), "--out", out, "--profiles", "--lang", "en",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(md.contains("## Map\n\n![Tile map of the score: Vietnam's 34 provincial units (since 1 July 2025)](charts/map-tiles.svg)"))
        let svg = try String(contentsOfFile: out + "/charts/map-tiles.svg", encoding: .utf8)
        #expect(count("><title>", in: svg) == 34)
        for label in [">Ha<", ">Noi<", ">HCMC<", ">Ca<", ">Mau<", ">Hoang Sa<"] { #expect(svg.contains(label), "\(label)") }
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("<title>Ho Chi Minh City: "), "the map is inline in report.html")
        let profile = try String(contentsOfFile: out + "/profiles/48.md", encoding: .utf8)
        #expect(profile.contains("![Da Nang on the tile map](../charts/map-tiles-48.svg)"))
        let profileSVG = try String(contentsOfFile: out + "/charts/map-tiles-48.svg", encoding: .utf8)
        #expect(profileSVG.contains(">Da Nang: "))
        let profileHTML = try String(contentsOfFile: out + "/profiles/48.html", encoding: .utf8)
        #expect(profileHTML.contains(">Da Nang: "), "the outlined map is inline in the profile page")
    }

    /// A registry of the 63 units without successors (code, name, name_en), and values for 2020.
    func write63(in tmp: TemporaryFolder, codes: Set<String>? = nil) throws -> [String] {
        let registry = try String(contentsOfFile: repo("Indicators/units/vn-provinces-2024.csv"), encoding: .utf8)
        var lines = registry.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(3).joined(separator: ",") }
        lines = [lines[0]] + lines.dropFirst().filter { codes?.contains(String($0.prefix(2))) ?? true }
        try (lines.joined(separator: "\n") + "\n").write(toFile: tmp.path("units63.csv"), atomically: true, encoding: .utf8)
        let set = "id: sixty-three\nname: {en: Test, vi: Thử}\nlanguage: vi\nunits: [units63.csv]\nroot:\n  id: index\n  children:\n    - {id: a}\n    - {id: b}\n"
        try set.write(toFile: tmp.path("set.yaml"), atomically: true, encoding: .utf8)
        var data = "unit,period,a,b\n"
        for (k, line) in lines.dropFirst().enumerated() { data += "\(line.prefix(2)),2020,\((k * 37) % 101),\((k * 53) % 97)\n" }
        try data.write(toFile: tmp.path("data.csv"), atomically: true, encoding: .utf8)
        return ["report", "--criteria", tmp.path("set.yaml"), "--data", tmp.path("data.csv"), "--db", tmp.path("store.sqlite"), "--period", "2020"]
    }

    @Test func sixtyThreeUnitsGetThe63UnitMap() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let run = cityindex(try write63(in: tmp) + ["--out", tmp.path("out")])
        #expect(run.status == 0, "\(run.stderr)")
        let md = try String(contentsOfFile: tmp.path("out/report.md"), encoding: .utf8)
        #expect(md.contains("(charts/map-tiles.svg)\n\nBản đồ ô, 63 tỉnh, thành phố của Việt Nam (đến 30/6/2025)"))
        let svg = try String(contentsOfFile: tmp.path("out/charts/map-tiles.svg"), encoding: .utf8)
        #expect(count("><title>", in: svg) == 63)
    }

    /// 34 of the 63 old units (the codes 2025 kept, with their old names) are not the 34 of 2025:
    /// they get the 63-unit map, the other 29 squares blank.
    @Test func oldUnitsWithReusedCodesGetThe63UnitMap() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let codes2025 = try String(contentsOfFile: repo("Indicators/units/vn-provinces-2025.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { String($0.prefix(2)) }
        let run = cityindex(try write63(in: tmp, codes: Set(codes2025)) + ["--out", tmp.path("out")])
        #expect(run.status == 0, "\(run.stderr)")
        let md = try String(contentsOfFile: tmp.path("out/report.md"), encoding: .utf8)
        #expect(md.contains("34 trên 34"))
        #expect(md.contains("63 tỉnh, thành phố") && md.contains("để trống: không có trong dữ liệu."))
        let svg = try String(contentsOfFile: tmp.path("out/charts/map-tiles.svg"), encoding: .utf8)
        #expect(count(": Không có trong dữ liệu</title>", in: svg) == 29)
        #expect(svg.contains("<title>Bắc Giang: "))
    }

    /// Four square "provinces": A with a hole, B a MultiPolygon, C plain, D without data (not ranked).
    static let squares = """
        {"type": "FeatureCollection", "features": [
         {"type": "Feature", "properties": {"code": "A", "name": "Alpha"}, "geometry": {"type": "Polygon", "coordinates": [
           [[105, 20], [107, 20], [107, 22], [105, 22], [105, 20]],
           [[105.5, 20.5], [105.5, 21.5], [106.5, 21.5], [106.5, 20.5], [105.5, 20.5]]]}},
         {"type": "Feature", "properties": {"code": "B"}, "geometry": {"type": "MultiPolygon", "coordinates": [
           [[[107, 20], [109, 20], [109, 22], [107, 22], [107, 20]]],
           [[[109.5, 18.5], [110.5, 18.5], [110.5, 19.5], [109.5, 19.5], [109.5, 18.5]]]]}},
         {"type": "Feature", "properties": {"code": "C"}, "geometry": {"type": "Polygon", "coordinates": [[[105, 18], [107, 18], [107, 20], [105, 20], [105, 18]]]}},
         {"type": "Feature", "properties": {"code": "D"}, "geometry": {"type": "Polygon", "coordinates": [[[107, 18], [109, 18], [109, 20], [107, 20], [107, 18]]]}}
        ]}
        """

    func writeSquares(in tmp: TemporaryFolder, map: String) throws -> [String] {
        try "code,name\nA,Alpha\nB,Beta\nC,Gamma\nD,Delta\n".write(toFile: tmp.path("units.csv"), atomically: true, encoding: .utf8)
        let set = "id: squares\nname: {en: Squares}\nscale: 100\nunits: [units.csv]\nroot:\n  id: index\n  children:\n    - {id: a1}\n    - {id: b1}\n"
        try set.write(toFile: tmp.path("set.yaml"), atomically: true, encoding: .utf8)
        try "unit,period,a1,b1\nA,2024,1,5\nB,2024,3,0\nC,2024,2,10\nD,2024,,\n".write(toFile: tmp.path("data.csv"), atomically: true, encoding: .utf8)
        try map.write(toFile: tmp.path("map.geojson"), atomically: true, encoding: .utf8)
        return [
            "report", "--criteria", tmp.path("set.yaml"), "--data", tmp.path("data.csv"), "--db", tmp.path("store.sqlite"),
            "--out", tmp.path("out"), "--map", tmp.path("map.geojson"), "--lang", "en",
        ]
    }

    @Test func aUsersGeoJSONDrawsAChoropleth() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let run = cityindex(try writeSquares(in: tmp, map: Self.squares))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("charts/map.svg"))
        let md = try String(contentsOfFile: tmp.path("out/report.md"), encoding: .utf8)
        #expect(md.contains("## Map\n\n![Map of the score (map.geojson)](charts/map.svg)"))
        let svg = try String(contentsOfFile: tmp.path("out/charts/map.svg"), encoding: .utf8)
        #expect(count("<path d=", in: svg) == 4)
        #expect(count("fill-rule=\"evenodd\"", in: svg) == 4)
        #expect(svg.contains("<title>Delta: Not ranked</title>") && svg.contains(">Not ranked<"))
        let html = try String(contentsOfFile: tmp.path("out/report.html"), encoding: .utf8)
        #expect(html.contains("<title>Alpha: "), "inline in report.html")
        #expect(!md.contains("map-tiles"), "no tile map for units that are not Vietnam's")
    }

    static let badMaps: [(name: String, transform: @Sendable (String) -> String, message: String)] = [
        ("missing property", { $0.replacingOccurrences(of: "\"properties\": {\"code\": \"B\"}", with: "\"properties\": {\"ma\": \"B\"}") },
         "map.geojson: features[1] has no property \"code\" (its properties: ma); name the property that holds the unit code with --map-code-property"),
        ("unknown code", { $0.replacingOccurrences(of: "\"code\": \"C\"", with: "\"code\": \"Q\"") },
         "map.geojson: features[2].properties.code \"Q\" matches no unit of the report"),
        ("invalid geometry", { $0.replacingOccurrences(of: "[[[105, 18], [107, 18], [107, 20], [105, 20], [105, 18]]]", with: "[[[105, 18], [107, 18], [105, 18]]]") },
         "map.geojson: features[2].geometry.coordinates[0]: a ring needs at least 4 positions (the first repeated as the last), found 3"),
        ("not JSON", { $0.replacingOccurrences(of: "{\"type\": \"Feature\", \"properties\": {\"code\": \"B\"}", with: "{\"type\": \"Feature\" \"properties\": {\"code\": \"B\"}") },
         "map.geojson:5:21: the map file is not JSON (Invalid value); expected a GeoJSON FeatureCollection"),
    ]

    @Test(arguments: badMaps.indices)
    func aBadGeoJSONLeavesTheMapOutAndExitsWith1(k: Int) throws {
        let bad = Self.badMaps[k]
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let run = cityindex(try writeSquares(in: tmp, map: bad.transform(Self.squares)))
        #expect(run.status == 1, "\(bad.name)")
        #expect(run.stderr.contains("error: " + tmp.path(bad.message)), "\(bad.name): \(run.stderr)")
        #expect(run.stderr.contains("the reports were written without this map"))
        let md = try String(contentsOfFile: tmp.path("out/report.md"), encoding: .utf8)
        #expect(md.contains("## Ranking") && !md.contains("charts/map.svg"), "\(bad.name): the report is written without the map")
        #expect(FileManager.default.fileExists(atPath: tmp.path("out/report.html")))
        #expect(!FileManager.default.fileExists(atPath: tmp.path("out/charts/map.svg")))
    }

    @Test func helpSaysWhatABadMapDoes() {
        let help = cityindex(["help", "report"])
        #expect(help.stdout.contains("--map-code-property"))
        #expect(help.stdout.contains("exits with status 1"))
    }
}
