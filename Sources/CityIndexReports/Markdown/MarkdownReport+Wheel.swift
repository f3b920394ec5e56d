import CityIndexCore

extension MarkdownReport {
    /// The units whose wheels `report.md` shows: up to three, in rank order.
    static let wheelsShown = 3
    /// The units whose bands the table of `report.md` shows: up to five, in rank order.
    static let bandColumns = 5

    /// The benchmarking wheels of the first units and their bands at every level above the
    /// indicators, when the set asks for the wheel (`charts: [wheel]`).
    var wheel: String {
        guard criteria.charts.contains(.wheel), let bands = ScoreBands(criteria: criteria) else { return "" }
        let order = result.ordering()
        var out = "## \(labels.wheelSection)\n\n"
        if options.charts {
            for u in order.prefix(Self.wheelsShown) {
                let name = result.units[u].name(in: language)
                out += "![\(Markdown.inline(labels.wheelTitle + ": " + name))](\(MarkdownText.encodePath(ReportPaths.wheelFile(result.units[u].code))))\n\n"
            }
            if order.count > Self.wheelsShown { out += labels.wheelsOfOthers(order.count - Self.wheelsShown) + "\n\n" }
        }
        out += "### \(labels.bandsByNode)\n\n"
        out += BandTable(result: result, units: Array(order.prefix(Self.bandColumns)), bands: bands, language: language).markdown
        return out
    }

    /// The view line of the header (`--only core`), empty for the whole set.
    var viewLine: String {
        criteria.view.map { "> \(Markdown.inline(labels.viewLine($0)))\n\n" } ?? ""
    }
}
