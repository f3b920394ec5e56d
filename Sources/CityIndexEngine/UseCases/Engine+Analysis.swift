import CityIndexAnalysis
import CityIndexCore
import CityIndexFormats
import CityIndexReports
import Foundation

extension Engine {
    /// `sensitivity`: rank intervals and sensitivity indices of one period under `options`
    /// (the set's declared uncertainties, each overridden as the caller says), written under
    /// `out` (default `Reports/<set>/<period>`).
    ///
    /// - Parameters:
    ///   - language: the language of `sensitivity.md` and the chart (default: the set's).
    ///   - options: builds the analysis options from the set's declaration.
    /// - Returns: the paths written; a summary line goes to the events.
    public func sensitivity(
        _ input: ScoringInput, out: String?, dialect: CSVDialect, language: Language? = nil, headers: HeaderStyle = .ids,
        options: (Uncertainties?) throws -> SensitivityOptions
    ) throws -> [String] {
        var analysisOptions: SensitivityOptions?
        let session = try session(input) { analysisOptions = try options($0.uncertainty) }
        guard let analysisOptions else { return [] }
        let period = try session.period(input.period)
        let data = try session.periodData(period)
        let set = session.criteria.set
        let result: SensitivityResult
        do {
            result = try SensitivityAnalysis(criteria: set, data: data, options: analysisOptions).run()
        } catch let error as SensitivityError {
            throw EngineError(String(describing: error))
        }
        let folder = out ?? ReportBundle.defaultFolder(base: "Reports", setID: set.id, period: period)
        let language = language ?? set.language
        let title = "# \(Markdown.inline(set.name.text(in: language, fallback: set.id))): "
            + (language == .vi ? "phân tích độ nhạy, kỳ \(period)" : "sensitivity, \(period)") + "\n\n"
        var files = ColumnTitles(style: headers, criteria: set).csvFiles(SensitivityTables(result: result, language: language).sheets, dialect: dialect)
        let section = SensitivitySection(result: result, chartFile: "rank-intervals.svg", language: language)
        files.append(("sensitivity.md", Array((title + section.text).utf8)))
        files.append(("rank-intervals.svg", Array(RankIntervalChart(result: result, language: language).svg.utf8)))
        let written = try ReportBundle.write(files, to: folder)
        let threads = analysisOptions.parallel ? "all cores" : "1 thread"
        events(.note(
            "\(set.id) \(period): \(result.intervals.count) units, \(result.inputs.count) uncertain input(s), "
                + "\(analysisOptions.runs) replications, \(result.evaluations) evaluations in \(String(format: "%.3f", result.seconds)) s on \(threads)"))
        return written
    }

    /// `audit`: the statistical audit of one period, written under `out`; `audit.md` in
    /// `language` (default: the set's).
    public func audit(_ input: ScoringInput, out: String?, dialect: CSVDialect, language: Language? = nil, headers: HeaderStyle = .ids) throws -> [String] {
        let session = try session(input)
        let period = try session.period(input.period)
        let data = try session.periodData(period)
        let set = session.criteria.set
        let result: AuditResult
        do {
            result = try StatisticalAudit(criteria: set, data: data).run()
        } catch let error as SensitivityError {
            throw EngineError(String(describing: error))
        }
        let folder = out ?? ReportBundle.defaultFolder(base: "Reports", setID: set.id, period: period)
        let language = language ?? set.language
        let title = "# \(Markdown.inline(set.name.text(in: language, fallback: set.id))): "
            + (language == .vi ? "kiểm định thống kê, kỳ \(period)" : "statistical audit, \(period)") + "\n\n"
        var files = ColumnTitles(style: headers, criteria: set).csvFiles(AuditTables(result: result).sheets, dialect: dialect)
        files.append(("audit.md", Array((title + AuditSection(result: result, language: language).text).utf8)))
        let written = try ReportBundle.write(files, to: folder)
        let flagged = result.correlations.filter { !$0.flags.isEmpty }.count
        events(.note(
            "\(set.id) \(period): \(result.indicators.count) indicators, \(result.pillars.count) pillars, \(result.units) units, \(flagged) flagged correlation(s)"))
        return written
    }
}
