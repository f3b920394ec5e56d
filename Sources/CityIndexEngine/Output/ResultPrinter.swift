import CityIndexCore
import CityIndexFormats
import CityIndexReports
import Foundation

/// A result as text on standard output: CSV, Markdown or JSON.
public struct ResultPrinter {
    public var results: [ScoreResult]
    public var comparisons: [PeriodComparison?]
    public var language: Language

    /// Creates a printer.
    public init(results: [ScoreResult], comparisons: [PeriodComparison?], language: Language) {
        self.results = results
        self.comparisons = comparisons
        self.language = language
    }

    /// The results in `format`; CSV in `dialect`; the header of CSV and Markdown in `headers`
    /// (JSON keys are always the ids).
    public func render(format: OutputFormat, levels: Levels, dialect: CSVDialect = .data, headers: HeaderStyle = .ids) -> String {
        var (header, rows) = ([String](), [[CSVCell]]())
        switch levels {
        case .index:
            (header, rows) = ranking()
        case .all:
            // One table over every period: each row's change is against its own period's base.
            let table = ScoresTable(results: results, language: language, comparisons: comparisons)
            (header, rows) = (table.header, table.rows)
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
        let titles = ColumnTitles(style: headers, criteria: results.last?.criteria)
        switch format {
        case .csv:
            return CSVWriter(dialect: dialect, header: titles.header(header), rows: rows).text
        case .md:
            var table = MarkdownTable(header: titles.header(header), alignments: rows.first.map { $0.map(Self.alignment) })
            for r in rows { table.append(r.map(Self.markdownText)) }
            return table.text
        case .json:
            return json(header: header, rows: rows)
        }
    }

    /// The compact ranking of every period, one header: when some period has a comparison, the
    /// rows of one without (the first of `--all-periods`) get its change columns empty.
    private func ranking() -> ([String], [[CSVCell]]) {
        var (header, rows) = ([String](), [[CSVCell]]())
        let tables = results.indices.map { k in
            RankingTable(result: results[k], layout: .compact, language: language, comparison: comparisons[k])
        }
        let compared = tables.first { $0.comparison != nil }
        for t in tables {
            let h = t.header
            var r = t.rows
            if let compared, t.comparison == nil, let at = compared.header.firstIndex(of: "rank_change") {
                let missing = compared.header.count - h.count
                for k in r.indices { r[k].insert(contentsOf: repeatElement(CSVCell.empty, count: missing), at: at) }
            }
            header = compared?.header ?? h
            rows += r
        }
        return (header, rows)
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
        let document: [String: Any] = [
            "criteria": results.first?.criteria.id ?? "", "periods": results.map(\.period.description),
            "rows": JSONText.objects(header: header, rows: rows),
        ]
        return JSONText.render(document)
    }
}
