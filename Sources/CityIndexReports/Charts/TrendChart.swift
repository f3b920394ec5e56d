import CityIndexCore

/// Index scores over periods: one line per unit shown (the top units, or the units asked for)
/// and the mean of the ranked units as a dashed line.
public struct TrendChart: Sendable {
    /// The results, one per period (any order; drawn in period order).
    public var results: [ScoreResult]
    /// The unit codes to draw; empty: the ten first of the latest period.
    public var unitCodes: [String]
    /// The language of names and numbers.
    public var language: Language

    /// Creates the chart.
    public init(results: [ScoreResult], unitCodes: [String] = [], language: Language) {
        self.results = results
        self.unitCodes = unitCodes
        self.language = language
    }

    /// The chart as a standalone SVG document.
    public var svg: String {
        typealias M = SVGMarkup
        let periods = results.sorted { $0.period < $1.period }
        guard let latest = periods.last else { return M.open(width: 10, height: 10, title: "") + "</svg>\n" }
        let codes = unitCodes.isEmpty
            ? latest.ordering().filter { latest.isRanked($0) }.prefix(10).map { latest.units[$0].code }
            : unitCodes
        func score(_ r: ScoreResult, _ code: String) -> Double? {
            r.units.firstIndex { $0.code == code }.flatMap { r.isRanked($0) ? r.score(node: 0, unit: $0) : nil }
        }
        let means = periods.map { r in Statistics.mean(r.units.indices.compactMap { r.isRanked($0) ? r.score(node: 0, unit: $0) : nil }) }
        let all = periods.flatMap { r in codes.compactMap { score(r, $0) } } + means.compactMap { $0 }
        let lo = min(0, all.min() ?? 0), hi = max(latest.criteria.scale, all.max() ?? 1)
        let names = codes.map { c in latest.units.first { $0.code == c }?.name(in: language) ?? c }
        let labelWidth = min(260, (names.map { M.textWidth($0, size: 11) }.max() ?? 40) + 60)
        let plotWidth = max(240, 90 * Double(periods.count)), plotHeight = 300.0
        let x0 = 56.0, y0 = 44.0
        let width = x0 + plotWidth + labelWidth
        let height = y0 + plotHeight + 44
        let title = ReportLabels(language: language).chartTrendTitle
        var out = M.open(width: width, height: height, title: title)
        out += M.text(title, x: 12, y: 22, size: 15, weight: "bold")
        func x(_ k: Int) -> Double { periods.count > 1 ? x0 + plotWidth * Double(k) / Double(periods.count - 1) : x0 + plotWidth / 2 }
        func y(_ v: Double) -> Double { y0 + plotHeight * (1 - (v - lo) / (hi - lo > 0 ? hi - lo : 1)) }
        for k in 0...4 {
            let v = lo + (hi - lo) * Double(k) / 4
            out += "<line x1=\"\(M.n(x0))\" y1=\"\(M.n(y(v)))\" x2=\"\(M.n(x0 + plotWidth))\" y2=\"\(M.n(y(v)))\" stroke=\"#e3e3e3\"/>\n"
            out += M.text(DisplayNumber.format(v, decimals: 0, language: language), x: x0 - 6, y: y(v) + 4, size: 11, anchor: "end", fill: "#555555")
        }
        for (k, r) in periods.enumerated() {
            out += M.text(r.period.description, x: x(k), y: y0 + plotHeight + 20, size: 11, anchor: "middle", fill: "#555555")
        }
        var lines: [(String, String, [Double?], Bool)] = codes.enumerated().map { k, c in
            (names[k], M.palette[k % M.palette.count], periods.map { score($0, c) }, false)
        }
        lines.append((ReportLabels(language: language).meanShort, "#777777", means, true))
        var endLabels: [(Double, String, String)] = []
        for (name, colour, values, dashed) in lines {
            var segments: [String] = []
            var current: [String] = []
            for (k, v) in values.enumerated() {
                if let v { current.append("\(M.n(x(k))),\(M.n(y(v)))") } else if !current.isEmpty { segments.append(current.joined(separator: " ")); current = [] }
            }
            if !current.isEmpty { segments.append(current.joined(separator: " ")) }
            for s in segments {
                out += "<polyline points=\"\(s)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dashed ? " stroke-dasharray=\"5 4\"" : "")><title>\(M.escape(name))</title></polyline>\n"
            }
            for (k, v) in values.enumerated() { if let v { out += "<circle cx=\"\(M.n(x(k)))\" cy=\"\(M.n(y(v)))\" r=\"2.5\" fill=\"\(colour)\"/>\n" } }
            if let last = values.last, let v = last { endLabels.append((y(v), name, colour)) }
        }
        // End labels, pushed apart so that they do not overlap.
        endLabels.sort { $0.0 < $1.0 }
        var lastY = -Double.infinity
        for (ly, name, colour) in endLabels {
            let placed = max(ly + 4, lastY + 13)
            out += M.text(name, x: x0 + plotWidth + 8, y: placed, size: 11, fill: colour)
            lastY = placed
        }
        out += "</svg>\n"
        return out
    }
}
