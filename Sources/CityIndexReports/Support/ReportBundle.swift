import CityIndexAnalysis
import CityIndexCore
import CityIndexFormats
import Foundation

/// The files of one report: `ranking.csv`, `scores.csv`, `report.md`, `report.html`, charts
/// and profiles (DESIGN §8).
public struct ReportBundle: Sendable {
    /// The result to report.
    public var result: ScoreResult
    /// Shared report settings.
    public var options: ReportOptions
    /// The comparison with an earlier period (rank change, movers), if any.
    public var comparison: PeriodComparison?
    /// Results of earlier periods, oldest first (trends).
    public var history: [ScoreResult]
    /// The uncertainty and sensitivity analysis of this period: a section in `report.md`, the
    /// rank-interval chart and `sensitivity-*.csv`.
    public var sensitivity: SensitivityResult?
    /// The statistical audit of this period: a section in `report.md` and `audit-*.csv`.
    public var audit: AuditResult?

    /// Creates the bundle.
    public init(
        result: ScoreResult, options: ReportOptions, comparison: PeriodComparison? = nil, history: [ScoreResult] = [],
        sensitivity: SensitivityResult? = nil, audit: AuditResult? = nil
    ) {
        self.result = result
        self.options = options
        self.comparison = comparison
        self.history = history
        self.sensitivity = sensitivity
        self.audit = audit
    }

    /// The files by name (relative paths, `/`-separated), with their bytes: `ranking.csv`,
    /// `scores.csv`, `history.csv` (with earlier periods), `report.md`, and as the options ask `report.html`, `charts/*.svg`,
    /// `profiles/<code>.md` (and `profiles/<code>.html` with `report.html`, which links them),
    /// `sensitivity-*.csv` and `audit-*.csv`.
    public var files: [(name: String, bytes: [UInt8])] { files(scores: true) }

    /// ``files``, without `scores.csv` when `scores` is false.
    func files(scores: Bool) -> [(name: String, bytes: [UInt8])] {
        let language = options.language
        var sections = MarkdownReport(result: result, options: options, comparison: comparison, history: history).sections
        // The analyses go before the methodology, which stays last.
        var analyses: [String] = []
        if let sensitivity {
            let chart = options.charts && !sensitivity.intervals.isEmpty ? MarkdownText.encodePath(ReportPaths.rankIntervalChart) : nil
            analyses.append(SensitivitySection(result: sensitivity, chartFile: chart, language: language).text)
        }
        if let audit { analyses.append(AuditSection(result: audit, language: language).text) }
        sections.insert(contentsOf: analyses, at: max(0, sections.count - 1))
        let markdown = sections.filter { !$0.isEmpty }.joined(separator: "\n")
        var out = tableFiles(scores: scores)
        out.append(("report.md", Array(markdown.utf8)))
        out += targetsFiles
        out += analysisFiles
        let charts = self.charts
        for chart in charts { out.append((chart.name, Array(chart.svg.utf8))) }
        if options.html {
            let title = result.criteria.name.text(in: language, fallback: result.criteria.id) + " — " + result.period.description
            let inline = Dictionary(charts.map { (MarkdownText.encodePath($0.name), $0.svg) }, uniquingKeysWith: { a, _ in a })
            let page = HTMLReport(title: title, markdown: markdown, charts: inline, language: language.rawValue, linksHTMLPages: options.profiles)
            out.append(("report.html", Array(page.text.utf8)))
        }
        if options.profiles {
            let solver = WhatItTakes(result: result)
            let radars = Dictionary(charts.map { ($0.name, $0.svg) }, uniquingKeysWith: { a, _ in a })
            // The pages of the units at once, on every core (each page's search and its text),
            // in the units' order.
            out += Parallel.map(result.ordering()) { [self] u in profilePages(unit: u, solver: solver, radars: radars) }.flatMap { $0 }
        }
        return out
    }

