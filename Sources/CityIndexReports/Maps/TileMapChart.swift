import CityIndexCore

/// A tile map of a result's index score: one square per unit of a ``TileLayout``, coloured by
/// score class, labelled with the unit's short name, units not ranked hatched, a legend to the
/// right; in a profile, one unit outlined.
///
/// The geometry (squares, label boxes, legend, islands) is computed here and used both to draw
/// and, in tests, to check that nothing overlaps.
public struct TileMapChart: Sendable {
    /// The result to draw; its units have squares in the layout (``TileLayout/covering(_:)``);
    /// squares without a unit are drawn as absent from the data.
    public var result: ScoreResult
    /// The grid.
    public var layout: TileLayout
    /// The language of labels and numbers.
    public var language: Language
    /// The unit outlined (index in the result), or nil.
    public var highlight: Int?

    /// Creates the chart.
    public init(result: ScoreResult, layout: TileLayout, language: Language, highlight: Int? = nil) {
        self.result = result
        self.layout = layout
        self.language = language
        self.highlight = highlight
    }

    static let margin = 12.0
    static let gap = 3.0
    static let hatchID = "tile-map-hatch"

    /// The top of the grid: below the title, and below the outlined unit's line in a profile.
    var gridTop: Double { highlight == nil ? 46 : 64 }

    /// The side of a grid cell: smaller for the 63-unit map.
    var cell: Double { layout.tiles.count > 40 ? 48 : 56 }
    /// The label font size.
    var fontSize: Double { layout.tiles.count > 40 ? 9.5 : 11 }
    var lineHeight: Double { fontSize * 1.2 }

    /// The square of `tile`.
    func box(of tile: TileLayout.Tile) -> MapBox {
        MapBox(x: Self.margin + Double(tile.column) * cell + Self.gap / 2, y: gridTop + Double(tile.row) * cell + Self.gap / 2,
               width: cell - Self.gap, height: cell - Self.gap)
    }

    /// The label lines of `tile`, centred in its square: text, box and baseline.
    func labelLines(of tile: TileLayout.Tile) -> [(text: String, box: MapBox, baseline: Double)] {
        let square = box(of: tile)
        let lines = language == .en ? tile.labelEN : tile.label
        let top = square.y + square.height / 2 - Double(lines.count) * lineHeight / 2
        return lines.enumerated().map { k, text in
            let width = SVGMarkup.textWidth(text, size: fontSize)
            let y = top + Double(k) * lineHeight
            return (text, MapBox(x: square.x + square.width / 2 - width / 2, y: y, width: width, height: lineHeight), y + fontSize * 0.92)
        }
    }

    /// The dots and label lines of an island group.
    func geometry(of islands: TileLayout.Islands) -> (dots: [(x: Double, y: Double)], lines: [(text: String, box: MapBox, baseline: Double)], frame: MapBox) {
        let cx = Self.margin + islands.column * cell, cy = gridTop + islands.row * cell
        let offsets: [(Double, Double)] = [(-9, -2), (-4, -5), (1, -1), (6, -4), (9, 1), (-6, 3), (3, 4)]
        let dots = offsets.map { (x: cx + $0.0, y: cy + $0.1) }
        var frame = MapBox(x: cx - 11, y: cy - 7, width: 22, height: 14)
        let size = 9.0
        let lines = (language == .en ? islands.labelEN : islands.label).enumerated().map { k, text in
            let width = SVGMarkup.textWidth(text, size: size)
            let y = cy + 9 + Double(k) * size * 1.2
            let line = (text: text, box: MapBox(x: cx - width / 2, y: y, width: width, height: size * 1.2), baseline: y + size * 0.92)
            frame = frame.union(line.box)
            return line
        }
        return (dots, lines, frame)
    }

    /// The colour classes of the ranked units' scores.
    var scale: MapColourScale {
        MapColourScale(scores: result.units.indices.filter { result.isRanked($0) }.compactMap { result.score(node: 0, unit: $0) })
    }

    /// The legend, drawn right of the grid.
    var legend: MapLegend {
        let codes = Set(result.units.map(\.code))
        return MapLegend(
            scale: scale, language: language, showsNotRanked: result.units.indices.contains { !result.isRanked($0) },
            showsAbsent: layout.tiles.contains { !codes.contains($0.code) }, hatchID: Self.hatchID)
    }

    var legendOrigin: (x: Double, y: Double) { (Self.margin + Double(layout.size.columns) * cell + 16, gridTop) }

    var title: String { MapLabels(language: language).title(period: result.period) }

