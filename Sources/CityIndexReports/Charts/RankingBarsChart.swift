import CityIndexCore

/// Horizontal bars of the index score, one per ranked unit, split into pillar segments.
///
/// Each pillar's segment is proportional to its effective weight × its score, scaled so that
/// the segments fill the bar (under an arithmetic index they are the exact contributions).
public struct RankingBarsChart: Sendable {
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
        let weights = result.criteria.relativeWeights(of: 0)
        let scale = max(result.criteria.scale, ranked.compactMap { result.score(node: 0, unit: $0) }.max() ?? 0)
        let labels = units.map { u in u.map { "\(result.rank(node: 0, unit: $0) ?? 0). \(result.units[$0].name(in: language))" } ?? "…" }
        let labelWidth = min(380, (labels.map { M.textWidth($0, size: 12) }.max() ?? 60) + 20)
        let barWidth = 520.0, rowHeight = 20.0, barHeight = 14.0
        let width = 12 + labelWidth + barWidth + 70
        // Legend: pillar swatches, wrapped into rows.
        var legend = ""
        let caption = drawn.caption(ReportLabels(language: language))
        var lx = 12.0, ly = caption == nil ? 44.0 : 60.0
        for (k, w) in weights.enumerated() {
            let name = result.criteria.nodes[w.child].displayName(in: language)
            let itemWidth = 18 + M.textWidth(name, size: 12) + 18
            if lx + itemWidth > width - 12 && lx > 12 {
                lx = 12
                ly += 18
            }
            legend += "<rect x=\"\(M.n(lx))\" y=\"\(M.n(ly - 10))\" width=\"12\" height=\"12\" fill=\"\(M.palette[k % M.palette.count])\"/>\n"
            legend += M.text(name, x: lx + 17, y: ly)
            lx += itemWidth
        }
        let top = ly + 26
        let height = top + Double(units.count) * rowHeight + 34
        let title = ReportLabels(language: language).chartRankingTitle
        var out = M.open(width: width, height: height, title: title)
        out += M.text(title, x: 12, y: 22, size: 15, weight: "bold")
        if let caption { out += M.text(caption, x: 12, y: 40, size: 12, fill: "#555555") }
        out += legend
        let x0 = 12 + labelWidth
        // Grid and axis.
        for k in 0...4 {
            let v = scale * Double(k) / 4
            let x = x0 + barWidth * Double(k) / 4
            out += "<line x1=\"\(M.n(x))\" y1=\"\(M.n(top - 4))\" x2=\"\(M.n(x))\" y2=\"\(M.n(height - 28))\" stroke=\"#dddddd\"/>\n"
            out += M.text(DisplayNumber.format(v, decimals: 0, language: language), x: x, y: height - 14, size: 11, anchor: "middle", fill: "#555555")
        }
        for (row, u) in units.enumerated() {
            let y = top + Double(row) * rowHeight
            out += M.text(labels[row], x: x0 - 8, y: y + barHeight - 3, anchor: "end")
            guard let u, let index = result.score(node: 0, unit: u), scale > 0 else { continue }
            let contributions = weights.map { w in w.weight * max(0, result.score(node: w.child, unit: u) ?? 0) }
            let total = contributions.reduce(0, +)
            var x = x0
            let full = barWidth * max(0, index) / scale
            if total > 0 {
                for (k, c) in contributions.enumerated() where c > 0 {
                    let w = full * c / total
                    let name = result.criteria.nodes[weights[k].child].displayName(in: language)
                    let value = DisplayNumber.format(result.score(node: weights[k].child, unit: u) ?? 0, decimals: result.displayDecimals, language: language)
                    out += "<rect x=\"\(M.n(x))\" y=\"\(M.n(y))\" width=\"\(M.n(w))\" height=\"\(M.n(barHeight))\" fill=\"\(M.palette[k % M.palette.count])\"><title>\(M.escape(name + ": " + value))</title></rect>\n"
                    x += w
                }
            } else {
                out += "<rect x=\"\(M.n(x))\" y=\"\(M.n(y))\" width=\"\(M.n(full))\" height=\"\(M.n(barHeight))\" fill=\"#888888\"/>\n"
                x += full
            }
            out += M.text(DisplayNumber.format(index, decimals: result.displayDecimals, language: language), x: x0 + full + 5, y: y + barHeight - 3, size: 11)
        }
        out += "</svg>\n"
        return out
    }
}
