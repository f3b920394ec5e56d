import CityIndexCore

/// The legend of a map: a title, one swatch per score class (highest first), the hatched swatch
/// when some unit is not ranked, and the blank one when some square has no unit in the data.
struct MapLegend: Sendable {
    var scale: MapColourScale
    var language: Language
    /// Whether the "not ranked" entry is shown.
    var showsNotRanked: Bool
    /// Whether the "not in the data" entry is shown (tile maps of a part of the units).
    var showsAbsent = false
    /// The id of the hatch pattern of the drawing.
    var hatchID: String

    static let titleSize = 12.0
    static let textSize = 11.0
    static let rowHeight = 19.0
    static let swatch = (width: 18.0, height: 13.0)
    static let absentFill = "#F7F7F7"
    static let absentStroke = "#B0B0B0"

    private var labels: MapLabels { MapLabels(language: language) }

    /// The entries top to bottom: text and fill.
    var entries: [(text: String, fill: String)] {
        var out = (0..<scale.count).reversed().map { (scale.label(ofClass: $0, language: language), scale.colour(ofClass: $0)) }
        if showsNotRanked { out.append((labels.notRanked, "url(#\(hatchID))")) }
        if showsAbsent { out.append((labels.absent, Self.absentFill)) }
        return out
    }

    /// The boxes of the title, the swatches and the texts, with the legend's top-left at (x, y).
    func boxes(x: Double, y: Double) -> [MapBox] {
        var out = [MapBox(x: x, y: y, width: SVGMarkup.textWidth(labels.legendTitle, size: Self.titleSize), height: Self.titleSize * 1.2)]
        for (k, entry) in entries.enumerated() {
            let top = y + 22 + Double(k) * Self.rowHeight
            out.append(MapBox(x: x, y: top, width: Self.swatch.width, height: Self.swatch.height))
            out.append(MapBox(x: x + Self.swatch.width + 6, y: top, width: SVGMarkup.textWidth(entry.text, size: Self.textSize), height: Self.textSize * 1.2))
        }
        return out
    }

    /// The legend's bounding box at (x, y).
    func frame(x: Double, y: Double) -> MapBox {
        boxes(x: x, y: y).dropFirst().reduce(boxes(x: x, y: y)[0]) { $0.union($1) }
    }

    /// The SVG of the legend at (x, y).
    func svg(x: Double, y: Double) -> String {
        typealias M = SVGMarkup
        var out = M.text(labels.legendTitle, x: x, y: y + Self.titleSize, size: Self.titleSize, weight: "bold")
        for (k, entry) in entries.enumerated() {
            let top = y + 22 + Double(k) * Self.rowHeight
            let dashed = entry.fill == Self.absentFill ? " stroke-dasharray=\"3 2\"" : ""
            out += "<rect x=\"\(M.n(x))\" y=\"\(M.n(top))\" width=\"\(M.n(Self.swatch.width))\" height=\"\(M.n(Self.swatch.height))\" fill=\"\(entry.fill)\" stroke=\"#666666\" stroke-width=\"0.5\"\(dashed)/>\n"
            out += M.text(entry.text, x: x + Self.swatch.width + 6, y: top + 11, size: Self.textSize)
        }
        return out
    }

    /// The hatch pattern for units not ranked: grey lines on light grey.
    static func hatchPattern(id: String) -> String {
        """
        <defs><pattern id="\(id)" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">\
        <rect width="6" height="6" fill="#EBEBEB"/><line x1="0" y1="0" x2="0" y2="6" stroke="#A0A0A0" stroke-width="2.2"/></pattern></defs>

        """
    }
}
