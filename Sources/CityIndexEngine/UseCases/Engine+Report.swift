import CityIndexAnalysis
import CityIndexCore
import CityIndexFormats
import CityIndexReports
import Foundation

/// `report`: the report bundle of each period scored.
public struct ReportRequest: Sendable {
    public var input: ScoringInput
    /// Output folder (default: `Reports/<set>/<period>`; with several periods, one subfolder each).
    public var out: String?
    /// Dialect of the CSV files.
    public var dialect: CSVDialect = .data
    /// Report language (default: the set's).
    public var language: Language?
    /// The date in the header line (default: `SOURCE_DATE_EPOCH`, else today).
    public var asOf: String?
    /// Write one profile per unit.
    public var profiles = false
    /// Performance groups: nil for the set's (else quartiles); `.some(nil)` for none.
    public var groups: PerformanceGroupMethod??
    /// Write SVG charts.
    public var charts = true
    /// Write report.html.
    public var html = true
    /// Write report.xlsx.
    public var xlsx = false
    /// Add the set's declared uncertainty analysis: nil as the set says, true to require it, false to leave it out.
    public var sensitivity: Bool?
    /// Add the statistical audit.
    public var audit = false
    /// A GeoJSON FeatureCollection to draw a choropleth from.
    public var map: String?
    /// The feature property holding the unit code.
    public var mapCodeProperty = "code"
    /// The headers of the CSV files and of report.xlsx; nil: ids in the CSV files, and in the
    /// workbook Vietnamese titles for a Vietnamese report, ids for an English one.
    public var headers: HeaderStyle?

    /// Creates a request.
    public init(input: ScoringInput) {
        self.input = input
    }
}

/// What `report` wrote.
public struct ReportOutcome: Sendable {
    /// The paths written, in order.
    public var written: [String]
    /// Why `--map` was left out, if it was (the reports are written all the same).
    public var mapProblem: String?
}

extension Engine {
    /// Imports the data, scores the periods and writes each period's report bundle. A problem
    /// with the map file (each one sent as an error event) leaves the map out, not the reports.
    ///
    /// - Returns: the paths written, in order, and what went wrong with the map, if anything.
    public func report(_ request: ReportRequest) throws -> ReportOutcome {
        var analysis: (sensitivity: Uncertainties?, audit: Bool) = (nil, false)
        let session = try session(request.input) { analysis = try analysisPlan(request, set: $0) }
        let set = session.criteria.set
        let scored = try session.score(request.input, runOptions: "report dialect=\(request.dialect.rawValue)")
        let language = request.language ?? set.language
        var options = ReportOptions(
            language: language, dialect: request.dialect, toolVersion: ToolInfo.version,
            generatedOn: ToolInfo.generationDate(asOf: request.asOf), runKey: scored.runKey, dataSources: scored.sources,
            notice: Demo.notice(sources: scored.sources, targets: set.targets, language: language),
            groups: request.groups ?? (set.groups ?? .quartiles), charts: request.charts, html: request.html,
            profiles: request.profiles)
        options.csvHeaders = request.headers ?? .ids
        options.workbookHeaders = request.headers
        var written: [String] = []
        let geo = request.map.map { GeoJSONFile.read(path: $0, codeProperty: request.mapCodeProperty) }
        for line in GeoJSONProblem.lines(geo?.problems ?? []) { events(.error(line)) }
        var mapLeftOut = 0
        var bundles: [(bundle: ReportBundle, folder: String)] = []
        for (k, result) in scored.results.enumerated() {
            let folder = request.out.map {
                scored.results.count > 1 ? ($0 as NSString).appendingPathComponent(ReportBundle.safeComponent(result.period.description)) : $0
            } ?? ReportBundle.defaultFolder(base: "Reports", setID: set.id, period: result.period)
            var history = Array(scored.results[..<k])
            if let base = scored.comparisons[k]?.base, !history.contains(where: { $0.period == base.period }) {
                history.append(base)
                history.sort { $0.period < $1.period }
            }
            var options = options
            options.valueMarks = scored.marks[result.period] ?? ValueMarks()
            if let geo {
                let match = GeoUnitMatch(map: geo, units: result.units)
                let period = scored.results.count > 1 ? "\(result.period): " : ""
                for line in GeoJSONProblem.lines(match.problems) { events(.error(period + line)) }
                options.map = match.isComplete ? ChoroplethMap(source: geo.file, shapes: match.shapes) : nil
                mapLeftOut += match.isComplete ? 0 : 1
            }
            var bundle = ReportBundle(result: result, options: options, comparison: scored.comparisons[k], history: history)
            if analysis.sensitivity != nil || analysis.audit {
                let data = try session.periodData(result.period)
                do {
                    if let declared = analysis.sensitivity {
                        bundle.sensitivity = try SensitivityAnalysis(criteria: set, data: data, options: SensitivityOptions(declared: declared)).run()
                    }
                    if analysis.audit { bundle.audit = try StatisticalAudit(criteria: set, data: data).run() }
                } catch let error as SensitivityError {
                    throw EngineError("\(result.period): \(error)")
                }
            }
            bundles.append((bundle, folder))
        }
        // Each period's files, written on all cores.
        let xlsx = request.xlsx
        let outcomes = Parallel.map(bundles) { job in
            Result { () throws -> [String] in
                var paths = try job.bundle.write(to: job.folder)
                if xlsx {
                    let path = (job.folder as NSString).appendingPathComponent("report.xlsx")
                    try ReportWorkbook(bundle: job.bundle).write(to: path)
                    paths.append(path)
                }
                return paths
            }
        }
        for (job, outcome) in zip(bundles, outcomes) {
            written += try outcome.get()
            let result = job.bundle.result
            events(.note("run \(scored.runID): \(set.id) \(result.period), \(result.rankedCount) of \(result.units.count) units ranked"))
        }
        var outcome = ReportOutcome(written: written)
        if let map = request.map, mapLeftOut > 0 {
            outcome.mapProblem = "--map \(map): the reports were written without this map (\(mapLeftOut) of \(scored.results.count) period(s)); fix the problems above and run the command again"
        }
        return outcome
    }

    /// Which analyses go into the report: the declared uncertainties when asked for or (by
    /// default) when the set declares any, and the audit when asked.
    func analysisPlan(_ request: ReportRequest, set: CriteriaSet) throws -> (sensitivity: Uncertainties?, audit: Bool) {
        var declared = request.sensitivity == false ? nil : set.uncertainty
        if request.sensitivity == true && set.uncertainty == nil {
            throw EngineError(
                "--sensitivity: the criteria set \(set.id) declares no uncertainty; add an uncertainty: block to it (README, \"Sensitivity and audit\") or run cityindex sensitivity with its options",
                kind: .usage)
        }
        if request.input.selection.basis != nil && (declared != nil || request.audit) {
            if request.sensitivity == true || request.audit {
                throw EngineError("--sensitivity and --audit analyse each unit's own data; they cannot be combined with --units", kind: .usage)
            }
            events(.note("note: the set's uncertainty analysis is left out of reports re-expressed with --units"))
            declared = nil
        }
        return (declared, request.audit)
    }
}
