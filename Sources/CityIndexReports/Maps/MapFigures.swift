import CityIndexCore

/// The maps of a report: which are drawn, their files, and the Markdown that shows them.
///
/// The tile map is drawn when a shipped layout holds the result's units
/// (``TileLayout/covering(_:)``); the choropleth when the options carry a matched user map.
/// Both need charts on and at least one ranked unit, as every chart.
struct MapFigures: Sendable {
    var result: ScoreResult
    var options: ReportOptions

    private var labels: MapLabels { MapLabels(language: options.language) }
    private var drawn: Bool { options.charts && result.rankedCount > 0 }

    /// The layout drawn, if any.
    var layout: TileLayout? { drawn ? TileLayout.covering(result.units) : nil }

    /// The SVG files: the tile map, one per profile (its unit outlined) and the choropleth.
    var files: [(name: String, svg: String)] {
        guard drawn else { return [] }
        var out: [(name: String, svg: String)] = []
        if let layout {
            out.append((ReportPaths.tileMap, TileMapChart(result: result, layout: layout, language: options.language).svg))
            if options.profiles {
                for u in result.units.indices {
                    let chart = TileMapChart(result: result, layout: layout, language: options.language, highlight: u)
                    out.append((ReportPaths.tileMapFile(result.units[u].code), chart.svg))
                }
            }
        }
        if let map = options.map {
            out.append((ReportPaths.geoMap, ChoroplethChart(result: result, map: map, language: options.language).svg))
        }
        return out
    }

    /// The report's map section, or "" when no map is drawn.
    var section: String {
        var figures: [String] = []
        if let layout {
            let absent = layout.tiles.count > result.units.count
            figures.append("![\(Markdown.inline(labels.tileAlt(layout)))](\(ReportPaths.tileMap))\n\n" + Markdown.inline(labels.tileCaption(layout, absent: absent)) + "\n")
        }
        if drawn, let map = options.map {
            let file = map.source.split(separator: "/").last.map(String.init) ?? map.source
            figures.append("![\(Markdown.inline(labels.geoAlt(file: file)))](\(ReportPaths.geoMap))\n\n" + Markdown.inline(labels.geoCaption(file: file)) + "\n")
        }
        guard !figures.isEmpty else { return "" }
        return "## \(labels.section)\n\n" + figures.joined(separator: "\n")
    }

    /// The tile map of `unit`'s profile, or "".
    func profileFigure(unit: Int) -> String {
        guard layout != nil else { return "" }
        let name = result.units[unit].name(in: options.language)
        return "![\(Markdown.inline(labels.profileAlt(name)))](\(ReportPaths.tileMapFromProfile(result.units[unit].code)))\n\n"
            + Markdown.inline(labels.profileCaption(name)) + "\n"
    }

    /// The SVGs a profile's HTML page shows inline, by the path its Markdown links: the tile map.
    static func profileImages(code: String, charts: [String: String]) -> [String: String] {
        charts[ReportPaths.tileMapFile(code)].map { [ReportPaths.tileMapFromProfile(code): $0] } ?? [:]
    }
}
