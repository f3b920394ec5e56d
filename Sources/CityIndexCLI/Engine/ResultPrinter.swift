import CityIndexCore
import CityIndexFormats
import CityIndexReports
import Foundation

/// A result as text on standard output: CSV, Markdown or JSON.
struct ResultPrinter {
    var results: [ScoreResult]
    var comparisons: [PeriodComparison?]
    var language: Language

    /// The results in `format`; CSV in `dialect`.
    func render(format: OutputFormat, levels: Levels, dialect: CSVDialect = .data) -> String {
        var (header, rows) = ([String](), [[CSVCell]]())
        for (k, result) in results.enumerated() {
            let (h, r) = table(levels, result: result, comparison: comparisons[k])
            header = h
            rows += r
        }
        if results.count > 1 && levels == .index {
            header.insert("period", at: 0)
            var k = 0
            rows = results.flatMap { result in
                let count = result.units.count
                defer { k += count }
                return rows[k..<(k + count)].map { [CSVCell.text(result.period.description)] + $0 }
            }
        }
        switch format {
        case .csv:
            var writer = CSVWriter(dialect: dialect)
            writer.writeHeader(header)
            for r in rows { writer.writeRow(r) }
            return writer.text
        case .md:
            var table = MarkdownTable(header: header, alignments: rows.first.map { $0.map(Self.alignment) })
            for r in rows { table.append(r.map(Self.markdownText)) }
            return table.text
        case .json:
            return json(header: header, rows: rows)
        }
    }

    private func table(_ levels: Levels, result: ScoreResult, comparison: PeriodComparison?) -> ([String], [[CSVCell]]) {
        switch levels {
        case .index:
            let t = RankingTable(result: result, layout: .compact, language: language, comparison: comparison)
            return (t.header, t.rows)
        case .all:
            return (ScoresTable.header, ScoresTable(results: [result], language: language).rows)
        }
    }

    private static func alignment(_ cell: CSVCell) -> MarkdownTable.Alignment {
        switch cell {
        case .number, .integer: .right
        default: .left
        }
    }

    private static func markdownText(_ cell: CSVCell) -> String {
        switch cell {
        case let .text(s): s
        case .empty: ""
        default: CSVWriter.field(cell, dialect: .data)
        }
    }

    private func json(header: [String], rows: [[CSVCell]]) -> String {
        let objects: [[String: Any]] = rows.map { row in
            var object: [String: Any] = [:]
            for (k, cell) in row.enumerated() where k < header.count {
                switch cell {
                case let .text(s): object[header[k]] = s
                case let .number(d, decimals): object[header[k]] = decimals.map { Rounding.round(d, decimals: $0) } ?? d
                case let .integer(i): object[header[k]] = i
                case .empty: object[header[k]] = NSNull()
                }
            }
            return object
        }
        let periods = results.map(\.period.description)
        let document: [String: Any] = [
            "criteria": results.first?.criteria.id ?? "", "periods": periods, "rows": objects,
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys]) else {
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
