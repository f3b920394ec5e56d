import CityIndexCore
import CityIndexFormats

/// What every report of a run shares: language, dialect, provenance and which extras to write.
public struct ReportOptions: Sendable {
    /// The report language.
    public var language: Language
    /// The CSV dialect of `ranking.csv` and `scores.csv`.
    public var dialect: CSVDialect
    /// The tool version written in the header line.
    public var toolVersion: String
    /// The generation date written in the header line (pinned by `--as-of` or `SOURCE_DATE_EPOCH`).
    public var generatedOn: String
    /// The id of the stored run, when stored. Not written in reports (it differs between stores);
    /// see `runKey`.
    public var runID: Int64?
    /// A deterministic run id: a hash of the criteria set's and the data's SHA-256 (and options),
    /// identical for identical inputs. Written in the header and the methodology appendix.
    public var runKey: String?
    /// Where the data came from (file names, import ids).
    public var dataSources: [String]
    /// A notice shown at the top of every report (for example: illustrative data).
    public var notice: String?
    /// How units are grouped in the performance-groups section (nil: no section).
    public var groups: PerformanceGroupMethod?
    /// Write SVG charts under `charts/` and link them from the Markdown.
    public var charts: Bool
    /// Write `report.html` beside `report.md`.
    public var html: Bool
    /// Write one profile per unit under `profiles/`.
    public var profiles: Bool
    /// A user's map matched to the result's units (`--map`): drawn as `charts/map.svg` and shown
    /// in the report's map section.
    public var map: ChoroplethMap?
    /// The headers of the CSV files (`--headers`): ids by default, so scripts keep working.
    public var csvHeaders: HeaderStyle = .ids
    /// The headers and sheet names of `report.xlsx`; nil: Vietnamese for a Vietnamese report,
    /// ids otherwise (see ``workbookHeaderStyle``).
    public var workbookHeaders: HeaderStyle?
    /// The data-quality levels and verified flags the data states for the reported period's
    /// values: shown in the profiles and, when any is stated, in the report's data-quality section.
    public var valueMarks = ValueMarks()

    /// The workbook's headers: ``workbookHeaders``, else Vietnamese titles for a Vietnamese
    /// report and ids for an English one.
    public var workbookHeaderStyle: HeaderStyle { workbookHeaders ?? (language == .vi ? .vi : .ids) }

    /// Creates options.
    public init(
        language: Language, dialect: CSVDialect = .data, toolVersion: String, generatedOn: String,
        runID: Int64? = nil, runKey: String? = nil, dataSources: [String] = [], notice: String? = nil,
        groups: PerformanceGroupMethod? = .quartiles, charts: Bool = true, html: Bool = true, profiles: Bool = false
    ) {
        self.language = language
        self.dialect = dialect
        self.toolVersion = toolVersion
        self.generatedOn = generatedOn
        self.runID = runID
        self.runKey = runKey
        self.dataSources = dataSources
        self.notice = notice
        self.groups = groups
        self.charts = charts
        self.html = html
        self.profiles = profiles
    }
}
