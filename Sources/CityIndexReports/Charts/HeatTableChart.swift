import CityIndexCore

/// A heat table of units × pillars: each cell coloured by the score's place between the
/// pillar's lowest and highest score, with the score written in it.
public struct HeatTableChart: Sendable {
    /// The result to draw.
    public var result: ScoreResult
    /// The language of names and numbers.
    public var language: Language

    /// Creates the chart.
    public init(result: ScoreResult, language: Language) {
        self.result = result
        self.language = language
    }

    /// The chart as a standalone SVG document.
    public var svg: String {
        typealias M = SVGMarkup
        let ranked = result.ordering().filter { result.isRanked($0) }
        let drawn = ChartRows(units: ranked)
        let units = drawn.rows
        let columns = [0] + result.pillars
        let labels = units.map { u in u.map { "\(result.rank(node: 0, unit: $0) ?? 0). \(result.units[$0].name(in: language))" } ?? "…" }
        let labelWidth = min(380, (labels.map { M.textWidth($0, size: 12) }.max() ?? 60) + 20)
        let cellWidth = 96.0, cellHeight = 20.0
        let heads = columns.map { M.wrap(result.criteria.nodes[$0].displayName(in: language), width: cellWidth - 6, size: 11) }
        let headLines = heads.map(\.count).max() ?? 1
        let caption = drawn.caption(ReportLabels(language: language))
        let top = 40 + Double(headLines) * 13 + 8 + (caption == nil ? 0 : 16)
        let width = 12 + labelWidth + cellWidth * Double(columns.count) + 12
        let height = top + cellHeight * Double(units.count) + 16
        let title = ReportLabels(language: language).chartHeatTitle
        var out = M.open(width: width, height: height, title: title)
        out += M.text(title, x: 12, y: 22, size: 15, weight: "bold")
        if let caption { out += M.text(caption, x: 12, y: 38, size: 12, fill: "#555555") }
        let x0 = 12 + labelWidth
        for (k, lines) in heads.enumerated() {
            for (j, line) in lines.enumerated() {
                out += M.text(line, x: x0 + cellWidth * (Double(k) + 0.5), y: 44 + Double(j) * 13, size: 11, anchor: "middle", weight: k == 0 ? "bold" : nil)
            }
        }
        let ranges = columns.map { n -> (Double, Double) in
            let v = ranked.compactMap { result.score(node: n, unit: $0) }
            return (v.min() ?? 0, v.max() ?? 0)
        }
        for (row, u) in units.enumerated() {
            let y = top + Double(row) * cellHeight
            out += M.text(labels[row], x: x0 - 8, y: y + 14, anchor: "end")
            guard let u else { continue }
            for (k, n) in columns.enumerated() {
                let x = x0 + cellWidth * Double(k)
                guard let s = result.score(node: n, unit: u) else {
                    out += "<rect x=\"\(M.n(x + 1))\" y=\"\(M.n(y + 1))\" width=\"\(M.n(cellWidth - 2))\" height=\"\(M.n(cellHeight - 2))\" fill=\"#f0f0f0\"/>\n"
                    out += M.text("–", x: x + cellWidth / 2, y: y + 14, size: 11, anchor: "middle", fill: "#777777")
                    continue
                }
                let (lo, hi) = ranges[k]
                let t = hi > lo ? (s - lo) / (hi - lo) : 0.5
                let rank = result.rank(node: n, unit: u).map { " (\($0))" } ?? ""
                out += "<rect x=\"\(M.n(x + 1))\" y=\"\(M.n(y + 1))\" width=\"\(M.n(cellWidth - 2))\" height=\"\(M.n(cellHeight - 2))\" fill=\"\(M.ramp(t))\"/>\n"
                out += M.text(DisplayNumber.format(s, decimals: result.displayDecimals, language: language) + rank, x: x + cellWidth / 2, y: y + 14, size: 11, anchor: "middle", fill: t > 0.45 ? "#ffffff" : "#111111")
            }
        }
        out += "</svg>\n"
        return out
    }
}
