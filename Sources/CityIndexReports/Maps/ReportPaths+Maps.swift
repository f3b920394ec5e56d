extension ReportPaths {
    /// The tile map of the report.
    static let tileMap = "charts/map-tiles.svg"
    /// The choropleth drawn from `--map`.
    static let geoMap = "charts/map.svg"

    /// The tile map of a unit's profile (the unit outlined), under `charts/`.
    static func tileMapFile(_ code: String) -> String { "charts/map-tiles-" + ReportBundle.safeComponent(code) + ".svg" }
    /// The link from a profile to its tile map.
    static func tileMapFromProfile(_ code: String) -> String { "../" + MarkdownText.encodePath(tileMapFile(code)) }
}
