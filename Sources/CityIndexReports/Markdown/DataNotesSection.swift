import CityIndexCore

/// The "Notes on the data" section of `report.md`: the period's scoring warnings grouped by
/// cause (one line each, with a count and the first units concerned), then, when a cause holds
/// several, every warning on its own line.
struct DataNotesSection {
    /// The result whose warnings are shown.
    var result: ScoreResult
    /// The report language.
    var language: Language

    /// The section, empty without warnings.
    var text: String {
        guard !result.warnings.isEmpty else { return "" }
        let labels = ReportLabels(language: language)
        var names: [String: String] = [:]
        for u in result.units { names[u.code] = u.name(in: language) }
        let known = names
        let words = ScoringWarningText(language: language, unitName: { known[$0] })
        let groups = ScoringWarningGroup.grouping(result.warnings.map { (result.period, $0) })
        var out = "## \(labels.warnings)\n\n"
        out += words.summary(groups, periods: false).map { "- " + Markdown.inline($0) }.joined(separator: "\n") + "\n"
        if groups.contains(where: { $0.count > 1 }) {
            out += "\n### \(labels.warningsFullList)\n\n"
            out += words.fullList(groups, periods: false).map { "- " + Markdown.inline($0) }.joined(separator: "\n") + "\n"
        }
        return out
    }
}
