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
        sheets.append(XLSXSheet(name: "values", header: Self.valuesHeader + (showsMarks ? Self.marksHeader : []), rows: valuesRows))
        if !result.targetsUsed.isEmpty { sheets.append(TargetsTable(result: result, language: options.language).sheet) }
        if let sensitivity { sheets += SensitivityTables(result: sensitivity, language: options.language).sheets }
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

    /// The columns the values sheet ends with when the data states a data-quality level or a
    /// verified flag for any value of the period.
    public static let marksHeader = ["quality", "verified"]

    /// Whether the values sheet has the ``marksHeader`` columns.
    var showsMarks: Bool { !options.valueMarks.isEmpty }

    /// One row per unit × indicator (scored and data-only): the observed value, the value used
    /// after denomination, imputation and treatment, and its marks. Like the CSV tables, the
    /// marks are the flag codes of `scores.csv` (`imputed`, `combined`, `yes`, `no`). When the
    /// data states any, each value's data-quality level and verified flag follow: ids
    /// (`measured`, `yes`) with id headers, else words in the headers' language (`đo đạc`, `có`);
    /// empty where not stated.
    var valuesRows: [[CSVCell]] {
        let set = result.criteria
        let language = options.language
        var rows: [[CSVCell]] = []
        for u in result.ordering() {
            let unit = result.units[u]
            for i in set.indicatorIndices {
                let node = set.nodes[i]
                let flags = result.flags(node: i, unit: u)
                let names: [CSVCell] = [
                    .text(result.period.description), .text(unit.code), .text(unit.name(in: language)),
                    .text(node.id), .text(node.displayName(in: language)), .text(node.unit.text(in: language)),
                ]
                let marks: [CSVCell] = [
                    .text(flags.contains(.imputed) ? "imputed" : ""), .text(flags.contains(.combined) ? "combined" : ""), .text(flags.text),
                ]
                let values = [NumberKind.value.cell(result.rawValue(node: i, unit: u)), NumberKind.value.cell(result.usedValue(node: i, unit: u))]
                rows.append(names + [.text(set.isScored(i) ? "yes" : "no")] + values + marks + (showsMarks ? markCells(unit: u, node: i) : []))
            }
        }
        return rows
    }

    /// The level and verified cells of `unit`'s value of indicator `node` (empty without a value).
    private func markCells(unit u: Int, node i: Int) -> [CSVCell] {
        guard result.rawValue(node: i, unit: u) != nil else { return [.text(""), .text("")] }
        let mark = options.valueMarks.mark(unit: result.units[u].code, indicator: result.criteria.nodes[i].id)
        let words = options.workbookHeaderStyle.language
        let quality = mark.quality.map { q in words.map { q.label(in: $0) } ?? q.id } ?? ""
        let verified = mark.verified.map { v in words.map { ReportLabels(language: $0).yesNo(v) } ?? (v ? "yes" : "no") } ?? ""
        return [.text(quality), .text(verified)]
    }

    // MARK: - criteria

    /// Columns of the `criteria` sheet.
    public static let criteriaHeader = [
        "tree", "id", "parent", "level", "type", "weight", "effective_weight", "unit_of_measure", "direction",
        "normalise", "other_steps", "aggregate", "target", "scored",
    ]

    /// One row per node in tree order, names indented by depth; the words (type, direction,
    /// methods) in the report language, as the methodology appendix of `report.md` gives them.
    var criteriaRows: [[CSVCell]] {
        let set = result.criteria
        let levels = set.levels
        let labels = ReportLabels(language: options.language)
        let method = MethodText(language: options.language, markdown: false)
        return set.nodes.indices.map { i in
            let node = set.nodes[i]
            let settings = set.effectiveSettings(of: i)
            let indicator = i != 0 && node.isIndicator
            let indent = String(repeating: "    ", count: node.depth)
            var normalise = "", other = "", aggregate = "", direction = ""
            if indicator {
                normalise = settings.normalise.map { method.normalise($0, target: node.target) } ?? ""
                other = method.otherSteps(settings).joined(separator: "; ")
                direction = settings.direction == .lower ? labels.lower : labels.higher
            } else if let a = settings.aggregate {
                aggregate = labels.aggregateName(a.method) + (a.missing == .reweight ? "" : ", " + labels.missing(a.missing))
            }
            let tree: [CSVCell] = [
                .text(indent + node.displayName(in: options.language)), .text(node.id),
                .text(node.parent.map { set.nodes[$0].id } ?? ""), .integer(levels[i]),
                .text(labels.nodeKind(index: i == 0, indicator: indicator)),
            ]
            let weights: [CSVCell] = [
                NumberKind.value.cell(node.weight), set.isScored(i) ? NumberKind.share.cell(set.effectiveWeight(of: i)) : .empty,
            ]
            let steps: [CSVCell] = [
                .text(node.unit.text(in: options.language)), .text(direction), .text(normalise), .text(other), .text(aggregate),
                NumberKind.value.cell(node.target), .text(labels.yesNo(set.isScored(i))),
            ]
            return tree + weights + steps
        }
    }

    // MARK: - methodology

    /// Set-level settings, provenance and warnings as item / value rows, in the report language.
    var methodologyRows: [[CSVCell]] {
        let set = result.criteria
        let language = options.language
        let labels = ReportLabels(language: language)
        var rows: [[CSVCell]] = []
        func add(_ item: String, _ value: CSVCell) { rows.append([.text(item), value]) }
        func add(_ item: String, _ text: LocalizedText) {
            if let t = text.nonEmpty(in: language) { add(item, .text(t)) }
        }
        add(labels.criteriaSet, .text(set.name.text(in: language, fallback: set.id)))
        add(labels.pick("Id", "Mã"), .text(set.id))
        if let v = set.version { add(labels.pick("Version", "Phiên bản"), .text(v)) }
        add(labels.pick("Description", "Mô tả"), set.description)
        add(labels.source, set.source)
        add(labels.pick("Notes", "Ghi chú"), set.notes)
        add(labels.period, .text(result.period.description))
        add(labels.pick("Scale", "Thang điểm"), NumberKind.value.cell(set.scale))
        add(labels.pick("Decimals", "Số chữ số thập phân"), set.precision.map { .integer($0) } ?? .text(labels.pick("not rounded", "không làm tròn")))
        add(labels.ties, .text(labels.ties(set.ties)))
        if let screen = set.screen {
            let share = DisplayNumber.percent(screen.minCoverage, language: language)
            add(labels.pick("Screening: least data coverage", "Sàng lọc: mức dữ liệu tối thiểu"), .text("\(share) (\(labels.screenBasis(screen.basis)))"))
        }
        add(labels.unitsRanked, .integer(result.rankedCount))
        add(labels.pick("Units considered", "Số đơn vị được xét"), .integer(result.units.count))
        for u in result.units.indices.sorted(by: { result.units[$0].code < result.units[$1].code }) {
            if let reason = result.exclusions[u] { add("\(labels.notRanked): \(result.units[u].code)", .text(labels.exclusion(reason))) }
        }
        for source in options.dataSources { add(labels.data, .text(source)) }
        if let notice = options.notice { add(labels.pick("Notice", "Lưu ý"), .text(notice)) }
        for warning in result.warnings { add(labels.pick("Warning", "Cảnh báo"), .text(labels.warning(warning))) }
        add(labels.generated, .text("CityIndex \(options.toolVersion), \(options.generatedOn)"))
        return rows
    }
}
