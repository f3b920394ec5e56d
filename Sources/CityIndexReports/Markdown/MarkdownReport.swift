import CityIndexCore
import Foundation

/// `report.md`: the ranking for people, with its summary, caveats and methodology (DESIGN §8).
public struct MarkdownReport: Sendable {
    /// The result to report.
    public var result: ScoreResult
    /// Shared report settings.
    public var options: ReportOptions

    /// Creates the report.
    public init(result: ScoreResult, options: ReportOptions) {
        self.result = result
        self.options = options
    }

    private var labels: ReportLabels { ReportLabels(language: options.language) }
    private var language: Language { options.language }
    private var criteria: CriteriaSet { result.criteria }

    private func number(_ x: Double?) -> String {
        x.map { DisplayNumber.format($0, decimals: result.displayDecimals, language: language) } ?? "–"
    }

    private func nodeName(_ i: Int) -> String { Markdown.inline(criteria.nodes[i].displayName(in: language)) }
    private func unitName(_ u: Int) -> String { Markdown.inline(result.units[u].name(in: language)) }

    /// The whole report.
    public var text: String {
        [header, summary, ranking, notRanked, warnings, coverage, methodology]
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    var header: String {
        var out = "# \(Markdown.inline(criteria.name.text(in: language, fallback: criteria.id))) — \(result.period)\n\n"
        if let notice = options.notice { out += "> **\(Markdown.inline(notice))**\n\n" }
        var facts: [String] = []
        let version = criteria.version.map { " \(Markdown.inline($0))" } ?? ""
        facts.append("\(labels.criteriaSet): `\(criteria.id)`\(version)")
        if let source = criteria.source { facts.append("\(labels.source): \(Markdown.inline(source))") }
        if !options.dataSources.isEmpty {
            facts.append("\(labels.data): " + options.dataSources.map(Markdown.inline).joined(separator: ", "))
        }
        out += facts.map { "- \($0)" }.joined(separator: "\n") + "\n\n"
        let run = options.runID.map { " · \(labels.run) \($0)" } ?? ""
        out += "<sub>\(labels.generated) \(options.toolVersion) \(labels.on) \(options.generatedOn)\(run)</sub>\n"
        return out
    }

    var summary: String {
        let order = result.ordering().filter { result.isRanked($0) }
        guard let stats = result.summaryStatistics() else { return "" }
        var out = "## \(labels.summary)\n\n"
        out += "- \(labels.unitsRanked): \(order.count) \(labels.of) \(result.units.count)\n"
        let shown = min(3, order.count)
        let top = order.prefix(shown).map { "\(unitName($0)) (\(number(result.score(node: 0, unit: $0))))" }
        out += "- \(labels.top): " + top.joined(separator: ", ") + "\n"
        if order.count > shown {
            let bottom = order.suffix(shown).map { "\(unitName($0)) (\(number(result.score(node: 0, unit: $0))))" }
            out += "- \(labels.bottom): " + bottom.joined(separator: ", ") + "\n"
        }
        out += "- \(labels.mean): \(number(stats.mean)) (\(labels.median) \(number(stats.median)); "
        out += "\(labels.range) \(number(stats.min))–\(number(stats.max)); \(labels.sd) \(number(stats.sd)))\n"
        return out
    }

    var ranking: String {
        let pillars = result.pillars
        var header = [labels.rank, labels.unit, labels.score]
        var align: [MarkdownTable.Alignment] = [.right, .left, .right]
        for p in pillars {
            header.append(criteria.nodes[p].displayName(in: language))
            align.append(.right)
        }
        header.append(labels.flags)
        align.append(.left)
        var table = MarkdownTable(header: header, alignments: align)
        for u in result.ordering() where result.isRanked(u) {
            var row = [
                result.rank(node: 0, unit: u).map(String.init) ?? "–",
                result.units[u].name(in: language),
                number(result.score(node: 0, unit: u)),
            ]
            for p in pillars {
                let rank = result.rank(node: p, unit: u).map { " (\($0))" } ?? ""
                row.append(number(result.score(node: p, unit: u)) + rank)
            }
            row.append(result.shortFlagSummary(unit: u))
            table.append(row)
        }
        var out = "## \(labels.ranking)\n\n" + table.text
        if !pillars.isEmpty {
            out += "\n" + (language == .en
                ? "Pillar cells show the score and, in brackets, the rank on that pillar."
                : "Các cột trụ cột ghi điểm và, trong ngoặc, thứ hạng theo trụ cột đó.") + "\n"
        }
        out += "\n" + labels.flagsLegend + "\n"
        return out
    }

    var notRanked: String {
        let units = result.ordering().filter { !result.isRanked($0) }
        guard !units.isEmpty else { return "" }
        var table = MarkdownTable(header: [labels.unit, labels.reason])
        for u in units {
            table.append([result.units[u].name(in: language), result.exclusions[u]?.description ?? ""])
        }
        return "## \(labels.notRanked)\n\n" + table.text
    }

    var warnings: String {
        let relevant = result.warnings
        guard !relevant.isEmpty else { return "" }
        let lines = relevant.prefix(50).map { "- " + Markdown.inline($0.description) }
        let more = relevant.count > 50 ? "\n- … \(relevant.count - 50) more" : ""
        return "## \(labels.warnings)\n\n" + lines.joined(separator: "\n") + more + "\n"
    }

    var coverage: String {
        var table = MarkdownTable(
            header: [labels.indicator, labels.unitsWithData, labels.imputed], alignments: [.left, .right, .right])
        let n = result.units.count
        for i in criteria.scoredIndicatorIndices {
            let present = (0..<n).filter { result.rawValue(node: i, unit: $0) != nil }.count
            let imputed = (0..<n).filter { result.flags(node: i, unit: $0).contains(.imputed) }.count
            table.append(["\(criteria.nodes[i].displayName(in: language)) (`\(criteria.nodes[i].id)`)", "\(present) / \(n)", "\(imputed)"])
        }
        return "## \(labels.coverage)\n\n" + table.text
    }

    var methodology: String {
        var out = "## \(labels.methodology)\n\n### \(labels.tree)\n\n"
        out += treeLines(0, indent: 0).joined(separator: "\n") + "\n\n"
        out += "### \(labels.steps)\n\n"
        var table = MarkdownTable(header: [labels.indicator, labels.unitOfMeasure, labels.direction, labels.normalisation, labels.otherSteps])
        for i in criteria.indicatorIndices where criteria.isScored(i) {
            let s = criteria.effectiveSettings(of: i)
            table.append([
                "\(criteria.nodes[i].displayName(in: language)) (`\(criteria.nodes[i].id)`)",
                criteria.nodes[i].unit ?? "",
                s.direction == .lower ? labels.lower : labels.higher,
                MethodText.normalise(s.normalise ?? .minMax, target: criteria.nodes[i].target),
                MethodText.otherSteps(s).joined(separator: "; "),
            ])
        }
        out += table.text + "\n"
        var notes: [String] = []
        notes.append(String(format: labels.scale, DisplayNumber.format(criteria.scale, decimals: 0, language: language)))
        if let p = criteria.precision { notes.append(String(format: labels.precision, p)) } else { notes.append(labels.noRounding) }
        notes.append("\(labels.ties): \(criteria.ties.rawValue).")
        if let screen = criteria.screen {
            notes.append(String(format: labels.screening, DisplayNumber.percent(screen.minCoverage, language: language), screen.basis.rawValue))
        }
        out += notes.map { "- \($0)" }.joined(separator: "\n") + "\n"
        if let setNotes = criteria.notes {
            out += "\n" + setNotes.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + Markdown.inline(String($0)) }.joined(separator: "\n") + "\n"
        }
        return out
    }

    private func treeLines(_ i: Int, indent: Int) -> [String] {
        let node = criteria.nodes[i]
        let pad = String(repeating: "  ", count: indent)
        var facts: [String] = []
        if i != 0 {
            facts.append("\(labels.weight) \(DisplayNumber.format(node.weight, decimals: node.weight == node.weight.rounded() ? 0 : 3, language: language))")
            if criteria.isScored(i) {
                facts.append("\(labels.effectiveWeight) \(DisplayNumber.percent(criteria.effectiveWeight(of: i), language: language))")
            } else {
                facts.append(labels.scoredFalse)
            }
        }
        if !node.isIndicator, let a = criteria.effectiveSettings(of: i).aggregate {
            var text = labels.aggregateName(a.method)
            if a.missing != .reweight { text += ", missing = \(a.missing.rawValue)" }
            if let out = a.outOf { text += ", out of \(DisplayNumber.format(out, decimals: 0, language: language))" }
            facts.append(text)
        }
        var lines = ["\(pad)- **\(nodeName(i))** (`\(node.id)`)" + (facts.isEmpty ? "" : " — " + facts.joined(separator: ", "))]
        for c in node.children { lines += treeLines(c, indent: indent + 1) }
        return lines
    }
}
