import CityIndexAnalysis
import CityIndexCore

extension SensitivitySection {
    /// How many places a 5th–95th percentile interval must span to be explained: a fifth of
    /// the units analysed, at least 3.
    var widePlaces: Int { max(3, (result.intervals.count + 4) / 5) }

    /// The units whose interval spans ``widePlaces`` places or more, in nominal rank order.
    var wideIntervals: [UnitRankInterval] {
        result.intervals.filter { $0.highRank - $0.lowRank >= Double(widePlaces) }
    }

    /// A paragraph and one line per wide interval, naming what drives it (``RankIntervalDriver``);
    /// empty when no interval is wide.
    ///
    /// `- **Ho Chi Minh City** 1–53: mostly the aggregation (S_Ti 0.81); its worst rank, 53, comes
    /// under the geometric alternative, where 1 indicator(s) scoring 0 or less are raised to the
    /// floor of the geometric mean: Poverty rate.`
    var driversText: String {
        let wide = wideIntervals
        guard !wide.isEmpty else { return "" }
        let labels = ReportLabels(language: language)
        var lines: [String] = []
        for r in wide.prefix(10) {
            var line = "- **\(Markdown.inline(r.unit.name(in: language)))** "
            line += NumberKind.simulatedRank.text(r.lowRank, language: language) + "–" + NumberKind.simulatedRank.text(r.highRank, language: language)
            guard let d = result.drivers[r.unit.code] else {
                lines.append(line)
                continue
            }
            var parts: [String] = []
            if let input = d.input, let total = d.total {
                parts.append(labels.mostly(labels.driverInput(input), total: NumberKind.coefficient.text(total, language: language)))
            }
            var worst = labels.worstRank(d.worstRank)
            if let input = d.input, let choice = labels.worstChoice(input, of: d) { worst += " " + choice }
            if !d.floored.isEmpty {
                let names = d.floored.map { Markdown.inline($0.text(in: language, fallback: "")) }.joined(separator: ", ")
                worst += ", " + labels.flooredIndicators(d.floored.count, names)
            }
            parts.append(worst)
            lines.append(line + ": " + parts.joined(separator: "; ") + ".")
        }
        if wide.count > 10 { lines.append("- … " + labels.andMore(wide.count - 10, what: labels.unitsWord)) }
        return labels.wideIntervalsIntro(places: widePlaces) + "\n\n" + lines.joined(separator: "\n") + "\n\n"
    }
}
