import CityIndexCore
import Foundation

/// One unit's pillar scores against the mean and the best of the ranked units: a radar with
/// three or more pillars, a dot plot with fewer.
public struct RadarChart: Sendable {
    /// The result to draw.
    public var result: ScoreResult
    /// The unit (index in the result).
    public var unit: Int
    /// The language of names and numbers.
    public var language: Language

    /// Creates the chart.
    public init(result: ScoreResult, unit: Int, language: Language) {
        self.result = result
        self.unit = unit
        self.language = language
    }

    /// The chart as a standalone SVG document.
    public var svg: String {
        typealias M = SVGMarkup
        let labels = ReportLabels(language: language)
        let pillars = result.pillars
        let ranked = result.units.indices.filter { result.isRanked($0) }
        let mean = pillars.map { p in Statistics.mean(ranked.compactMap { result.score(node: p, unit: $0) }) ?? 0 }
        let best = pillars.map { p in ranked.compactMap { result.score(node: p, unit: $0) }.max() ?? 0 }
        let own = pillars.map { result.score(node: $0, unit: unit) }
        let top = max(result.criteria.scale, best.max() ?? 0)
        let name = result.units[unit].name(in: language)
        let title = "\(labels.chartRadarTitle): \(name)"
        let series: [(String, String, [Double?], String)] = [
            (labels.best, "#009E73", best.map { $0 }, "6 3"),
            (labels.meanShort, "#777777", mean.map { $0 }, "2 3"),
            (name, "#0072B2", own, ""),
        ]
        if pillars.count < 3 { return dotPlot(title: title, series: series, top: top) }
        let size = 600.0, cx = size / 2, cy = 90 + 150.0, radius = 150.0
        let height = cy + radius + 64
        var out = M.open(width: size, height: height, title: title)
        out += M.text(title, x: 12, y: 22, size: 15, weight: "bold")
        func point(_ k: Int, _ v: Double) -> (Double, Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(k) / Double(pillars.count)
            let r = radius * min(max(v / (top > 0 ? top : 1), 0), 1)
            return (cx + r * cos(angle), cy + r * sin(angle))
        }
        // The rings' values are written last, over the series, each with a white halo: on the first
        // axis they would otherwise sit under the lines of a unit at the top of that pillar.
        var ringLabels = ""
        for ring in 1...4 {
            let pts = pillars.indices.map { point($0, top * Double(ring) / 4) }
            out += "<polygon points=\"\(pts.map { "\(M.n($0.0)),\(M.n($0.1))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#dddddd\"/>\n"
            let (_, ty) = point(0, top * Double(ring) / 4)
            ringLabels += M.text(DisplayNumber.format(top * Double(ring) / 4, decimals: 0, language: language), x: cx + 5, y: ty + 12, size: 10, fill: "#666666")
        }
        for k in pillars.indices {
            let (x, y) = point(k, top)
            out += "<line x1=\"\(M.n(cx))\" y1=\"\(M.n(cy))\" x2=\"\(M.n(x))\" y2=\"\(M.n(y))\" stroke=\"#cccccc\"/>\n"
            let (lx, ly) = point(k, top * 1.1)
            let anchor = abs(lx - cx) < 10 ? "middle" : (lx > cx ? "start" : "end")
            let lines = M.wrap(result.criteria.nodes[pillars[k]].displayName(in: language), width: 150, size: 11)
            let startY = ly < cy - 10 ? ly - 9 - Double(lines.count - 1) * 13 : (ly > cy + 10 ? ly + 12 : ly - Double(lines.count - 1) * 6.5 + 4)
            for (j, line) in lines.enumerated() { out += M.text(line, x: lx, y: startY + Double(j) * 13, size: 11, anchor: anchor) }
        }
        for (label, colour, values, dash) in series {
            let pts = values.enumerated().map { point($0.offset, $0.element ?? 0) }
            let dashes = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
            let fill = dash.isEmpty ? colour : "none"
            out += "<polygon points=\"\(pts.map { "\(M.n($0.0)),\(M.n($0.1))" }.joined(separator: " "))\" fill=\"\(fill)\" fill-opacity=\"0.18\" stroke=\"\(colour)\" stroke-width=\"2\"\(dashes)><title>\(M.escape(label))</title></polygon>\n"
            if dash.isEmpty { for p in pts { out += "<circle cx=\"\(M.n(p.0))\" cy=\"\(M.n(p.1))\" r=\"3\" fill=\"\(colour)\"/>\n" } }
        }
        out += "<g class=\"ring-values\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n" + ringLabels + "</g>\n"
        out += legend(series, y: height - 24, width: size)
        out += "</svg>\n"
        return out
    }

    private func legend(_ series: [(String, String, [Double?], String)], y: Double, width: Double) -> String {
        typealias M = SVGMarkup
        var out = ""
        var x = 12.0
        for (label, colour, _, dash) in series {
            let dashes = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
            out += "<line x1=\"\(M.n(x))\" y1=\"\(M.n(y - 4))\" x2=\"\(M.n(x + 22))\" y2=\"\(M.n(y - 4))\" stroke=\"\(colour)\" stroke-width=\"3\"\(dashes)/>\n"
            out += M.text(label, x: x + 28, y: y)
            x += 28 + M.textWidth(label, size: 12) + 22
        }
        return out
    }

    private func dotPlot(title: String, series: [(String, String, [Double?], String)], top: Double) -> String {
        typealias M = SVGMarkup
        let pillars = result.pillars
        let names = pillars.map { result.criteria.nodes[$0].displayName(in: language) }
        let labelWidth = min(260, (names.map { M.textWidth($0, size: 12) }.max() ?? 60) + 16)
        let plotWidth = 360.0, width = 12 + labelWidth + plotWidth + 24
        let height = 50 + Double(pillars.count) * 34 + 60
        var out = M.open(width: width, height: height, title: title)
        out += M.text(title, x: 12, y: 22, size: 15, weight: "bold")
        let x0 = 12 + labelWidth
        for (k, name) in names.enumerated() {
            let y = 60 + Double(k) * 34
            out += M.text(name, x: x0 - 8, y: y + 4, anchor: "end")
            out += "<line x1=\"\(M.n(x0))\" y1=\"\(M.n(y))\" x2=\"\(M.n(x0 + plotWidth))\" y2=\"\(M.n(y))\" stroke=\"#cccccc\"/>\n"
            for (_, colour, values, dash) in series {
                guard let v = values[k] else { continue }
                let x = x0 + plotWidth * min(max(v / (top > 0 ? top : 1), 0), 1)
                out += "<circle cx=\"\(M.n(x))\" cy=\"\(M.n(y))\" r=\"\(dash.isEmpty ? 6 : 4)\" fill=\"\(colour)\"/>\n"
            }
        }
        out += legend(series, y: height - 20, width: width)
        out += "</svg>\n"
        return out
    }
}
