import CityIndexCore
import CityIndexFormats

/// Every score in the long layout of `scores.csv`: one row per unit × node.
///
/// Columns: `period, unit, unit_name, node, level, score, rank, flags`. `level` counts from the
/// indicators (1) up to the root, as in COINr; indicators' scores are their normalised values.
///
/// When a result is compared with a base period, `rank_change, score_change, base_period`
/// follow `rank` at every node, as in `ranking.csv`: places moved up (base rank − current
/// rank), `new` for a unit not ranked in the base; score now − score then, rounded as the
/// scores are; both empty where the unit's node was not ranked (or scored) in one of the periods.
///
/// ```swift
/// let table = ScoresTable(results: [result], language: .en, comparisons: [comparison])
/// try table.write(toFile: "scores.csv", dialect: .data)
/// ```
public struct ScoresTable: Sendable {
    /// The results to show, one per period.
    public var results: [ScoreResult]
    /// The language of unit names.
    public var language: Language
    /// Per result (same order), its comparison with a base period, nil where it has none; a
    /// shorter list means none for the results beyond it. The change columns are written when
    /// any result has one; a result without one then has them empty.
    public var comparisons: [PeriodComparison?]
    /// The header written by ``csv(dialect:)`` and ``write(toFile:dialect:)``: ids by default.
    public var titles = ColumnTitles.ids

    /// Creates the table; `comparisons` add the change columns (see ``comparisons``).
    public init(results: [ScoreResult], language: Language, comparisons: [PeriodComparison?] = []) {
        self.results = results
        self.language = language
        self.comparisons = comparisons
    }

    /// The column names without a comparison.
    public static let header = ["period", "unit", "unit_name", "node", "level", "score", "rank", "flags"]

    /// The change columns, written after `rank` when a result has a comparison.
    public static let changeHeader = ["rank_change", "score_change", "base_period"]

    /// Whether the rows have the change columns: some result has a comparison.
    public var hasChangeColumns: Bool { comparisons.contains { $0 != nil } }

    /// The column names of this table: ``header``, with ``changeHeader`` after `rank` when
    /// ``hasChangeColumns``.
    public var header: [String] {
        guard hasChangeColumns else { return Self.header }
        var names = Self.header
        names.insert(contentsOf: Self.changeHeader, at: Self.changeColumn)
        return names
    }

    /// Where the change columns go: after `rank`.
    static let changeColumn = 7

    /// The comparison of the `k`-th result, if any.
    func comparison(at k: Int) -> PeriodComparison? { k < comparisons.count ? comparisons[k] : nil }

    /// The table as CSV in `dialect`.
    ///
    /// - Complexity: O(units × nodes) per result, written straight to bytes.
    public func csv(dialect: CSVDialect) -> CSVWriter {
        var writer = CSVWriter(dialect: dialect)
        write(into: &writer) { _ in }
        return writer
    }

    /// Writes the table to `path` in chunks of about a megabyte, atomically: only one chunk of
    /// a long table is in memory at a time.
    ///
    /// - Throws: ``CSVWriteError/cannotWrite(path:reason:)``; `path` is then left as it was.
    public func write(toFile path: String, dialect: CSVDialect) throws(CSVWriteError) {
        let stream = try CSVFileStream(path: path)
        var writer = CSVWriter(dialect: dialect)
        writer.reserveCapacity(Self.chunkBytes + (1 << 16))
        do {
            try write(into: &writer) { w in
                if w.bytes.count >= Self.chunkBytes { try w.drain(stream.append) }
            }
        } catch let error as CSVWriteError {
            throw error
        } catch {
            throw CSVWriteError.cannotWrite(path: path, reason: "\(error)")
        }
        try writer.drain(stream.append)
        try stream.commit()
    }

    static let chunkBytes = 1 << 20

