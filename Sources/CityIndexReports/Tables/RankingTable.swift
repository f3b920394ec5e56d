import CityIndexCore
import CityIndexFormats

/// The ranking as a table: one row per unit, ranked units first in rank order.
///
/// The compact layout (`cityindex score`) has `rank, unit, name, score` and one score column
/// per pillar; the full layout (`ranking.csv`) adds each pillar's rank, coverage and flags.
public struct RankingTable: Sendable {
    /// Which columns to write.
    public enum Layout: Sendable {
        /// rank, unit, name, score, one score column per pillar.
        case compact
        /// The compact columns plus pillar ranks, coverage and flags.
        case full
    }

    /// The result to show.
    public var result: ScoreResult
    /// Which columns to write.
    public var layout: Layout
    /// The language of unit names.
    public var language: Language
    /// The comparison with an earlier period, which adds change columns.
    public var comparison: PeriodComparison?

    /// Creates the table.
    public init(result: ScoreResult, layout: Layout, language: Language, comparison: PeriodComparison? = nil) {
        self.result = result
        self.layout = layout
        self.language = language
        self.comparison = comparison
    }

    /// The column names.
    public var header: [String] {
        var names = ["rank", "unit", "name", "score"]
        if comparison != nil { names += ["rank_change", "score_change", "base_period", "base_rank"] }
        for p in result.pillars {
            let id = result.criteria.nodes[p].id
            names.append(id)
            if layout == .full { names.append("\(id)_rank") }
        }
        if layout == .full { names += ["coverage", "flags"] }
        return names
    }

    /// The rows, in rank order; unranked units last with empty rank and score.
    public var rows: [[CSVCell]] {
        let pillars = result.pillars
        let indicators = result.criteria.scoredIndicatorIndices
        return result.ordering().map { u in
            let unit = result.units[u]
            var cells: [CSVCell] = [
                result.rank(node: 0, unit: u).map { .integer($0) } ?? .empty,
                .text(unit.code),
                .text(unit.name(in: language)),
                score(result.score(node: 0, unit: u)),
            ]
            if let comparison {
                cells += changeCells(comparison, unit: u)
            }
            for p in pillars {
                cells.append(score(result.score(node: p, unit: u)))
                if layout == .full { cells.append(result.rank(node: p, unit: u).map { .integer($0) } ?? .empty) }
            }
            if layout == .full {
                cells.append(NumberKind.share.cell(result.coverage[u]))
                cells.append(.text(result.flagSummary(unit: u, indicators: indicators)))
            }
            return cells
        }
    }

    /// `rank_change` (places up, or `new`), `score_change`, `base_period`, `base_rank`.
    private func changeCells(_ c: PeriodComparison, unit u: Int) -> [CSVCell] {
        let status: CSVCell
        switch c.status(unit: u) {
        case .continuing: status = c.rankChange(node: 0, unit: u).map { .integer($0) } ?? .empty
        case .new: status = .text("new")
        case .dropped: status = .empty
        }
        return [
            status, score(c.scoreChange(node: 0, unit: u)), .text(c.base.period.description),
            c.baseRank(node: 0, unit: u).map { .integer($0) } ?? .empty,
        ]
    }

    /// A score or score change at the set's precision.
    private func score(_ x: Double?) -> CSVCell {
        NumberKind.score(precision: result.criteria.precision).cell(x)
    }

    /// The table as CSV in `dialect`.
    public func csv(dialect: CSVDialect) -> CSVWriter {
        CSVWriter(dialect: dialect, header: header, rows: rows)
    }
}