    /// The profile of unit `u`: `profiles/<code>.md`, and with `report.html` its HTML page. A
    /// page lists the few indicators through which the smallest change climbs a place
    /// (`cityindex what-it-takes` gives every indicator).
    private func profilePages(unit u: Int, solver: WhatItTakes, radars: [String: String]) -> [(name: String, bytes: [UInt8])] {
        let language = options.language
        let plan = result.isRanked(u) ? try? solver.solve(unit: u, shortlist: Self.whatItTakesShortlist) : nil
        let profile = ProfileReport(result: result, unit: u, options: options, history: history, plan: plan, linksRadar: options.charts)
        let code = result.units[u].code
        let text = profile.text
        var pages = [(name: ReportPaths.profileFile(code), bytes: Array(text.utf8))]
        if options.html {
            // The page report.html links: the profile with its radar chart, wheel and tile map inline.
            var inline = profileCharts(code, among: radars)
            inline.merge(MapFigures.profileImages(code: code, charts: radars)) { a, _ in a }
            let title = result.units[u].name(in: language) + " — " + ReportLabels(language: language).profileTitle + " " + result.period.description
            pages.append((ReportPaths.profileHTMLFile(code), Array(HTMLReport(title: title, markdown: text, charts: inline, language: language.rawValue).text.utf8)))
        }
        return pages
    }

    /// How many indicators a profile's what-it-takes section shows.
    static let whatItTakesShortlist = 5

    /// The SVG charts the options ask for, by relative path.
    public var charts: [(name: String, svg: String)] {
        guard options.charts else { return [] }
        // The wheels show what was reported even when no unit could be ranked (no target yet).
        guard result.rankedCount > 0 else { return wheelCharts }
        let language = options.language
        var out: [(name: String, svg: String)] = [(ReportPaths.rankingChart, RankingBarsChart(result: result, language: language).svg)]
        if !result.pillars.isEmpty { out.append((ReportPaths.heatChart, HeatTableChart(result: result, language: language).svg)) }
        if !history.isEmpty { out.append((ReportPaths.trendChart, TrendChart(results: history + [result], language: language).svg)) }
        if let sensitivity, !sensitivity.intervals.isEmpty {
            out.append((ReportPaths.rankIntervalChart, RankIntervalChart(result: sensitivity, language: language).svg))
        }
        if options.profiles {
            for u in result.ordering() where result.isRanked(u) {
                out.append((ReportPaths.radarFile(result.units[u].code), RadarChart(result: result, unit: u, language: language).svg))
            }
        }
        out += MapFigures(result: result, options: options).files
        out += wheelCharts
        return out
    }

    /// The default folder of a report: `<base>/<set id>/<period>`, each part made safe for a path.
    public static func defaultFolder(base: String, setID: String, period: Period) -> String {
        (base as NSString).appendingPathComponent(safeComponent(setID) + "/" + safeComponent(period.description))
    }

    /// A path component that cannot leave its folder: no separators, no `..`, no control characters.
    public static func safeComponent(_ text: String) -> String {
        var out = String(text.map { c -> Character in
            c == "/" || c == "\\" || c == ":" || c.isNewline || (c.asciiValue.map { $0 < 32 } ?? false) ? "_" : c
        })
        while out.hasPrefix(".") { out.removeFirst() }
        return out.isEmpty ? "_" : out
    }

    /// Writes every file into `folder` (created when missing); each file is written whole or not at all.
    /// `scores.csv`, the long table (units × nodes rows), is streamed to its file in chunks
    /// rather than built whole in memory.
    /// - Returns: the paths written, in the order of ``files``.
    @discardableResult
    public func write(to folder: String) throws -> [String] {
        var paths = try Self.write(files(scores: false), to: folder)
        let scores = (folder as NSString).appendingPathComponent("scores.csv")
        try scoresTable.write(toFile: scores, dialect: options.dialect)
        paths.insert(scores, at: min(1, paths.count))  // after ranking.csv, as in `files`
        return paths
    }

    /// Writes `files` (relative paths, `/`-separated) into `folder`, creating folders as needed;
    /// each file is written whole or not at all.
    /// - Returns: the paths written.
    @discardableResult
    public static func write(_ files: [(name: String, bytes: [UInt8])], to folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return try files.map { file in
            let path = (folder as NSString).appendingPathComponent(file.name)
            let parent = (path as NSString).deletingLastPathComponent
            if parent != folder { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
            // The bytes as they are, without a copy into a Data of their own.
            try file.bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return try Data().write(to: URL(fileURLWithPath: path), options: .atomic) }
                try Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: raw.count, deallocator: .none)
                    .write(to: URL(fileURLWithPath: path), options: .atomic)
            }
            return path
        }
    }
}
