import CityIndexCore
import CityIndexFormats

/// Every score in the long layout of `scores.csv`: one row per unit × node.
///
/// Columns: `period, unit, unit_name, node, level, score, rank, flags`. `level` counts from the
/// indicators (1) up to the root, as in COINr; indicators' scores are their normalised values.
public struct ScoresTable: Sendable {
    /// The results to show, one per period.
    public var results: [ScoreResult]
    /// The language of unit names.
    public var language: Language

    /// Creates the table.
    public init(results: [ScoreResult], language: Language) {
        self.results = results
        self.language = language
    }

    /// The column names.
    public static let header = ["period", "unit", "unit_name", "node", "level", "score", "rank", "flags"]

    /// The table as CSV in `dialect`.
    public func csv(dialect: CSVDialect) -> CSVWriter {
        var writer = CSVWriter(dialect: dialect)
        writer.writeHeader(Self.header)
        for row in rows { writer.writeRow(row) }
        return writer
    }

    /// The rows: per period, units in rank order, nodes in tree order.
    public var rows: [[CSVCell]] {
        var rows: [[CSVCell]] = []
        for result in results {
            let levels = result.criteria.levels
            let nodes = result.criteria.nodes.indices.filter { result.criteria.isScored($0) }
            let exact = result.criteria.precision
            // Per result and per unit, not per row: the long layout has units × nodes rows.
            let period = CSVCell.text(result.period.description)
            let nodeIDs = nodes.map { CSVCell.text(result.criteria.nodes[$0].id) }
            for u in result.ordering() {
                let unit = result.units[u]
                let code = CSVCell.text(unit.code), name = CSVCell.text(unit.name(in: language))
                for (k, n) in nodes.enumerated() {
                    let score = result.score(node: n, unit: u)
                    var flags = result.flags(node: n, unit: u).text
                    if n == 0, let reason = result.exclusions[u] {
                        flags = flags.isEmpty ? "not ranked: \(reason)" : "not ranked: \(reason);" + flags
                    }
                    rows.append([
                        period, code, name, nodeIDs[k], .integer(levels[n]),
                        score.map { .number($0, decimals: exact) } ?? .empty,
                        result.rank(node: n, unit: u).map { .integer($0) } ?? .empty,
                        .text(flags),
                    ])
                }
            }
        }
        return rows
    }
}

extension CriteriaSet {
    /// Each node's level counted from the bottom: indicators are 1, a parent is one above its
    /// highest child.
    public var levels: [Int] {
        var level = [Int](repeating: 1, count: nodes.count)
        for i in nodes.indices.sorted(by: { nodes[$0].depth > nodes[$1].depth }) where !nodes[i].isIndicator {
            level[i] = (nodes[i].children.map { level[$0] }.max() ?? 0) + 1
        }
        return level
    }
}
