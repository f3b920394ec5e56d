import CityIndexCore
import CityIndexFormats

/// The ranking over periods (`history.csv`, the workbook's `history` sheet): one row per unit,
/// and per period its index score and rank, and from the second period on its rank change.
///
/// Columns: `unit, name`, then `<P>_score, <P>_rank` for the first period and `<P>_score,
/// <P>_rank, <P>_rank_change` for each later one. The rank change is places moved up since the
/// period before it in the table (`new` for a unit ranked now and not then, as in
/// `ranking.csv`; empty when the unit is not ranked now). Rows follow the last period's ranking,
/// then units of earlier periods only, by code. A unit is followed by its identity (its code,
/// and its start where a registry reuses codes); the last period's change is the report's own
/// comparison when it is with the period before, so it goes through the crosswalk as
/// `ranking.csv`'s does.
///
/// ```swift
/// let table = HistoryTable(results: [r2014, r2016], comparison: comparison, language: .vi)
/// table.header  // ["unit", "name", "2014_score", "2014_rank", "2016_score", "2016_rank", "2016_rank_change"]
/// ```
public struct HistoryTable: Sendable {
    /// The results, oldest first.
    public var results: [ScoreResult]
    /// The last result's comparison with its base, if any.
    public var comparison: PeriodComparison?
    /// The language of unit names.
    public var language: Language

    /// Creates the table; `results` are put in period order.
    public init(results: [ScoreResult], comparison: PeriodComparison? = nil, language: Language) {
        self.results = results.sorted { $0.period < $1.period }
        self.comparison = comparison
        self.language = language
    }

    /// The column ids.
    public var header: [String] {
        var names = ["unit", "name"]
        for (k, r) in results.enumerated() {
            names += ["\(r.period)_score", "\(r.period)_rank"]
            if k > 0 { names.append("\(r.period)_rank_change") }
        }
        return names
    }

    /// The rows: units of the last period in its rank order, then earlier units by code.
    /// - Complexity: O(units × periods).
    public var rows: [[CSVCell]] {
        guard let last = results.last else { return [] }
        // Each result's row of every identity.
        let rowOf = results.map { r in Dictionary(r.units.enumerated().map { ($1.identity, $0) }, uniquingKeysWith: { a, _ in a }) }
        var order = last.ordering().map { last.units[$0] }
        var seen = Set(order.map(\.identity))
        var earlier: [UnitInfo] = []
        for r in results.dropLast().reversed() {
            for u in r.units where seen.insert(u.identity).inserted { earlier.append(u) }
        }
        order += earlier.sorted { $0.code < $1.code }
        let decimals = last.criteria.precision
        return order.map { unit in
            var cells: [CSVCell] = [.text(unit.code), .text(unit.name(in: language))]
            for (k, r) in results.enumerated() {
                let u = rowOf[k][unit.identity]
                cells.append(u.flatMap { r.score(node: 0, unit: $0) }.map { .number($0, decimals: decimals) } ?? .empty)
                cells.append(u.flatMap { r.rank(node: 0, unit: $0) }.map { .integer($0) } ?? .empty)
                if k > 0 { cells.append(change(k, unit: unit, rows: rowOf)) }
            }
            return cells
        }
    }

    /// The rank change of `unit` in the `k`-th period since the one before it.
    private func change(_ k: Int, unit: UnitInfo, rows: [[String: Int]]) -> CSVCell {
        let now = results[k], then = results[k - 1]
        guard let u = rows[k][unit.identity], now.isRanked(u) else { return .empty }
        if k == results.count - 1, let comparison, comparison.base.period == then.period {
            if comparison.status(unit: u) == .new { return .text("new") }
            return comparison.rankChange(node: 0, unit: u).map { .integer($0) } ?? .empty
        }
        guard let b = rows[k - 1][unit.identity], let before = then.rank(node: 0, unit: b), let rank = now.rank(node: 0, unit: u) else {
            return .text("new")
        }
        return .integer(before - rank)
    }

    /// The table as a sheet named `history`.
    public var sheet: XLSXSheet { XLSXSheet(name: "history", header: header, rows: rows) }
}
