import CityIndexCore

/// Each unit's score and band at every level above the indicators (U4SSC: dimensions,
/// sub-dimensions, categories), one column per unit.
struct BandTable: Sendable {
    let result: ScoreResult
    let units: [Int]
    let bands: ScoreBands
    let language: Language

    /// The scored aggregates above the indicator level (the depth of the shallowest scored
    /// indicator), in tree order, the whole first.
    var nodes: [Int] {
        let criteria = result.criteria
        let depth = criteria.scoredIndicatorIndices.map { criteria.nodes[$0].depth }.min() ?? 1
        return criteria.nodes.indices.filter { criteria.isScored($0) && !criteria.nodes[$0].isIndicator && criteria.nodes[$0].depth < depth }
    }

    /// The cell of one node and unit: score and band, or why there is none.
    func cell(node: Int, unit: Int) -> String {
        let words = ReportLabels(language: language)
        guard let s = result.score(node: node, unit: unit) else {
            let state = WheelLayout.state(result: result, node: node, unit: unit, bands: bands)
            return state == .noTarget ? "– (\(words.noTargetCell))" : "– (\(words.notReportedCell))"
        }
        let score = DisplayNumber.format(s, decimals: result.displayDecimals, language: language)
        let band = bands.band(of: s).map { bands.bands[$0].name.text(in: language) } ?? words.belowBandsCell
        return "\(score) (\(band))"
    }

    /// The table in Markdown.
    var markdown: String {
        let words = ReportLabels(language: language)
        let criteria = result.criteria
        var table = MarkdownTable(
            header: [words.node] + units.map { MarkdownText.cell(result.units[$0].name(in: language)) },
            alignments: [.left] + units.map { _ in .right })
        for n in nodes {
            let node = criteria.nodes[n]
            let label = MarkdownText.treeLabel(node.displayName(in: language) + (n == 0 ? "" : " (\(node.id))"), depth: node.depth)
            table.append([label] + units.map { cell(node: n, unit: $0) })
        }
        return table.text
    }
}
