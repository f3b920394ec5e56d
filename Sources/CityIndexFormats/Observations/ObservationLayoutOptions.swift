/// How to read headers and rows beyond what the header alone says: `--columns`, `--indicator`
/// and the region and whole-country rows to leave out.
///
/// ```swift
/// var layout = ObservationLayoutOptions()
/// layout.columns = try ColumnMapping(parsing: "Province=name")
/// layout.indicator = "poverty_rate"   // a table with one column per period
/// let reader = ObservationFileReader(indicatorIDs: ["poverty_rate"], layout: layout)
/// ```
public struct ObservationLayoutOptions: Sendable, Equatable {
    /// Headers CityIndex does not recognise, given their roles (`--columns`).
    public var columns: ColumnMapping
    /// The indicator of a file that holds one (a table with one column per period, or a long
    /// file without an indicator column); `nil` to take it from the sheet name.
    public var indicator: String?
    /// The names of rows to leave out as regions or the whole country.
    public var regionRows: RegionRowNames

    /// Creates options; by default no mapping, no indicator and the shipped region names.
    public init(columns: ColumnMapping = ColumnMapping(), indicator: String? = nil, regionRows: RegionRowNames = RegionRowNames()) {
        self.columns = columns
        self.indicator = indicator
        self.regionRows = regionRows
    }

    /// `;columns=…;indicator=…` for the options given (empty without them), for an import's
    /// options record: the same file read with other options is another batch.
    public var recordText: String {
        (columns.isEmpty ? "" : ";columns=\(columns)") + (indicator.map { ";indicator=\($0)" } ?? "")
    }
}
