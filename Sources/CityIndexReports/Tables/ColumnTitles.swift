import CityIndexCore
import CityIndexFormats

/// The header of a table in a ``HeaderStyle``: each column id (`rank`, `score_change`, a
/// pillar id, `2016_rank`) as itself, or as a title in Vietnamese or English (`Hạng`,
/// `Thay đổi điểm`, the pillar's name, `Hạng 2016`). Tables keep their ids; the titles are put
/// on when a file or sheet is written, so the same rows go out under either header.
///
/// ```swift
/// let titles = ColumnTitles(style: .vi, criteria: result.criteria)
/// titles.header(["rank", "unit", "score", "input", "input_rank"])
/// // ["Hạng", "Mã đơn vị", "Điểm", "Đầu vào", "Đầu vào: hạng"]
/// ```
public struct ColumnTitles: Sendable {
    /// The style.
    public var style: HeaderStyle
    /// The criteria set whose node ids head columns (pillars), for their names.
    public var criteria: CriteriaSet?

    /// Headers as ids.
    public static let ids = ColumnTitles(style: .ids)

    /// Creates titles in `style`; `criteria` names node columns.
    public init(style: HeaderStyle, criteria: CriteriaSet? = nil) {
        self.style = style
        self.criteria = criteria
    }

    /// The title of column `id` (of sheet `sheet`, where a column means something of its own):
    /// the id itself in the ids style or when no title is known.
    public func title(_ id: String, sheet: String? = nil) -> String {
        guard let language = style.language else { return id }
        let labels = ReportLabels(language: language)
        if let fixed = labels.columnTitle(id, sheet: sheet) { return fixed }
        if let node = nodeName(id, language: language) { return node }
        if id.hasSuffix("_rank"), let node = nodeName(String(id.dropLast(5)), language: language) {
            return labels.nodeRankTitle(node)
        }
        // Period columns of the history and trend tables: 2016_score, 2016_rank, 2016_rank_change.
        for suffix in ["_rank_change", "_score", "_rank"] where id.hasSuffix(suffix) {
            let head = String(id.dropLast(suffix.count))
            if let period = Period(head) {
                return labels.periodColumnTitle(String(suffix.dropFirst()), period: period.description) ?? id
            }
        }
        return id
    }

    /// The titles of `ids`, columns of sheet `sheet`.
    public func header(_ ids: [String], sheet: String? = nil) -> [String] { ids.map { title($0, sheet: sheet) } }

    /// The name of the sheet `id` (`ranking`, `scores` …) in this style.
    public func sheetName(_ id: String) -> String {
        guard let language = style.language else { return id }
        return ReportLabels(language: language).sheetTitle(id) ?? id
    }

    /// `sheet` with its header in this style (its name kept: it names the CSV file).
    public func headed(_ sheet: XLSXSheet) -> XLSXSheet {
        XLSXSheet(name: sheet.name, header: header(sheet.header, sheet: sheet.name), rows: sheet.rows)
    }

    /// The CSV files of `sheets` (`<name>.csv`) in `dialect`, headed in this style.
    public func csvFiles(_ sheets: [XLSXSheet], dialect: CSVDialect) -> [(name: String, bytes: [UInt8])] {
        sheets.map { headed($0).csvFile(dialect: dialect) }
    }

    private func nodeName(_ id: String, language: Language) -> String? {
        guard let criteria, let i = criteria.index(of: id), i != 0 else { return nil }
        return criteria.nodes[i].displayName(in: language)
    }
}