    /// Writes the header and the rows (as ``rows``), calling `afterUnit` after each unit's rows.
    func write(into writer: inout CSVWriter, afterUnit: (inout CSVWriter) throws -> Void) rethrows {
        writer.writeHeader(titles.header(header))
        let changeColumns = hasChangeColumns
        let noChange = CSVWriter.encode([.empty, .empty, .empty], dialect: writer.dialect)
        let newField = CSVWriter.encode([.text("new")], dialect: writer.dialect)
        for (index, result) in results.enumerated() {
            let levels = result.criteria.levels
            let nodes = result.criteria.nodes.indices.filter { result.criteria.isScored($0) }
            let score = NumberKind.score(precision: result.criteria.precision)
            // Per result and per unit, not per row: the long layout has units × nodes rows.
            let period = CSVCell.text(result.period.description)
            // Every node's `node,level` fields in one array: no array to retain per row.
            var nodeFields: [UInt8] = []
            let nodeRanges = nodes.map { n in
                let start = nodeFields.count
                nodeFields += CSVWriter.encode(
                    [.text(result.criteria.nodes[n].id), .integer(levels[n])], dialect: writer.dialect)
                return start..<nodeFields.count
            }
            let values = UnitMajorScores(result: result, nodes: nodes)
            let comparison = changeColumns ? self.comparison(at: index) : nil
            let changes = comparison.map { UnitMajorChanges(comparison: $0, nodes: nodes) }
            let basePeriod = CSVWriter.encode([comparison.map { .text($0.base.period.description) } ?? .empty], dialect: writer.dialect)
            for u in result.ordering() {
                let unit = result.units[u]
                let unitFields = CSVWriter.encode(
                    [period, .text(unit.code), .text(unit.name(in: language))], dialect: writer.dialect)
                let isNew = changes?.isNew[u] ?? false
                for (k, n) in nodes.enumerated() {
                    let at = values.offset(unit: u, node: k)
                    writer.writeEncoded(unitFields, count: 3)
                    writer.writeEncoded(nodeFields, range: nodeRanges[k], count: 2)
                    writer.writeField(score.cell(values.scores[at]))
                    let rank = values.ranks[at]
                    writer.writeField(rank > 0 ? .integer(Int(rank)) : .empty)
                    if let changes {
                        // Same offsets as `values`: both are unit-major over `nodes`.
                        if isNew {
                            writer.writeEncoded(newField, count: 1)
                        } else {
                            let places = changes.rankChanges[at]
                            writer.writeField(places == UnitMajorChanges.noRankChange ? .empty : .integer(places))
                        }
                        writer.writeField(score.cell(changes.scoreChanges[at]))
                        writer.writeEncoded(basePeriod, count: 1)
                    } else if changeColumns {
                        writer.writeEncoded(noChange, count: 3)
                    }
                    let flags = values.flags[at]
                    if n == 0, let reason = result.exclusions[u] {
                        let text = flags.text
                        writer.writeField(.text(text.isEmpty ? "not ranked: \(reason)" : "not ranked: \(reason);" + text))
                    } else if flags.isEmpty {
                        writer.writeField(.empty)
                    } else {
                        writer.writeField(.text(flags.text))
                    }
                    writer.endRow()
                }
                try afterUnit(&writer)
            }
        }
    }

    /// The rows: per period, units in rank order, nodes in tree order.
    public var rows: [[CSVCell]] {
        var rows: [[CSVCell]] = []
        let changeColumns = hasChangeColumns
        for (index, result) in results.enumerated() {
            let levels = result.criteria.levels
            let nodes = result.criteria.nodes.indices.filter { result.criteria.isScored($0) }
            let exact = result.criteria.precision
            // Per result and per unit, not per row: the long layout has units × nodes rows.
            let period = CSVCell.text(result.period.description)
            let nodeIDs = nodes.map { CSVCell.text(result.criteria.nodes[$0].id) }
            let comparison = changeColumns ? self.comparison(at: index) : nil
            for u in result.ordering() {
                let unit = result.units[u]
                let code = CSVCell.text(unit.code), name = CSVCell.text(unit.name(in: language))
                for (k, n) in nodes.enumerated() {
                    let score = result.score(node: n, unit: u)
                    var flags = result.flags(node: n, unit: u).text
                    if n == 0, let reason = result.exclusions[u] {
                        flags = flags.isEmpty ? "not ranked: \(reason)" : "not ranked: \(reason);" + flags
                    }
                    var row: [CSVCell] = [
                        period, code, name, nodeIDs[k], .integer(levels[n]),
                        NumberKind.score(precision: exact).cell(score),
                        result.rank(node: n, unit: u).map { .integer($0) } ?? .empty,
                    ]
                    if changeColumns { row += Self.changeCells(comparison, node: n, unit: u, decimals: exact) }
                    row.append(.text(flags))
                    rows.append(row)
                }
            }
        }
        return rows
    }

    /// `rank_change` (places up, or `new` for a unit new in this period, as in `ranking.csv`),
    /// `score_change` (with the scores' decimals) and `base_period` of `unit` at `node`; all
    /// empty without a comparison.
    static func changeCells(_ c: PeriodComparison?, node n: Int, unit u: Int, decimals: Int?) -> [CSVCell] {
        guard let c else { return [.empty, .empty, .empty] }
        let places: CSVCell = c.status(unit: u) == .new ? .text("new") : c.rankChange(node: n, unit: u).map { .integer($0) } ?? .empty
        return [
            places, NumberKind.score(precision: decimals).cell(c.scoreChange(node: n, unit: u)),
            .text(c.base.period.description),
        ]
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
