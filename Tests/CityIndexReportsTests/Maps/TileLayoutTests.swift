import CityIndexCore
import Foundation
import Testing

@testable import CityIndexReports

/// The two tile maps of Vietnam: complete, without overlaps, geographically sound.
@Suite struct TileLayoutTests {
    static let layouts: [(layout: TileLayout, registry: String)] = [
        (.vietnam2025, "vn-provinces-2025.csv"), (.vietnam2024, "vn-provinces-2024.csv"),
    ]

    @Test(arguments: layouts.map(\.layout.id))
    func everyUnitOfTheRegistryAppearsExactlyOnce(id: String) throws {
        let (layout, registry) = try #require(Self.layouts.first { $0.layout.id == id })
        let units = try registryUnits(registry)
        let codes = layout.tiles.map(\.code)
        #expect(codes.count == units.count)
        #expect(Set(codes).count == codes.count, "a code appears twice")
        #expect(Set(codes) == Set(units.map(\.code)))
        let cells = layout.tiles.map { "\($0.column),\($0.row)" }
        #expect(Set(cells).count == cells.count, "two units on one cell")
        #expect(TileLayout.covering(units)?.id == layout.id)
    }

    /// Pairs of provinces that share a border and must be on neighbouring cells (8 around).
    static let neighbours: [(layout: String, a: String, b: String)] = [
        // 2025: Hà Nội with Bắc Ninh, Hưng Yên, Phú Thọ, Thái Nguyên, Ninh Bình; the delta, the centre, the south.
        ("vn-34", "01", "24"), ("vn-34", "01", "33"), ("vn-34", "01", "25"), ("vn-34", "01", "19"), ("vn-34", "01", "37"),
        ("vn-34", "31", "22"), ("vn-34", "31", "33"), ("vn-34", "12", "11"), ("vn-34", "04", "20"), ("vn-34", "38", "40"),
        ("vn-34", "44", "46"), ("vn-34", "46", "48"), ("vn-34", "48", "51"), ("vn-34", "51", "52"), ("vn-34", "66", "56"),
        ("vn-34", "68", "75"), ("vn-34", "79", "75"), ("vn-34", "79", "80"), ("vn-34", "82", "91"), ("vn-34", "92", "96"),
        ("vn-34", "92", "86"),
        // 63 units.
        ("vn-63", "01", "27"), ("vn-63", "01", "33"), ("vn-63", "01", "26"), ("vn-63", "01", "35"), ("vn-63", "01", "17"),
        ("vn-63", "31", "22"), ("vn-63", "31", "30"), ("vn-63", "36", "34"), ("vn-63", "38", "37"), ("vn-63", "40", "42"),
        ("vn-63", "46", "48"), ("vn-63", "45", "46"), ("vn-63", "48", "49"), ("vn-63", "62", "64"), ("vn-63", "56", "58"),
        ("vn-63", "79", "74"), ("vn-63", "79", "80"), ("vn-63", "79", "77"), ("vn-63", "79", "75"), ("vn-63", "83", "84"),
        ("vn-63", "89", "87"), ("vn-63", "92", "86"), ("vn-63", "96", "95"), ("vn-63", "96", "91"),
    ]

    @Test(arguments: neighbours.indices)
    func bordersAreNeighbouringCells(k: Int) throws {
        let (id, a, b) = Self.neighbours[k]
        let layout = try #require(Self.layouts.first { $0.layout.id == id }).layout
        let p = try #require(layout.tiles.first { $0.code == a }), q = try #require(layout.tiles.first { $0.code == b })
        #expect(abs(p.column - q.column) <= 1 && abs(p.row - q.row) <= 1, "\(id): \(a) at \(p.column),\(p.row); \(b) at \(q.column),\(q.row)")
    }

