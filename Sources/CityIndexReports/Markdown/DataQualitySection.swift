import CityIndexCore

/// The "Data quality" section of `report.md`, when the data states a data-quality level or a
/// verified flag for any value of the period: how many values state each level (and none),
/// the share verified, and per unit how many values are stated as not verified or of a weak
/// level (estimate, assumption, unknown), so that none is hidden.
///
/// Only the values scored are counted: each unit's value of each scored indicator.
struct DataQualitySection {
    /// The result whose values are counted.
    var result: ScoreResult
    /// The marks the data states.
    var marks: ValueMarks
    /// The report language.
    var language: Language

    /// The section, empty when no value states anything.
    var text: String {
        guard !marks.isEmpty else { return "" }
        let labels = ReportLabels(language: language)
        let criteria = result.criteria
        var total = 0, withLevel = 0, withFlag = 0, verified = 0
        var byLevel: [DataQuality: Int] = [:]
        var perUnit: [(unit: Int, notVerified: Int, weak: [DataQuality: Int])] = []
        for u in result.units.indices {
            var notVerified = 0
            var weak: [DataQuality: Int] = [:]
            for i in criteria.scoredIndicatorIndices where result.rawValue(node: i, unit: u) != nil {
                total += 1
                let mark = marks.mark(unit: result.units[u].code, indicator: criteria.nodes[i].id)
                if let q = mark.quality {
                    withLevel += 1
                    byLevel[q, default: 0] += 1
                    if q.isWeak { weak[q, default: 0] += 1 }
                }
                if let v = mark.verified {
                    withFlag += 1
                    if v { verified += 1 } else { notVerified += 1 }
                }
            }
            if notVerified > 0 || !weak.isEmpty { perUnit.append((u, notVerified, weak)) }
        }
        guard withLevel + withFlag > 0 else { return "" }
        var out = "## \(labels.dataQuality)\n\n"
        out += labels.qualityLead(values: total, withLevel: withLevel, withFlag: withFlag) + "\n\n"
        var levels = MarkdownTable(header: [labels.qualityLevel, labels.values], alignments: [.left, .right])
        for q in DataQuality.allCases { levels.append(["\(q.rawValue). \(q.label(in: language))", String(byLevel[q] ?? 0)]) }
        levels.append([labels.notStated, String(total - withLevel)])
        out += levels.text + "\n"
        let share = total == 0 ? 0 : Double(verified) / Double(total)
        out += labels.verifiedShare(verified, of: total, percent: DisplayNumber.percent(share, language: language)) + "\n"
        guard !perUnit.isEmpty else { return out }
        let weakLevels = DataQuality.allCases.filter(\.isWeak)
        out += "\n### \(labels.weighWithCare)\n\n"
        var table = MarkdownTable(
            header: [labels.unit, labels.verifiedColumn] + weakLevels.map { MarkdownText.cell($0.label(in: language).capitalizedFirst) },
            alignments: [.left, .right] + weakLevels.map { _ in .right })
        for row in perUnit {
            table.append(
                [MarkdownText.cell(result.units[row.unit].name(in: language)), String(row.notVerified)]
                    + weakLevels.map { String(row.weak[$0] ?? 0) })
        }
        out += table.text + "\n" + labels.weighWithCareNote + "\n"
        return out
    }
}
