import CityIndexCore
import CityIndexFormats

extension ReportBundle {
    /// The headers of the CSV files, in the style the options ask (ids by default).
    var csvTitles: ColumnTitles { ColumnTitles(style: options.csvHeaders, criteria: result.criteria) }

    /// The ranking over the periods of the report (earlier ones and this one), nil for a
    /// report of one period without a comparison.
    public var historyTable: HistoryTable? {
        history.isEmpty ? nil : HistoryTable(results: history + [result], comparison: comparison, language: options.language)
    }

    /// `scores.csv`: one row per unit and node, the long table of the bundle.
    var scoresTable: ScoresTable {
        var scores = ScoresTable(results: [result], language: options.language, comparisons: [comparison])
        scores.titles = csvTitles
        return scores
    }

    /// `ranking.csv`, `scores.csv` (unless `scores` is false: ``write(to:)`` streams it to its
    /// file instead) and, with earlier periods, `history.csv`.
    func tableFiles(scores: Bool = true) -> [(name: String, bytes: [UInt8])] {
        let titles = csvTitles
        let ranking = RankingTable(result: result, layout: .full, language: options.language, comparison: comparison)
        var files = [("ranking.csv", CSVWriter(dialect: options.dialect, header: titles.header(ranking.header), rows: ranking.rows).bytes)]
        if scores { files.append(("scores.csv", scoresTable.csv(dialect: options.dialect).bytes)) }
        if let history = historyTable { files += titles.csvFiles([history.sheet], dialect: options.dialect) }
        return files
    }

    /// `sensitivity-*.csv` and `audit-*.csv`, when the report has those analyses.
    var analysisFiles: [(name: String, bytes: [UInt8])] {
        var sheets: [XLSXSheet] = []
        if let sensitivity { sheets += SensitivityTables(result: sensitivity, language: options.language).sheets }
        if let audit { sheets += AuditTables(result: audit).sheets }
        return csvTitles.csvFiles(sheets, dialect: options.dialect)
    }
}
