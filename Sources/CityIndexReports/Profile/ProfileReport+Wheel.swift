import CityIndexCore

extension ProfileReport {
    /// The unit's benchmarking wheel and its bands at every level above the indicators, when
    /// the set asks for the wheel (`charts: [wheel]`).
    var wheel: String {
        guard result.criteria.charts.contains(.wheel), let bands = ScoreBands(criteria: result.criteria) else { return "" }
        let words = ReportLabels(language: options.language)
        var out = "## \(words.wheelSection)\n\n"
        if options.charts {
            let name = result.units[unit].name(in: options.language)
            out += "![\(Markdown.inline(words.wheelTitle + ": " + name))](\(ReportPaths.wheelFromProfile(result.units[unit].code)))\n\n"
        }
        return out + BandTable(result: result, units: [unit], bands: bands, language: options.language).markdown
    }

    /// The view line of the header (`--only core`), empty for the whole set.
    var viewLine: String {
        result.criteria.view.map { "> \(Markdown.inline(ReportLabels(language: options.language).viewLine($0)))\n\n" } ?? ""
    }
}
