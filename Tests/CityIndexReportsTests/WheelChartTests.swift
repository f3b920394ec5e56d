import CityIndexCore
import CityIndexFormats
import Foundation
import Testing

@testable import CityIndexReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The benchmarking wheel checked as a person would look at it: every label readable (no two
/// overlap, none smaller than 6 pt on an A4 page, none outside the chart), every indicator
/// exactly once, and the SVG rendered to PNG by librsvg.
@Suite struct WheelChartTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped U4SSC set with its illustrative targets (seen through `only` when given), and
    /// one city whose 111 items cycle through the four bands, with some not reported and some
    /// without a target.
    static func u4ssc(only: String? = nil) throws -> ScoreResult {
        var set = try CriteriaLoader(targetsFile: root.appendingPathComponent("Indicators/u4ssc/targets-illustrative.csv").path)
            .load(path: root.appendingPathComponent("Indicators/u4ssc/u4ssc-kpis.yaml").path).set
        if let only { set = try set.view(only: only) }
        // Some items lose their target: reported, but left out.
        let withoutTarget: Set<String> = ["EC.I.T.5A", "SC.SH.SA.1C", "EN.EN.WA.1C.other"]
        set.targets = TargetTable(file: set.targets.file, entries: set.targets.entries.filter { !withoutTarget.contains($0.indicator) })
        let ids = set.indicatorIDs
        var data = PeriodData(period: .year(2024), units: [UnitInfo(code: "hue", name: "Thành phố Huế", nameEN: "Hue City")], indicators: ids)
        let shares = [0.2, 0.5, 0.8, 1.0]
        for (k, i) in set.scoredIndicatorIndices.enumerated() where k % 9 != 4 {
            let node = set.nodes[i]
            let target = set.targets.entries.first { $0.indicator == node.id }?.target ?? 1
            let lower = set.effectiveSettings(of: i).direction == .lower
            let share = shares[k % 4]
            data.set(lower ? target / share : target * share, unit: 0, column: k)
        }
        return try Scorer(criteria: set).score(data)
    }

    /// A two-level set (pillars of indicators) with named bands.
    static func twoLevels() throws -> ScoreResult {
        var set = ReportFixture.criteria()
        set.groups = .bands([
            PerformanceBand(name: LocalizedText(en: "High"), minimum: 0.66), PerformanceBand(name: LocalizedText(en: "Middle"), minimum: 0.33),
            PerformanceBand(name: LocalizedText(en: "Low"), minimum: 0),
        ])
        set.charts = [.wheel]
        return try Scorer(criteria: set).score(ReportFixture.data(units: 12))
    }

    static let cases: [(String, Language, String?)] = [("u4ssc", .en, nil), ("u4ssc", .vi, nil), ("u4ssc", .en, "core"), ("u4ssc", .vi, "advanced"), ("two levels", .en, nil), ("two levels", .vi, nil)]

    static func layout(_ name: String, _ language: Language, _ only: String?) throws -> WheelLayout {
        let result = name == "u4ssc" ? try u4ssc(only: only) : try twoLevels()
        let unit = result.ordering()[0]
        return try #require(WheelChart(result: result, unit: unit, language: language)).layout
    }

    /// Whether two convex polygons overlap by more than `slack` px (separating axis theorem).
    static func overlap(_ a: [WheelGeometry.Point], _ b: [WheelGeometry.Point], slack: Double = 0.5) -> Bool {
        for polygon in [a, b] {
            for k in polygon.indices {
                let p = polygon[k], q = polygon[(k + 1) % polygon.count]
                let axis = (x: q.y - p.y, y: p.x - q.x)
                let length = (axis.x * axis.x + axis.y * axis.y).squareRoot()
                guard length > 0 else { continue }
                let pa = a.map { ($0.x * axis.x + $0.y * axis.y) / length }, pb = b.map { ($0.x * axis.x + $0.y * axis.y) / length }
                if (pa.max() ?? 0) <= (pb.min() ?? 0) + slack || (pb.max() ?? 0) <= (pa.min() ?? 0) + slack { return false }
            }
        }
        return true
    }

    @Test(arguments: cases)
    func noLabelOverlapsAnother(_ c: (String, Language, String?)) throws {
        let layout = try Self.layout(c.0, c.1, c.2)
        let boxes = layout.labels.filter { $0.width > 0 }
        #expect(boxes.count == layout.labels.count, "a label found no room at all")
        var clashes: [String] = []
        for i in boxes.indices {
            for j in boxes.indices where j > i && Self.overlap(boxes[i].corners, boxes[j].corners) {
                clashes.append("\(boxes[i].lines) × \(boxes[j].lines)")
            }
        }
        #expect(clashes.isEmpty, "\(clashes.prefix(10))")
    }

    @Test(arguments: cases)
    func everyIndicatorAppearsExactlyOnce(_ c: (String, Language, String?)) throws {
        let layout = try Self.layout(c.0, c.1, c.2)
        let criteria = layout.result.criteria
        let depth = criteria.scoredIndicatorIndices.map { criteria.nodes[$0].depth }.min() ?? 1
        let expected = criteria.nodes.indices.filter { $0 != 0 && criteria.isScored($0) && criteria.nodes[$0].depth == depth }
        #expect(layout.items == expected)
        if c.0 == "u4ssc" { #expect(expected.count == (c.2 == "core" ? 54 : c.2 == "advanced" ? 37 : 91)) }
        let outerRing = layout.cells.map(\.ring).max() ?? 0
        for item in expected {
            #expect(layout.cells.filter { $0.node == item }.count == 1, "\(criteria.nodes[item].id)")
            #expect(layout.cells.first { $0.node == item }?.ring == outerRing)
            #expect(layout.labels.filter { $0.node == item && $0.role == .indicator }.count == 1, "\(criteria.nodes[item].id)")
        }
        // Every aggregate drawn has one cell; every label names a node drawn.
        let drawn = Set(layout.cells.map(\.node))
        #expect(drawn.count == layout.cells.count)
        #expect(layout.labels.compactMap(\.node).allSatisfy { drawn.contains($0) })
    }

    @Test(arguments: cases)
    func everyLabelIsInsideTheChartAndLegibleOnA4(_ c: (String, Language, String?)) throws {
        let layout = try Self.layout(c.0, c.1, c.2)
        for label in layout.labels {
            for p in label.corners {
                #expect(p.x >= 0 && p.x <= WheelLayout.width && p.y >= 0 && p.y <= layout.height, "\(label.lines)")
            }
            // Printed 180 mm wide (an A4 page's text width), 6 pt is 2.117 mm.
            #expect(label.fontSize * 180 / WheelLayout.width >= 2.117 * 0.99, "\(label.lines) at \(label.fontSize) px")
        }
        // Labels of cells sit inside their own cell.
        for label in layout.labels where [.pillar, .group, .code].contains(label.role) {
            let cell = try #require(layout.cells.first { $0.node == label.node })
            #expect(WheelGeometry.outline(label.corners).allSatisfy { cell.sector.contains($0, padding: 0) }, "\(label.lines)")
        }
    }

    @Test func cellsShowTheirBandsAndTheLegendNamesThem() throws {
        let result = try Self.u4ssc()
        let layout = try Self.layout("u4ssc", .en, nil)
        let states = Set(layout.cells.map(\.state))
        #expect(states.isSuperset(of: [.band(0), .band(1), .band(2), .band(3), .noTarget, .notReported]))
        let legend = layout.labels.filter { $0.role == .legend }.map { $0.lines[0] }
        #expect(legend == ["95 %+ of target", "66-95 % of target", "33-66 % of target", "below 33 % of target", "reported, no target (left out)", "not reported"])
        // A KPI at 100 % of its target is in the best band; one without a target is hatched.
        let item = try #require(result.criteria.index(of: "EC.I.T.5A"))
        #expect(layout.cells.first { $0.node == item }?.state == .noTarget)
        for cell in layout.cells {
            if let s = result.score(node: cell.node, unit: 0) { #expect(cell.state == ScoreBands(criteria: result.criteria)?.band(of: s).map { .band($0) }) }
        }
    }

    @Test func theSVGIsWellFormedXML() throws {
        let result = try Self.u4ssc()
        let svg = try #require(WheelChart(result: result, unit: 0, language: .vi)).svg
        // XMLParser, not XMLDocument: FoundationXML's document tree leaks under LeakSanitizer (.ci/run).
        #expect(wellFormed(svg))
        #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
    }

    @Test(.enabled(if: executable("rsvg-convert") != nil, "rsvg-convert is not installed (apt-get install librsvg2-bin): the wheel is not rendered to PNG"))
    func theWheelRendersToPNG() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("wheel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        for (name, language) in [("en", Language.en), ("vi", Language.vi)] {
            let chart = try #require(WheelChart(result: try Self.u4ssc(), unit: 0, language: language))
            let svg = tmp.appendingPathComponent("wheel-\(name).svg"), png = tmp.appendingPathComponent("wheel-\(name).png")
            try Data(chart.svg.utf8).write(to: svg)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(executable("rsvg-convert")))
            process.arguments = ["--format", "png", "--output", png.path, svg.path]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            process.waitUntilExit()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(message)")
            let bytes = [UInt8](try Data(contentsOf: png))
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            // IHDR: width and height, big-endian, at bytes 16-23.
            let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect(width == Int(WheelLayout.width) && height == Int(chart.layout.height.rounded()))
        }
    }
}
