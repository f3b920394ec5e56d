import CityIndexAnalysis
import CityIndexCore
import CityIndexFormats

/// The report as one Excel workbook (`report.xlsx`): sheets `ranking`, `scores` (long),
/// `history` (with earlier periods), `values` (the indicator values used, imputed and combined
/// ones marked), then, when the report has them, `targets` (the targets scored against, with their sources), `sensitivity-units`, `sensitivity-indices`, `audit-indicators`, `audit-correlations`
/// and `audit-pillars` (each the rows of the CSV file of the same name), `criteria` (the tree)
/// and `methodology`. Every CSV file of the report thus has a sheet.
///
/// Numbers are numeric cells shown with the set's precision (`0.00` for 2), text is shared
/// strings (so no cell is ever a formula), every header row is frozen and columns are fitted.
/// The same result and options give the same bytes.
///
/// ```swift
/// try ReportWorkbook(result: result, options: options).write(to: "Reports/hdi/2022/report.xlsx")
/// ```
public struct ReportWorkbook: Sendable {
    /// The result to report.
    public var result: ScoreResult
    /// Shared report settings (language, provenance).
    public var options: ReportOptions
    /// The comparison with an earlier period: the ranking and scores sheets gain the change columns
    /// of `ranking.csv` and `scores.csv`.
    public var comparison: PeriodComparison?
    /// The report's sensitivity analysis: sheets `sensitivity-units` and `sensitivity-indices`.
    public var sensitivity: SensitivityResult?
    /// The report's statistical audit: sheets `audit-indicators`, `audit-correlations` and `audit-pillars`.
    public var audit: AuditResult?
    /// Earlier periods' results: with any, the sheet `history` (the ranking over the periods).
    public var history: [ScoreResult] = []

    /// Creates the workbook.
    public init(
        result: ScoreResult, options: ReportOptions, comparison: PeriodComparison? = nil, sensitivity: SensitivityResult? = nil,
        audit: AuditResult? = nil
    ) {
        self.result = result
        self.options = options
        self.comparison = comparison
        self.sensitivity = sensitivity
        self.audit = audit
    }

    /// The workbook of a report bundle: the same result, options, comparison and analyses, so
    /// every CSV file the bundle writes has its sheet.
    public init(bundle: ReportBundle) {
        self.init(
            result: bundle.result, options: bundle.options, comparison: bundle.comparison, sensitivity: bundle.sensitivity,
            audit: bundle.audit)
        history = bundle.history
    }

    /// The sheets, in tab order, named and headed in ``ReportOptions/workbookHeaderStyle``.
    public var sheets: [XLSXSheet] {
        let ranking = RankingTable(result: result, layout: .full, language: options.language, comparison: comparison)
        let scores = ScoresTable(results: [result], language: options.language, comparisons: [comparison])
        var sheets = [
            XLSXSheet(name: "ranking", header: ranking.header, rows: ranking.rows),
            XLSXSheet(name: "scores", header: scores.header, rows: scores.rows),
        ]
        if !history.isEmpty { sheets.append(HistoryTable(results: history + [result], comparison: comparison, language: options.language).sheet) }
        sheets.append(XLSXSheet(name: "values", header: Self.valuesHeader, rows: valuesRows))
        if !result.targetsUsed.isEmpty { sheets.append(TargetsTable(result: result, language: options.language).sheet) }
        if let sensitivity { sheets += SensitivityTables(result: sensitivity).sheets }
        if let audit { sheets += AuditTables(result: audit).sheets }
        sheets.append(XLSXSheet(name: "criteria", header: Self.criteriaHeader, rows: criteriaRows))
        sheets.append(XLSXSheet(name: "methodology", header: ["item", "value"], rows: methodologyRows))
        return WorkbookTitles(titles: ColumnTitles(style: options.workbookHeaderStyle, criteria: result.criteria)).apply(sheets)
    }

    /// The workbook's bytes.
    ///
    /// - Throws: ``XLSXError``.
    public func bytes() throws(XLSXError) -> [UInt8] {
        var book = XLSXWriter()
        for sheet in sheets { book.add(sheet) }
        return try book.bytes()
    }

    /// Writes the workbook to `path` atomically.
    ///
    /// - Throws: ``XLSXError``.
    public func write(to path: String) throws(XLSXError) {
        var book = XLSXWriter()
        for sheet in sheets { book.add(sheet) }
        try book.write(toFile: path)
    }

    // MARK: - values

    /// Columns of the `values` sheet.
    public static let valuesHeader = [
        "period", "unit", "unit_name", "indicator", "indicator_name", "unit_of_measure", "scored", "value",
        "value_used", "imputed", "combined", "flags",
    ]

