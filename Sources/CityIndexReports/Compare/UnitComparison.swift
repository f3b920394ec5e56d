import CityIndexCore
import CityIndexFormats

/// Several units side by side at every node of the tree: score and rank, the gap to the best
/// unit and to the mean of the ranked units, and each unit's strongest and weakest indicators
/// (``IndicatorExtremes``: a weakest indicator ranks below every strongest one).
///
/// ```swift
/// let c = UnitComparison(result: result, units: [0, 5], language: .en)
/// print(c.markdown)
/// ```
public struct UnitComparison: Sendable {
    /// The result the units belong to.
    public var result: ScoreResult
    /// The units compared (indices in the result), in the order given.
    public var units: [Int]
    /// The language of names and numbers.
    public var language: Language

    /// Creates the comparison.
    public init(result: ScoreResult, units: [Int], language: Language) {
        self.result = result
        self.units = units
        self.language = language
    }

    private var criteria: CriteriaSet { result.criteria }
    private var labels: ReportLabels { ReportLabels(language: language) }
    private var nodes: [Int] { criteria.nodes.indices.filter { criteria.isScored($0) } }

    /// The best ranked unit at node `n` (first in rank order) and the mean over ranked units.
    public func reference(node n: Int) -> (best: Int?, mean: Double?) {
        let ranked = result.units.indices.filter { result.isRanked($0) && result.score(node: n, unit: $0) != nil }
        let best = result.ordering(node: n).first { ranked.contains($0) }
        return (best, Statistics.mean(ranked.compactMap { result.score(node: n, unit: $0) }))
    }

    /// A unit's indicators with the best and the worst ranks (at most `count` each), by the rule
    /// of ``IndicatorExtremes``: a weakest indicator ranks strictly below every strongest one,
    /// so an indicator the unit ranks first on is never listed as weakest.
    public func extremes(unit u: Int, count: Int = 3) -> (strongest: [Int], weakest: [Int]) {
        let e = IndicatorExtremes(result: result, unit: u, count: count)
        return (e.strongest, e.weakest)
    }

    private func number(_ x: Double?) -> String {
        x.map { DisplayNumber.format($0, decimals: result.displayDecimals, language: language) } ?? "–"
    }

    private func signed(_ x: Double?) -> String {
        x.map { DisplayNumber.signed($0, decimals: result.displayDecimals, language: language) } ?? "–"
    }

    private func label(_ n: Int) -> String {
        let node = criteria.nodes[n]
        return MarkdownText.treeLabel(node.displayName(in: language), depth: node.depth)
    }

    /// The comparison as Markdown: scores and ranks, gaps, strongest and weakest indicators.
    public var markdown: String {
        let names = units.map { MarkdownText.cell(result.units[$0].name(in: language)) }
        var out = "# \(labels.compareTitle): " + units.map { Markdown.inline(result.units[$0].name(in: language)) }.joined(separator: ", ") + " — \(result.period)\n\n"
        var scores = MarkdownTable(
            header: [labels.node] + names + [labels.bestUnit, labels.meanShort],
            alignments: [.left] + units.map { _ in .right } + [.left, .right])
        var gaps = MarkdownTable(
            header: [labels.node] + names.flatMap { ["\($0): \(labels.gapToBest)", "\($0): \(labels.gapToMean)"] },
            alignments: [.left] + units.flatMap { _ in [MarkdownTable.Alignment.right, .right] })
        for n in nodes {
            let ref = reference(node: n)
            let bestScore = ref.best.flatMap { result.score(node: n, unit: $0) }
            var row = [label(n)]
            var gapRow = [label(n)]
            for u in units {
                let s = result.score(node: n, unit: u)
                row.append(number(s) + (result.rank(node: n, unit: u).map { " (\($0))" } ?? ""))
                gapRow.append(signed(s.flatMap { v in bestScore.map { v - $0 } }))
                gapRow.append(signed(s.flatMap { v in ref.mean.map { v - $0 } }))
            }
            row.append(ref.best.map { MarkdownText.cell(result.units[$0].name(in: language)) + " (\(number(bestScore)))" } ?? "–")
            row.append(number(ref.mean))
            scores.append(row)
            gaps.append(gapRow)
        }
        out += "## \(labels.scoresByLevel)\n\n" + scores.text + "\n" + labels.pillarsLegend + "\n\n"
        out += "## \(labels.gapToBest.capitalizedFirst) / \(labels.gapToMean)\n\n" + gaps.text + "\n"
        out += valuesSection + "\n"
        var extremesTable = MarkdownTable(header: [labels.unit, labels.strongest, labels.weakest])
        for u in units {
            let e = extremes(unit: u)
            func list(_ nodes: [Int]) -> String {
                guard !nodes.isEmpty else { return "–" }
                return nodes.map { "\(MarkdownText.cell(criteria.nodes[$0].displayName(in: language))) (\(result.rank(node: $0, unit: u) ?? 0))" }.joined(separator: "; ")
            }
            extremesTable.append([MarkdownText.cell(result.units[u].name(in: language)), list(e.strongest), list(e.weakest)])
        }
        out += "## \(labels.strengthsWeaknesses)\n\n" + extremesTable.text
        return out
    }

    /// The comparison as CSV, long layout: one row per node × unit with
    /// `period, node, level, unit, unit_name, score, rank, best_unit, best_score, mean, gap_to_best,
    /// gap_to_mean`, then for indicators `value` and `unit_of_measure` as scored (after
    /// denomination) and the figures reported, `raw_value` and `denominator_value`.
    public func csv(dialect: CSVDialect, headers: HeaderStyle = .ids) -> CSVWriter {
        var writer = CSVWriter(dialect: dialect)
        writer.writeHeader(ColumnTitles(style: headers, criteria: criteria).header([
            "period", "node", "level", "unit", "unit_name", "score", "rank", "best_unit", "best_score", "mean", "gap_to_best", "gap_to_mean",
            "value", "unit_of_measure", "raw_value", "denominator_value",
        ]))
        let levels = criteria.levels
        let score = NumberKind.score(precision: criteria.precision)
        func cell(_ x: Double?) -> CSVCell { score.cell(x) }
        for n in nodes {
            let ref = reference(node: n)
            let bestScore = ref.best.flatMap { result.score(node: n, unit: $0) }
            for u in units {
                let s = result.score(node: n, unit: u)
                writer.writeRow([
                    .text(result.period.description), .text(criteria.nodes[n].id), .integer(levels[n]),
                    .text(result.units[u].code), .text(result.units[u].name(in: language)), cell(s),
                    result.rank(node: n, unit: u).map { .integer($0) } ?? .empty,
                    ref.best.map { .text(result.units[$0].code) } ?? .empty, cell(bestScore), cell(ref.mean),
                    cell(s.flatMap { v in bestScore.map { v - $0 } }),
                    cell(s.flatMap { v in ref.mean.map { v - $0 } }),
                ] + valueCells(node: n, unit: u))
            }
        }
        return writer
    }
}

extension String {
    /// The string with its first character upper-cased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