    /// Approximate provincial seats (latitude, longitude), to 0.05°: the 2025 units' seats are
    /// those of Resolution 202/2025/QH15 (Lào Cai's in Yên Bái, Gia Lai's in Quy Nhơn …).
    static let seats: [String: [String: (lat: Double, lon: Double)]] = [
        "vn-34": [
            "01": (21.03, 105.85), "04": (22.67, 106.26), "08": (21.82, 105.21), "11": (21.39, 103.02), "12": (22.40, 103.46),
            "14": (21.33, 103.91), "15": (21.72, 104.91), "19": (21.59, 105.85), "20": (21.85, 106.76), "22": (20.95, 107.08),
            "24": (21.27, 106.19), "25": (21.32, 105.40), "31": (20.86, 106.68), "33": (20.65, 106.05), "37": (20.25, 105.97),
            "38": (19.81, 105.78), "40": (18.68, 105.68), "42": (18.34, 105.91), "44": (17.47, 106.62), "46": (16.46, 107.59),
            "48": (16.05, 108.20), "51": (15.12, 108.80), "52": (13.78, 109.22), "56": (12.24, 109.19), "66": (12.67, 108.04),
            "68": (11.94, 108.44), "75": (10.95, 106.82), "79": (10.78, 106.70), "80": (10.54, 106.41), "82": (10.36, 106.36),
            "86": (10.25, 105.97), "91": (10.01, 105.08), "92": (10.03, 105.78), "96": (9.18, 105.15),
        ],
        "vn-63": [
            "01": (21.03, 105.85), "02": (22.82, 104.98), "04": (22.67, 106.26), "06": (22.15, 105.83), "08": (21.82, 105.21),
            "10": (22.49, 103.97), "11": (21.39, 103.02), "12": (22.40, 103.46), "14": (21.33, 103.91), "15": (21.72, 104.91),
            "17": (20.81, 105.34), "19": (21.59, 105.85), "20": (21.85, 106.76), "22": (20.95, 107.08), "24": (21.27, 106.19),
            "25": (21.32, 105.40), "26": (21.31, 105.60), "27": (21.18, 106.07), "30": (20.94, 106.31), "31": (20.86, 106.68),
            "33": (20.65, 106.05), "34": (20.45, 106.34), "35": (20.54, 105.91), "36": (20.42, 106.17), "37": (20.25, 105.97),
            "38": (19.81, 105.78), "40": (18.68, 105.68), "42": (18.34, 105.91), "44": (17.47, 106.62), "45": (16.75, 107.19),
            "46": (16.46, 107.59), "48": (16.05, 108.20), "49": (15.57, 108.47), "51": (15.12, 108.80), "52": (13.78, 109.22),
            "54": (13.09, 109.30), "56": (12.24, 109.19), "58": (11.57, 108.99), "60": (10.93, 108.10), "62": (14.35, 108.00),
            "64": (13.98, 108.00), "66": (12.67, 108.04), "67": (12.00, 107.69), "68": (11.94, 108.44), "70": (11.54, 106.90),
            "72": (11.31, 106.10), "74": (10.98, 106.65), "75": (10.95, 106.82), "77": (10.50, 107.17), "79": (10.78, 106.70),
            "80": (10.54, 106.41), "82": (10.36, 106.36), "83": (10.24, 106.38), "84": (9.94, 106.34), "86": (10.25, 105.97),
            "87": (10.46, 105.63), "89": (10.39, 105.44), "91": (10.01, 105.08), "92": (10.03, 105.78), "93": (9.78, 105.47),
            "94": (9.60, 105.97), "95": (9.29, 105.72), "96": (9.18, 105.15),
        ],
    ]

