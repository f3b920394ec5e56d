import CityIndexCore
import CityIndexFormats
import CityIndexReports
import Foundation

/// A result as text on standard output: CSV, Markdown or JSON.
struct ResultPrinter {
    var result: ScoreResult
    var language: Language

    func render(format: OutputFormat, levels: Levels) -> String {
        let (header, rows) = table(levels)
        switch format {
        case .csv:
            var writer = CSVWriter(dialect: .data)
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

    private func table(_ levels: Levels) -> ([String], [[CSVCell]]) {
        switch levels {
        case .index:
            let t = RankingTable(result: result, layout: .compact, language: language)
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
        let document: [String: Any] = [
            "criteria": result.criteria.id, "period": result.period.description, "rows": objects,
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys]) else {
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
