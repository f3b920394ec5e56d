import CityIndexCore

extension ReportBundle {
    /// Each unit's benchmarking wheel (`charts/wheel-<code>.svg`), when the set asks for it
    /// (`charts: [wheel]`) and names its bands.
    var wheelCharts: [(name: String, svg: String)] {
        guard result.criteria.charts.contains(.wheel) else { return [] }
        return result.ordering().compactMap { u in
            WheelChart(result: result, unit: u, language: options.language, notice: options.notice).map { (ReportPaths.wheelFile(result.units[u].code), $0.svg) }
        }
    }

    /// `targets.csv`, when any indicator was scored against a target.
    var targetsFiles: [(name: String, bytes: [UInt8])] {
        guard !result.targetsUsed.isEmpty else { return [] }
        return csvTitles.csvFiles([TargetsTable(result: result, language: options.language).sheet], dialect: options.dialect)
    }

    /// The charts a unit's profile page shows inline, by the path the profile links them with.
    func profileCharts(_ code: String, among charts: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        if let radar = charts[ReportPaths.radarFile(code)] { out[ReportPaths.radarFromProfile(code)] = radar }
        if let wheel = charts[ReportPaths.wheelFile(code)] { out[ReportPaths.wheelFromProfile(code)] = wheel }
        return out
    }
}
