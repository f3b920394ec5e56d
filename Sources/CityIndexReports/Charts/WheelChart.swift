import CityIndexCore

/// A unit's benchmarking wheel (U4SSC): the whole in the centre, then the pillars, the groups
/// of indicators and the indicators, each cell coloured by the band its score falls in
/// (colour-blind-safe ramp, with legend), every label inside its cell or its angle, legible
/// when printed on A4.
///
/// ```swift
/// if let chart = WheelChart(result: result, unit: 0, language: .en) { write(chart.svg) }
/// ```
public struct WheelChart: Sendable {
    /// The result to draw.
    public var result: ScoreResult
    /// The unit (index in the result).
    public var unit: Int
    /// The language of names and numbers.
    public var language: Language
    /// A notice printed under the legend (illustrative data or targets), nil for none.
    public var notice: String?
    let bands: ScoreBands

    /// The wheel of `unit`, nil when the set names no bands (`groups: {method: bands, …}`).
    public init?(result: ScoreResult, unit: Int, language: Language, notice: String? = nil) {
        guard let bands = ScoreBands(criteria: result.criteria) else { return nil }
        self.result = result
        self.unit = unit
        self.language = language
        self.notice = notice
        self.bands = bands
    }

    /// The layout the chart draws.
    var layout: WheelLayout { WheelLayout(result: result, unit: unit, language: language, bands: bands, notice: notice) }

    /// The chart as a standalone SVG document.
    public var svg: String {
        typealias M = SVGMarkup
        let layout = self.layout
        let first = layout.labels.first?.lines.first ?? ""
        var out = M.open(width: WheelLayout.width, height: layout.height, title: first)
        out += """
            <defs><pattern id="wheel-no-target" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
            <rect width="6" height="6" fill="#F2F2F2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9A9A9A" stroke-width="2"/></pattern></defs>

            """
        let count = bands.bands.count
        for cell in layout.cells {
            let node = result.criteria.nodes[cell.node]
            let fill = WheelLayout.colour(cell.state, bands: count)
            let score = result.score(node: cell.node, unit: unit).map { " " + DisplayNumber.format($0, decimals: result.displayDecimals, language: language) } ?? ""
            let tip = "\(node.displayName(in: language)) (\(node.id))\(score): \(layout.legendText(cell.state))"
            out += "<path d=\"\(WheelGeometry.path(cell.sector))\" fill=\"\(fill)\" stroke=\"#FFFFFF\" stroke-width=\"1\"><title>\(M.escape(tip))</title></path>\n"
        }
        for s in layout.separators {
            let a = WheelGeometry.point(layout.centre, radius: s.inner, angle: s.angle)
            let b = WheelGeometry.point(layout.centre, radius: s.outer, angle: s.angle)
            out += "<line x1=\"\(M.n(a.x))\" y1=\"\(M.n(a.y))\" x2=\"\(M.n(b.x))\" y2=\"\(M.n(b.y))\" stroke=\"#FFFFFF\" stroke-width=\"\(M.n(s.weight))\"/>\n"
        }
        for s in layout.swatches {
            let fill = WheelLayout.colour(s.state, bands: count)
            out += "<rect x=\"\(M.n(s.x))\" y=\"\(M.n(s.y))\" width=\"16\" height=\"16\" fill=\"\(fill)\" stroke=\"#888888\" stroke-width=\"0.5\"/>\n"
        }
        for label in layout.labels { out += Self.text(label) }
        out += "</svg>\n"
        return out
    }

    /// A label as an SVG text element, each line a tspan, centred on the label's box.
    static func text(_ label: WheelLabel) -> String {
        typealias M = SVGMarkup
        let weight = label.bold ? " font-weight=\"bold\"" : ""
        var out = "<text transform=\"translate(\(M.n(label.centre.x)),\(M.n(label.centre.y))) rotate(\(M.n(label.rotation)))\""
        let anchor = label.alignment.rawValue
        let x = label.alignment == .start ? M.n(-label.width / 2) : label.alignment == .end ? M.n(label.width / 2) : "0"
        out += " font-size=\"\(M.n(label.fontSize))\" text-anchor=\"\(anchor)\" fill=\"\(label.fill)\"\(weight)>"
        // The first baseline sits 0.9 em below the box's top edge.
        let top = -label.height / 2 + label.fontSize * 0.9
        for (k, line) in label.lines.enumerated() {
            out += "<tspan x=\"\(x)\" y=\"\(M.n(top + Double(k) * label.lineHeight))\">\(M.escape(line))</tspan>"
        }
        return out + "</text>\n"
    }
}
