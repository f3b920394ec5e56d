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
        writer.writeHeader(Self.header)
        for result in results {
            let levels = result.criteria.levels
            let nodes = result.criteria.nodes.indices.filter { result.criteria.isScored($0) }
            let exact = result.criteria.precision
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
            for u in result.ordering() {
                let unit = result.units[u]
                let unitFields = CSVWriter.encode(
                    [period, .text(unit.code), .text(unit.name(in: language))], dialect: writer.dialect)
                for (k, n) in nodes.enumerated() {
                    let at = values.offset(unit: u, node: k)
                    writer.writeEncoded(unitFields, count: 3)
                    writer.writeEncoded(nodeFields, range: nodeRanges[k], count: 2)
                    let score = values.scores[at]
                    writer.writeField(score.isNaN ? .empty : .number(score, decimals: exact))
                    let rank = values.ranks[at]
                    writer.writeField(rank > 0 ? .integer(rank) : .empty)
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
