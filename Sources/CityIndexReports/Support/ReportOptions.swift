import CityIndexCore
import CityIndexFormats

/// What every report of a run shares: language, dialect, provenance.
public struct ReportOptions: Sendable {
    /// The report language.
    public var language: Language
    /// The CSV dialect of `ranking.csv` and `scores.csv`.
    public var dialect: CSVDialect
    /// The tool version written in the header line.
    public var toolVersion: String
    /// The generation date written in the header line (pinned by `--as-of` or `SOURCE_DATE_EPOCH`).
    public var generatedOn: String
    /// The id of the stored run, when stored.
    public var runID: Int64?
    /// Where the data came from (file names, import ids).
    public var dataSources: [String]
    /// A notice shown at the top of every report (for example: illustrative data).
    public var notice: String?

    /// Creates options.
    public init(
        language: Language, dialect: CSVDialect = .data, toolVersion: String, generatedOn: String,
        runID: Int64? = nil, dataSources: [String] = [], notice: String? = nil
    ) {
        self.language = language
        self.dialect = dialect
        self.toolVersion = toolVersion
        self.generatedOn = generatedOn
        self.runID = runID
        self.dataSources = dataSources
        self.notice = notice
    }
}
