import CityIndexAnalysis
import CityIndexCore
import CityIndexFormats

/// One unit compared with itself over periods (`cityindex trend`): its score and rank at every
/// node in each period, and each scored indicator's observed values at the first and last
/// period with their compound annual growth.
///
/// The Markdown speaks the report language like the other reports (labels, node names, the
/// decimal comma and thousands dot in Vietnamese); the CSV is data (ids, decimal point).
///
/// ```swift
/// let trend = UnitTrend(results: [r2024, r2025], unit: "01", language: .vi)
/// print(trend.markdown)
/// ```
public struct UnitTrend: Sendable {
    /// The results, oldest first; the last one names the unit and gives the tree.
    public var results: [ScoreResult]
    /// The unit's code.
    public var unit: String
    /// The language of the Markdown.
    public var language: Language

    /// Creates the trend; `results` are put in period order.
    public init(results: [ScoreResult], unit: String, language: Language) {
        self.results = results.sorted { $0.period < $1.period }
        self.unit = unit
        self.language = language
    }

    /// One indicator's growth: observed values at the first and the last period with one.
    public struct Growth: Sendable, Equatable {
        /// The indicator (node index in the last result's tree).
        public var node: Int
        /// The first period with a value, and the value.
        public var first: (period: Period, value: Double)
        /// The last period with a value, and the value.
        public var last: (period: Period, value: Double)
        /// Compound annual growth from first to last; nil when it cannot be computed.
        public var annualGrowth: Double?

        /// Whether two growths are of the same indicator with the same values.
        public static func == (a: Growth, b: Growth) -> Bool {
            a.node == b.node && a.first == b.first && a.last == b.last && a.annualGrowth == b.annualGrowth
        }
    }

    private var last: ScoreResult? { results.last }
    private var criteria: CriteriaSet? { last?.criteria }
    private var labels: ReportLabels { ReportLabels(language: language) }

    /// The scored nodes, in tree order.
    private var nodes: [Int] { criteria.map { c in c.nodes.indices.filter { c.isScored($0) } } ?? [] }

    /// Every scored indicator with at least one observed value.
    /// - Complexity: O(indicators × periods × units) to find the unit in each period.
    public var growth: [Growth] {
        guard let criteria else { return [] }
        let rows = results.map { r in r.units.firstIndex { $0.code == unit } }
        return criteria.scoredIndicatorIndices.compactMap { i in
            var values: [(Period, Double)] = []
            for (r, row) in zip(results, rows) {
                if let row, let v = r.rawValue(node: i, unit: row) { values.append((r.period, v)) }
            }
            guard let first = values.first, let lastValue = values.last else { return nil }
            return Growth(node: i, first: first, last: lastValue, annualGrowth: Trend.compoundAnnualGrowth(values))
        }
    }

    // MARK: - Tables

    /// The series table: `node, level`, then `<period>_score, <period>_rank` per period; one row
    /// per scored node, an empty cell where the unit has no score or rank.
    public var seriesTable: (header: [String], rows: [[CSVCell]]) {
        guard let criteria else { return ([], []) }
        var header = ["node", "level"]
        for r in results { header += ["\(r.period)_score", "\(r.period)_rank"] }
        let levels = criteria.levels
        let rows = nodes.map { n in
            var cells: [CSVCell] = [.text(criteria.nodes[n].id), .integer(levels[n])]
            for p in Trend.series(unit: unit, node: criteria.nodes[n].id, in: results) {
                cells.append(NumberKind.score(precision: criteria.precision).cell(p.score))
                cells.append(p.rank.map { .integer($0) } ?? .empty)
            }
            return cells
        }
        return (header, rows)
    }