    /// North at top, west at left: of two seats more than 1.5° of latitude apart, the northern
    /// one is on a higher row; of two seats within 2° of latitude and more than 2° of longitude
    /// apart, the western one is in a column further left.
    @Test(arguments: layouts.map(\.layout.id))
    func rowsFollowLatitudeAndColumnsLongitude(id: String) throws {
        let layout = try #require(Self.layouts.first { $0.layout.id == id }).layout
        let seats = try #require(Self.seats[id])
        #expect(Set(seats.keys) == Set(layout.tiles.map(\.code)))
        for p in layout.tiles {
            for q in layout.tiles where p.code < q.code {
                guard let a = seats[p.code], let b = seats[q.code] else { continue }
                if a.lat - b.lat > 1.5 { #expect(p.row < q.row, "\(id): \(p.code) is north of \(q.code)") }
                if b.lat - a.lat > 1.5 { #expect(q.row < p.row, "\(id): \(q.code) is north of \(p.code)") }
                guard abs(a.lat - b.lat) < 2 else { continue }
                if b.lon - a.lon > 2 { #expect(p.column < q.column, "\(id): \(p.code) is west of \(q.code)") }
                if a.lon - b.lon > 2 { #expect(q.column < p.column, "\(id): \(q.code) is west of \(p.code)") }
            }
        }
    }

    func chartLegendLines(_ result: ScoreResult, _ layout: TileLayout, _ language: Language) -> Int {
        TileMapChart(result: result, layout: layout, language: language).legend.entries.count
    }

    /// The boxes of one drawing: squares, label lines, legend, islands, title.
    static func drawing(_ chart: TileMapChart) -> (squares: [MapBox], labels: [(code: String, box: MapBox)], others: [(what: String, box: MapBox)]) {
        let squares = chart.layout.tiles.map(chart.box(of:))
        let labels = chart.layout.tiles.flatMap { t in chart.labelLines(of: t).map { (t.code, $0.box) } }
        var others: [(String, MapBox)] = [("title", chart.titleBox)]
        others += chart.legend.boxes(x: chart.legendOrigin.x, y: chart.legendOrigin.y).map { ("legend", $0) }
        others += chart.layout.islands.map { ("islands " + $0.label[0], chart.geometry(of: $0).frame) }
        return (squares, labels, others)
    }

    @Test(arguments: layouts.map(\.layout.id), [Language.vi, .en])
    func labelsFitTheirSquaresAndNothingOverlaps(id: String, language: Language) throws {
        let (layout, registry) = try #require(Self.layouts.first { $0.layout.id == id })
        let units = try registryUnits(registry)
        // One unit not ranked (the legend gains a line); in a profile, the title a second line;
        // with a unit absent from the data, the legend a third.
        for (highlight, absent) in [(nil as Int?, false), (0, true)] {
            let result = try mapResult(units: absent ? Array(units.dropLast()) : units, unranked: [units[3].code])
            #expect(!result.isRanked(3) && result.rankedCount == result.units.count - 1)
            #expect(chartLegendLines(result, layout, language) == MapColourScale(scores: result.units.indices.compactMap { result.score(node: 0, unit: $0) }).count + (absent ? 2 : 1))
            let chart = TileMapChart(result: result, layout: layout, language: language, highlight: highlight)
            let (squares, labels, others) = Self.drawing(chart)
            for i in squares.indices {
                for j in squares.indices where j > i { #expect(!squares[i].overlaps(squares[j]), "squares \(layout.tiles[i].code) and \(layout.tiles[j].code)") }
            }
            for (k, tile) in layout.tiles.enumerated() {
                for line in chart.labelLines(of: tile) {
                    #expect(squares[k].inset(2).contains(line.box), "\(id) \(language): label \"\(line.text)\" of \(tile.code) leaves its square")
                }
            }
            for i in labels.indices {
                for j in labels.indices where j > i { #expect(!labels[i].box.overlaps(labels[j].box), "labels of \(labels[i].code) and \(labels[j].code)") }
            }
            for other in others {
                for (k, square) in squares.enumerated() { #expect(!other.box.overlaps(square), "\(id): \(other.what) over \(layout.tiles[k].code)") }
            }
            let groups = Dictionary(grouping: others, by: { $0.what.hasPrefix("legend") ? "legend" : $0.what }).map { ($0.key, $0.value.map(\.box).dropFirst().reduce($0.value[0].box) { $0.union($1) }) }
            for i in groups.indices {
                for j in groups.indices where j > i { #expect(!groups[i].1.overlaps(groups[j].1), "\(groups[i].0) and \(groups[j].0)") }
            }
            #expect(layout.tiles.allSatisfy { !(language == .en ? $0.labelEN : $0.label).isEmpty })
        }
    }

    /// A layout is drawn for its units or a part of them (at least half) when they show the basis
    /// for certain; never for units outside it, and never when the part could be either basis.
    @Test func aLayoutIsDrawnForItsUnitsOnly() throws {
        let units2025 = try registryUnits("vn-provinces-2025.csv")
        let units2024 = try registryUnits("vn-provinces-2024.csv")
        #expect(TileLayout.covering(units2025)?.id == "vn-34")
        #expect(TileLayout.covering(units2024)?.id == "vn-63")
        #expect(TileLayout.covering(Array(units2025.dropLast()))?.id == "vn-34", "a unit absent from the data")
        #expect(TileLayout.covering(Array(units2025.prefix(16))) == nil, "less than half the squares")
        #expect(TileLayout.covering(units2025 + [UnitInfo(code: "99", name: "Extra")]) == nil)
        // The 34 codes 2025 kept, with their old names (Bắc Giang as 24 …), are 2024's units.
        let codes2025 = Set(units2025.map(\.code))
        let oldUnitsWithNewCodes = units2024.filter { codes2025.contains($0.code) }
        #expect(oldUnitsWithNewCodes.count == 34)
        #expect(TileLayout.covering(oldUnitsWithNewCodes)?.id == "vn-63")
        // Without the six reused codes, 28 units could be either basis: no map.
        let reused = Set(TileLayout.vietnam2025.tiles.filter { $0.name != nil }.map(\.code))
        #expect(reused == ["15", "24", "52", "80", "82", "91"])
        #expect(TileLayout.covering(units2025.filter { !reused.contains($0.code) }) == nil)
        // English names and names with the administrative prefix match too.
        let english = units2025.map { UnitInfo(code: $0.code, name: $0.nameEN ?? $0.name) }
        #expect(TileLayout.covering(english)?.id == "vn-34")
        let prefixed = units2025.map { UnitInfo(code: $0.code, name: "Tỉnh " + $0.name) }
        #expect(TileLayout.covering(prefixed)?.id == "vn-34")
    }

    /// A square without a unit in the result is blank and dashed, with its own legend entry.
    @Test func squaresOfUnitsAbsentFromTheDataAreBlank() throws {
        let units = try registryUnits("vn-provinces-2025.csv").filter { $0.code != "96" }
        let chart = TileMapChart(result: try mapResult(units: units), layout: .vietnam2025, language: .en)
        let svg = chart.svg
        #expect(svg.contains("<title>Ca Mau: Not in the data</title>"))
        #expect(count("stroke-dasharray", in: svg) == 2, "the square and its legend swatch")
        #expect(chart.legend.entries.last?.text == "Not in the data")
    }
}
