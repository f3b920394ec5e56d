import CityIndexCore
import CityIndexFormats
import Foundation

/// A choropleth of a result's index score from a user's map (``ChoroplethMap``): each unit's
/// polygons filled by score class, units not ranked hatched, the legend of the tile map.
///
/// Projection: sinusoidal (equal-area) about the map's central meridian, x = (λ − λ₀)·cos φ,
/// y = φ, fitted to the drawing box with north at top. Rings are drawn with the even-odd rule,
/// so holes are holes whatever their winding.
public struct ChoroplethChart: Sendable {
    /// The result to draw.
    public var result: ScoreResult
    /// The shapes, by unit code.
    public var map: ChoroplethMap
    /// The language of the title, legend and tooltips.
    public var language: Language

    /// Creates the chart.
    public init(result: ScoreResult, map: ChoroplethMap, language: Language) {
        self.result = result
        self.map = map
        self.language = language
    }

    static let margin = 12.0
    static let top = 46.0
    /// The largest drawing box; the map keeps its aspect inside it.
    static let box = (width: 560.0, height: 680.0)
    static let hatchID = "geo-map-hatch"

    /// The projection fitted to the shapes: projected point → SVG pixels, and the drawing's size.
    func projection() -> (project: (GeoPoint) -> (x: Double, y: Double), width: Double, height: Double) {
        let points = map.shapes.values.flatMap { $0.flatMap { $0.rings.flatMap { $0 } } }
        let lons = points.map(\.lon), lats = points.map(\.lat)
        let lon0 = ((lons.min() ?? 0) + (lons.max() ?? 0)) / 2
        func sinusoidal(_ p: GeoPoint) -> (Double, Double) { ((p.lon - lon0) * cos(p.lat * .pi / 180), p.lat) }
        let projected = points.map(sinusoidal)
        let minX = projected.map(\.0).min() ?? 0, maxX = projected.map(\.0).max() ?? 1
        let minY = lats.min() ?? 0, maxY = lats.max() ?? 1
        let k = min(Self.box.width / max(maxX - minX, 1e-9), Self.box.height / max(maxY - minY, 1e-9))
        let project: (GeoPoint) -> (x: Double, y: Double) = { p in
            let (x, y) = sinusoidal(p)
            return (Self.margin + (x - minX) * k, Self.top + (maxY - y) * k)
        }
        return (project, (maxX - minX) * k, (maxY - minY) * k)
    }

    /// The SVG path data of `polygons`: every ring a closed subpath, points that round to the
    /// same 0.1 px as the previous one left out.
    static func path(_ polygons: [GeoPolygon], project: (GeoPoint) -> (x: Double, y: Double)) -> String {
        var d = ""
        for polygon in polygons {
            for ring in polygon.rings {
                var last = ""
                for (k, point) in ring.dropLast().enumerated() {
                    let p = project(point)
                    let xy = SVGMarkup.n(p.x) + " " + SVGMarkup.n(p.y)
                    if xy == last { continue }
                    d += (k == 0 ? "M" : "L") + xy
                    last = xy
                }
                d += "Z"
            }
        }
        return d
    }

    /// The chart as a standalone SVG document.
    public var svg: String {
        typealias M = SVGMarkup
        let labels = MapLabels(language: language)
        let ranked = result.units.indices.filter { result.isRanked($0) }
        let scale = MapColourScale(scores: ranked.compactMap { result.score(node: 0, unit: $0) })
        let legend = MapLegend(scale: scale, language: language, showsNotRanked: ranked.count < result.units.count, hatchID: Self.hatchID)
        let (project, width, height) = projection()
        let legendX = Self.margin + width + 20
        let title = labels.title(period: result.period)
        let legendFrame = legend.frame(x: legendX, y: Self.top)
        let totalWidth = max(legendFrame.maxX, Self.margin + M.textWidth(title, size: 15)) + Self.margin
        let totalHeight = max(Self.top + height, legendFrame.maxY) + Self.margin
        var out = M.open(width: totalWidth, height: totalHeight, title: labels.geoAlt(file: (map.source as NSString).lastPathComponent))
        out += MapLegend.hatchPattern(id: Self.hatchID)
        out += M.text(title, x: Self.margin, y: 26, size: 15, weight: "bold")
        for (u, unit) in result.units.enumerated() {
            guard let polygons = map.shapes[unit.code] else { continue }
            let score = result.isRanked(u) ? result.score(node: 0, unit: u) : nil
            let fill = score.map { scale.colour(of: $0) } ?? "url(#\(Self.hatchID))"
            let tip = labels.tooltip(result, unit: u)
            out += "<path d=\"\(Self.path(polygons, project: project))\" fill=\"\(fill)\" fill-rule=\"evenodd\" stroke=\"#FFFFFF\" stroke-width=\"0.6\" stroke-linejoin=\"round\"><title>\(M.escape(tip))</title></path>\n"
        }
        out += legend.svg(x: legendX, y: Self.top)
        out += "</svg>\n"
        return out
    }
}
