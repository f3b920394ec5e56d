/// The relative paths of a report's files, as written and as linked.
enum ReportPaths {
    static let rankingChart = "charts/ranking.svg"
    static let heatChart = "charts/heat.svg"
    static let trendChart = "charts/trend.svg"
    static let rankIntervalChart = "charts/rank-intervals.svg"

    /// The file name of a unit's radar chart, under `charts/`.
    static func radarFile(_ code: String) -> String { "charts/radar-" + ReportBundle.safeComponent(code) + ".svg" }
    /// The file name of a unit's benchmarking wheel, under `charts/`.
    static func wheelFile(_ code: String) -> String { "charts/wheel-" + ReportBundle.safeComponent(code) + ".svg" }
    /// The link from a profile to the unit's wheel.
    static func wheelFromProfile(_ code: String) -> String { "../" + MarkdownText.encodePath(wheelFile(code)) }
    /// The targets the scores used.
    static let targets = "targets.csv"

    /// The file name of a unit's profile, under `profiles/`.
    static func profileFile(_ code: String) -> String { "profiles/" + ReportBundle.safeComponent(code) + ".md" }

    /// The file name of a unit's profile as a web page, under `profiles/` (written with `report.html`).
    static func profileHTMLFile(_ code: String) -> String { "profiles/" + ReportBundle.safeComponent(code) + ".html" }

    /// The link from `report.md` to a unit's profile.
    static func profile(_ code: String) -> String { MarkdownText.encodePath(profileFile(code)) }
    /// The link from a profile to the unit's radar chart.
    static func radarFromProfile(_ code: String) -> String { "../" + MarkdownText.encodePath(radarFile(code)) }
}