    var titleBox: MapBox {
        let width = max(SVGMarkup.textWidth(title, size: 15), subtitle.map { SVGMarkup.textWidth($0, size: 12) } ?? 0)
        return MapBox(x: Self.margin, y: 10, width: width, height: subtitle == nil ? 20 : 38)
    }

    /// The outlined unit's name, score and rank (profiles).
    var subtitle: String? {
        guard let u = highlight else { return nil }
        let labels = MapLabels(language: language)
        let name = result.units[u].name(in: language)
        guard let score = result.score(node: 0, unit: u), let rank = result.rank(node: 0, unit: u) else { return name + ": " + labels.notRanked }
        return name + ": " + DisplayNumber.format(score, decimals: result.displayDecimals, language: language) + " (\(labels.rank) \(rank)/\(result.rankedCount))"
    }

    /// Every box drawn, for the size and for overlap checks.
    var frame: MapBox {
        var all = titleBox.union(legend.frame(x: legendOrigin.x, y: legendOrigin.y))
        for tile in layout.tiles { all = all.union(box(of: tile)) }
        for islands in layout.islands { all = all.union(geometry(of: islands).frame) }
        return all
    }

    /// The chart as a standalone SVG document.
    public var svg: String {
        typealias M = SVGMarkup
        let frame = self.frame
        var out = M.open(width: frame.maxX + Self.margin, height: frame.maxY + Self.margin, title: title + " — " + layout.caption.text(in: language, fallback: layout.id))
        out += MapLegend.hatchPattern(id: Self.hatchID)
        out += M.text(title, x: Self.margin, y: 26, size: 15, weight: "bold")
        if let subtitle { out += M.text(subtitle, x: Self.margin, y: 45, size: 12) }
        let scale = self.scale
        var units: [String: Int] = [:]
        for (u, unit) in result.units.enumerated() where units[unit.code] == nil { units[unit.code] = u }
        let labels = MapLabels(language: language)
        for tile in layout.tiles {
            let square = box(of: tile)
            let u = units[tile.code]
            let score = u.flatMap { result.isRanked($0) ? result.score(node: 0, unit: $0) : nil }
            let fill = score.map { scale.colour(of: $0) } ?? (u == nil ? MapLegend.absentFill : "url(#\(Self.hatchID))")
            let tip = u.map { labels.tooltip(result, unit: $0) } ?? (language == .en ? tile.labelEN : tile.label).joined(separator: " ") + ": " + labels.absent
            let stroke = u == nil ? " stroke=\"\(MapLegend.absentStroke)\" stroke-dasharray=\"3 2\"" : ""
            out += "<rect x=\"\(M.n(square.x))\" y=\"\(M.n(square.y))\" width=\"\(M.n(square.width))\" height=\"\(M.n(square.height))\" rx=\"2\" fill=\"\(fill)\"\(stroke)><title>\(M.escape(tip))</title></rect>\n"
            let ink = score.map { MapColourScale.textColour(on: scale.colour(of: $0)) } ?? (u == nil ? "#6E6E6E" : "#1A1A1A")
            let bold = u != nil && u == highlight ? "bold" : nil
            for line in labelLines(of: tile) {
                out += M.text(line.text, x: square.x + square.width / 2, y: line.baseline, size: fontSize, anchor: "middle", weight: bold, fill: ink)
            }
        }
        if let highlight, let tile = layout.tiles.first(where: { $0.code == result.units[highlight].code }) {
            // A black ring just outside the square and a white one inside: visible on every fill.
            for (ring, colour, width) in [(box(of: tile).inset(-0.5), "#000000", 3.0), (box(of: tile).inset(2.2), "#FFFFFF", 1.6)] {
                out += "<rect x=\"\(M.n(ring.x))\" y=\"\(M.n(ring.y))\" width=\"\(M.n(ring.width))\" height=\"\(M.n(ring.height))\" rx=\"2\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(M.n(width))\"/>\n"
            }
        }
        for islands in layout.islands {
            let g = geometry(of: islands)
            for dot in g.dots { out += "<circle cx=\"\(M.n(dot.x))\" cy=\"\(M.n(dot.y))\" r=\"1.6\" fill=\"#555555\"/>\n" }
            for line in g.lines { out += M.text(line.text, x: line.box.x + line.box.width / 2, y: line.baseline, size: 9, anchor: "middle", fill: "#444444") }
        }
        out += legend.svg(x: legendOrigin.x, y: legendOrigin.y)
        out += "</svg>\n"
        return out
    }
}