    /// One row per unit × indicator (scored and data-only): the observed value, the value used
    /// after denomination, imputation and treatment, and its marks.
    var valuesRows: [[CSVCell]] {
        let set = result.criteria
        let language = options.language
        var rows: [[CSVCell]] = []
        for u in result.ordering() {
            let unit = result.units[u]
            for i in set.indicatorIndices {
                let node = set.nodes[i]
                let flags = result.flags(node: i, unit: u)
                rows.append([
                    .text(result.period.description), .text(unit.code), .text(unit.name(in: language)),
                    .text(node.id), .text(node.displayName(in: language)), .text(node.unit ?? ""),
                    .text(set.isScored(i) ? "yes" : "no"),
                    result.rawValue(node: i, unit: u).map { .number($0) } ?? .empty,
                    result.usedValue(node: i, unit: u).map { .number($0) } ?? .empty,
                    .text(flags.contains(.imputed) ? "imputed" : ""),
                    .text(flags.contains(.combined) ? "combined" : ""),
                    .text(flags.text),
                ])
            }
        }
        return rows
    }

    // MARK: - criteria

    /// Columns of the `criteria` sheet.
    public static let criteriaHeader = [
        "tree", "id", "parent", "level", "type", "weight", "effective_weight", "unit_of_measure", "direction",
        "normalise", "other_steps", "aggregate", "target", "scored",
    ]

    /// One row per node in tree order, names indented by depth.
    var criteriaRows: [[CSVCell]] {
        let set = result.criteria
        let levels = set.levels
        return set.nodes.indices.map { i in
            let node = set.nodes[i]
            let settings = set.effectiveSettings(of: i)
            let indicator = i != 0 && node.isIndicator
            let indent = String(repeating: "    ", count: node.depth)
            var normalise = ""
            var other = ""
            var aggregate = ""
            if indicator {
                normalise = settings.normalise.map { Self.describe($0, target: node.target) } ?? ""
                other = Self.otherSteps(settings)
            } else if let a = settings.aggregate {
                aggregate = "\(a.method) (missing: \(a.missing))"
            }
            return [
                .text(indent + node.displayName(in: options.language)), .text(node.id),
                .text(node.parent.map { set.nodes[$0].id } ?? ""), .integer(levels[i]),
                .text(i == 0 ? "index" : indicator ? "indicator" : "aggregate"),
                .number(node.weight), set.isScored(i) ? .number(set.effectiveWeight(of: i), decimals: 4) : .empty,
                .text(node.unit ?? ""), .text(indicator ? (settings.direction ?? .higher).rawValue : ""),
                .text(normalise), .text(other), .text(aggregate),
                node.target.map { .number($0) } ?? .empty, .text(set.isScored(i) ? "yes" : "no"),
            ]
        }
    }

    /// A normalisation in a few words (`goalposts 20–85`).
    private static func describe(_ step: NormaliseStep, target: Double?) -> String {
        func n(_ x: Double) -> String { CSVWriter.field(.number(x), dialect: .data) }
        switch step {
        case .minMax: return "min-max"
        case let .goalposts(lo, hi): return "goalposts \(n(lo))–\(n(hi))"
        case let .target(t): return "target \((t ?? target).map(n) ?? "?")"
        case let .zScore(mean, sd): return "z-score (\(n(mean)) ± \(n(sd)))"
        case .rank: return "rank"
        case .percentile: return "percentile"
        case let .ratio(maxPoints): return "ratio × \(n(maxPoints)) points"
        case let .yesNo(maxPoints): return "yes-no (\(n(maxPoints)) points)"
        case .none: return "none (already a score)"
        default: return "\(step)"
        }
    }

    /// The steps before normalisation that apply, in a few words.
    private static func otherSteps(_ s: StepSettings) -> String {
        var steps: [String] = []
        if let d = s.denominate { steps.append("denominate by \(d.by) × \(CSVWriter.field(.number(d.factor), dialect: .data))") }
        if let i = s.impute, i != .none { steps.append("impute \(i.methodName)") }
        if let t = s.treat, t != .none { steps.append("treat \(t)") }
        if let t = s.transform, t != .none { steps.append("transform \(t.rawValue)") }
        return steps.joined(separator: "; ")
    }

    // MARK: - methodology

    /// Set-level settings, provenance and warnings as item / value rows.
    var methodologyRows: [[CSVCell]] {
        let set = result.criteria
        var rows: [[CSVCell]] = []
        func add(_ item: String, _ value: CSVCell) { rows.append([.text(item), value]) }
        add("criteria set", .text(set.name.text(in: options.language, fallback: set.id)))
        add("id", .text(set.id))
        if let v = set.version { add("version", .text(v)) }
        if let s = set.source { add("source", .text(s)) }
        if let n = set.notes { add("notes", .text(n)) }
        add("period", .text(result.period.description))
        add("scale", .number(set.scale))
        add("precision", set.precision.map { .integer($0) } ?? .text("none"))
        add("ties", .text("\(set.ties)"))
        if let screen = set.screen { add("screen", .text("\(screen)")) }
        add("units ranked", .integer(result.rankedCount))
        add("units considered", .integer(result.units.count))
        for u in result.units.indices.sorted(by: { result.units[$0].code < result.units[$1].code }) {
            if let reason = result.exclusions[u] { add("not ranked: \(result.units[u].code)", .text("\(reason)")) }
        }
        for source in options.dataSources { add("data", .text(source)) }
        if let notice = options.notice { add("notice", .text(notice)) }
        for warning in result.warnings { add("warning", .text("\(warning)")) }
        add("generated", .text("CityIndex \(options.toolVersion), \(options.generatedOn)"))
        return rows
    }
}