    /// The growth table: `indicator, unit_of_measure, first_period, first_value, last_period,
    /// last_value, annual_growth`, one row per entry of ``growth``.
    public var growthTable: (header: [String], rows: [[CSVCell]]) {
        let header = ["indicator", "unit_of_measure", "first_period", "first_value", "last_period", "last_value", "annual_growth"]
        guard let criteria else { return (header, []) }
        let rows: [[CSVCell]] = growth.map { g in
            let node = criteria.nodes[g.node]
            return [
                .text(node.id), .text(node.unit.text(in: language)), .text(g.first.period.description), NumberKind.value.cell(g.first.value),
                .text(g.last.period.description), NumberKind.value.cell(g.last.value), NumberKind.share.cell(g.annualGrowth),
            ]
        }
        return (header, rows)
    }

    // MARK: - CSV

    /// The series as CSV: the columns of ``seriesTable``.
    public func seriesCSV(dialect: CSVDialect = .data) -> CSVWriter {
        let table = seriesTable
        guard !table.header.isEmpty else { return CSVWriter(dialect: dialect) }
        return CSVWriter(dialect: dialect, header: table.header, rows: table.rows)
    }

    /// The growth as CSV: the columns of ``growthTable``.
    public func growthCSV(dialect: CSVDialect = .data) -> CSVWriter {
        let table = growthTable
        return CSVWriter(dialect: dialect, header: table.header, rows: table.rows)
    }

    /// The series, a blank line, then the growth, as `trend --format csv` prints them.
    public func csv(dialect: CSVDialect = .data) -> String {
        // One byte order mark, at the start: the growth table follows after an empty line.
        let growth = growthCSV(dialect: dialect).text.drop { $0 == "\u{FEFF}" }
        return seriesCSV(dialect: dialect).text + String(decoding: dialect.lineEnd, as: UTF8.self) + growth
    }

    // MARK: - Markdown

    /// The trend as Markdown in `language`: a title, the score and rank table, the growth table.
    public var markdown: String {
        guard let last, let criteria else { return "" }
        let decimals = last.displayDecimals
        func number(_ x: Double?) -> String { x.map { DisplayNumber.format($0, decimals: decimals, language: language) } ?? "–" }
        let u = last.units.firstIndex { $0.code == unit }
        let name = u.map { last.units[$0].name(in: language) } ?? unit
        let setName = criteria.name.text(in: language, fallback: criteria.id)
        var out = "# \(labels.trend): \(Markdown.inline(name)) (`\(MarkdownText.code(unit))`) — \(Markdown.inline(setName))\n\n"

        var header = [labels.node]
        for r in results { header += ["\(r.period): \(labels.score.lowercased())", "\(r.period): \(labels.rank.lowercased())"] }
        var table = MarkdownTable(header: header, alignments: header.indices.map { $0 == 0 ? .left : .right })
        for n in nodes {
            let node = criteria.nodes[n]
            var row = [MarkdownText.treeLabel(node.displayName(in: language), depth: node.depth)]
            for p in Trend.series(unit: unit, node: node.id, in: results) {
                row += [number(p.score), p.rank.map(String.init) ?? "–"]
            }
            table.append(row)
        }
        out += "## \(labels.scoresByLevel)\n\n" + table.text + "\n"

        out += "## \(labels.indicatorGrowth)\n\n"
        let rows = growth
        guard !rows.isEmpty else { return out + labels.noIndicatorValues + "\n" }
        var g = MarkdownTable(
            header: [labels.indicator, labels.unitOfMeasure, labels.firstValue, labels.lastValue, labels.annualGrowth],
            alignments: [.left, .left, .right, .right, .right])
        for r in rows {
            let node = criteria.nodes[r.node]
            func value(_ v: Double) -> String { DisplayNumber.format(v, decimals: WhatItTakes.decimals(of: [v]), language: language) }
            g.append([
                MarkdownText.cell(node.displayName(in: language)), MarkdownText.cell(node.unit.text(in: language)),
                "\(value(r.first.value)) (\(r.first.period))", "\(value(r.last.value)) (\(r.last.period))",
                r.annualGrowth.map { DisplayNumber.signed($0 * 100, decimals: 1, language: language) + " %" } ?? "–",
            ])
        }
        return out + g.text
    }
}
