import CityIndexCore
import Foundation

/// `report.md`: the ranking for people, with its summary, groups, charts, caveats and
/// methodology (DESIGN §8).
///
/// The report is a list of sections (`sections`), each a piece of Markdown that ends with a
/// line break; add a section by adding it to that list.
public struct MarkdownReport: Sendable {
    /// The result to report.
    public var result: ScoreResult
    /// Shared report settings.
    public var options: ReportOptions
    /// The comparison with an earlier period (rank change, movers), if any.
    public var comparison: PeriodComparison?
    /// Earlier periods' results (any order), for trends; empty for none.
    public var history: [ScoreResult]

    /// Creates the report.
    public init(result: ScoreResult, options: ReportOptions, comparison: PeriodComparison? = nil, history: [ScoreResult] = []) {
        self.result = result
        self.options = options
        self.comparison = comparison
        self.history = history
    }

    var labels: ReportLabels { ReportLabels(language: options.language) }
    var language: Language { options.language }
    var criteria: CriteriaSet { result.criteria }

    func number(_ x: Double?) -> String {
        x.map { DisplayNumber.format($0, decimals: result.displayDecimals, language: language) } ?? "–"
    }

    private func nodeName(_ i: Int) -> String { Markdown.inline(criteria.nodes[i].displayName(in: language)) }
    private func unitName(_ u: Int) -> String { Markdown.inline(result.units[u].name(in: language)) }

    /// The sections in order; empty ones are left out.
    public var sections: [String] {
        [header, summary, MapFigures(result: result, options: options).section, ranking, movers, groups, charts, wheel, notRanked, warnings, dataQuality, coverage, targets, methodology]
    }

    /// The whole report.
    public var text: String {
        sections.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    var header: String {
        var out = "# \(Markdown.inline(criteria.name.text(in: language, fallback: criteria.id))) — \(result.period)\n\n"
        if let notice = options.notice { out += "> **\(Markdown.inline(notice))**\n\n" }
        out += viewLine
        if let description = criteria.description.nonEmpty(in: language) { out += Markdown.inline(description) + "\n\n" }
        var facts: [String] = []
        let version = criteria.version.map { " \(Markdown.inline($0))" } ?? ""
        facts.append("\(labels.criteriaSet): `\(MarkdownText.code(criteria.id))`\(version)")
        if let source = criteria.source.nonEmpty(in: language) { facts.append("\(labels.source): \(Markdown.inline(source))") }
        if !options.dataSources.isEmpty {
            facts.append("\(labels.data): " + options.dataSources.map(Markdown.inline).joined(separator: ", "))
        }
        out += facts.map { "- \($0)" }.joined(separator: "\n") + "\n\n"
        let run = options.runKey.map { " · \(labels.runKey) \(Markdown.inline(String($0.prefix(12))))" } ?? ""
        out += "<sub>\(labels.generated) \(Markdown.inline(options.toolVersion)) \(labels.on) \(Markdown.inline(options.generatedOn))\(run)</sub>\n"
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
        if let comparison {
            header.append(changeHeader(comparison))
            align.append(.right)
        }
        for p in pillars {
            header.append(MarkdownText.cell(criteria.nodes[p].displayName(in: language)))
            align.append(.right)
        }
        header.append(labels.flags)
        align.append(.left)
        var table = MarkdownTable(header: header, alignments: align)
        for u in result.ordering() where result.isRanked(u) {
            var row = [
                result.rank(node: 0, unit: u).map(String.init) ?? "–",
                unitCell(u),
                number(result.score(node: 0, unit: u)),
            ]
            if let comparison { row.append(changeCell(comparison, unit: u)) }
            for p in pillars {
                let rank = result.rank(node: p, unit: u).map { " (\($0))" } ?? ""
                row.append(number(result.score(node: p, unit: u)) + rank)
            }
            row.append(labels.flagCell(result, unit: u))
            table.append(row)
        }
        var out = "## \(labels.ranking)\n\n" + table.text
        if !pillars.isEmpty { out += "\n" + labels.pillarsLegend + "\n" }
        out += "\n" + labels.flagsLegend + "\n"
        return out
    }

    /// A unit's name in a table cell, linked to its profile when profiles are written.
    func unitCell(_ u: Int) -> String {
        let name = result.units[u].name(in: language)
        guard options.profiles else { return MarkdownText.cell(name) }
        return MarkdownText.link(name, ReportPaths.profile(result.units[u].code))
    }

    var groups: String {
        guard let method = options.groups else { return "" }
        let grouping = PerformanceGroups(result: result, method: method)
        var table = MarkdownTable(header: [labels.group, labels.lowestScore, labels.units], alignments: [.left, .right, .left])
        for g in grouping.groups {
            let names = g.units.map { MarkdownText.cell(result.units[$0].name(in: language)) }
            table.append([
                g.name.text(in: language) + " (\(g.units.count))", number(g.units.map { result.score(node: 0, unit: $0) ?? 0 }.min()),
                names.isEmpty ? "–" : names.joined(separator: ", "),
            ])
        }
        return "## \(labels.groups)\n\n" + labels.groupsMethod(method) + "\n\n" + table.text
    }

    var charts: String {
        guard options.charts, result.rankedCount > 0 else { return "" }
        var out = "## \(labels.charts)\n\n"
        out += "![\(Markdown.inline(labels.chartRankingTitle))](\(ReportPaths.rankingChart))\n\n"
        out += labels.chartRankingCaption + "\n\n"
        if !result.pillars.isEmpty { out += "![\(Markdown.inline(labels.chartHeatTitle))](\(ReportPaths.heatChart))\n\n" }
        if !history.isEmpty { out += "![\(Markdown.inline(labels.chartTrendTitle))](\(ReportPaths.trendChart))\n\n" }
        if options.profiles {
            out += labels.profilesHint + "\n"
        }
        return out
    }

    var notRanked: String {
        let units = result.ordering().filter { !result.isRanked($0) }
        guard !units.isEmpty else { return "" }
        var table = MarkdownTable(header: [labels.unit, labels.reason])
        for u in units {
            table.append([MarkdownText.cell(result.units[u].name(in: language)), result.exclusions[u].map(labels.exclusion) ?? ""])
        }
        return "## \(labels.notRanked)\n\n" + table.text
    }

    /// Notes on the data: the scoring warnings, one line per cause, then every one of them.
    var warnings: String { DataNotesSection(result: result, language: language).text }

    /// The data-quality levels and verified flags the data states, when it states any.
    var dataQuality: String { DataQualitySection(result: result, marks: options.valueMarks, language: language).text }

    var coverage: String {
        var table = MarkdownTable(
            header: [labels.indicator, labels.unitsWithData, labels.imputed], alignments: [.left, .right, .right])
        let n = result.units.count
        for i in criteria.scoredIndicatorIndices {
            let present = (0..<n).filter { result.rawValue(node: i, unit: $0) != nil }.count
            let imputed = (0..<n).filter { result.flags(node: i, unit: $0).contains(.imputed) }.count
            table.append(["\(MarkdownText.cell(criteria.nodes[i].displayName(in: language))) (`\(MarkdownText.code(criteria.nodes[i].id))`)", "\(present) / \(n)", "\(imputed)"])
        }
        return "## \(labels.coverage)\n\n" + table.text
    }

    var methodology: String {
        var out = "## \(labels.methodology)\n\n### \(labels.tree)\n\n"
        out += treeLines(0, indent: 0).joined(separator: "\n") + "\n\n"
        out += "### \(labels.stepsTitle)\n\n"
        out += MethodText(criteria: criteria, language: language, groups: options.groups, period: result.period)
            .stepList.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n") + "\n\n"
        out += "### \(labels.steps)\n\n"
        var table = MarkdownTable(header: [labels.indicator, labels.unitOfMeasure, labels.direction, labels.normalisation, labels.otherSteps, labels.source])
        let text = MethodText(criteria: criteria, language: language, groups: options.groups, period: result.period)
        for i in criteria.indicatorIndices where criteria.isScored(i) {
            let s = criteria.effectiveSettings(of: i)
            table.append([
                "\(MarkdownText.cell(criteria.nodes[i].displayName(in: language))) (`\(MarkdownText.code(criteria.nodes[i].id))`)",
                MarkdownText.cell(criteria.nodes[i].unit.text(in: language)),
                s.direction == .lower ? labels.lower : labels.higher,
                text.normalise(s.normalise ?? .minMax, target: criteria.nodes[i].target),
                text.otherSteps(s).joined(separator: "; "),
                MarkdownText.cell(criteria.nodes[i].source.text(in: language)),
            ])
        }
        out += table.text + "\n"
        var notes: [String] = []
        notes.append(String(format: labels.scale, DisplayNumber.format(criteria.scale, decimals: 0, language: language)))
        if let p = criteria.precision { notes.append(String(format: labels.precision, p)) } else { notes.append(labels.noRounding) }
        notes.append("\(labels.ties): \(labels.ties(criteria.ties)).")
        if let screen = criteria.screen {
            notes.append(String(format: labels.screening, DisplayNumber.percent(screen.minCoverage, language: language), labels.screenBasis(screen.basis)))
        }
        out += notes.map { "- \($0)" }.joined(separator: "\n") + "\n"
        if let setNotes = criteria.notes.nonEmpty(in: language) {
            out += "\n" + setNotes.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + Markdown.inline(String($0)) }.joined(separator: "\n") + "\n"
        }
        out += "\n### \(labels.dataSources)\n\n"
        let sources = options.dataSources + Array(Set(criteria.indicatorIndices.compactMap { criteria.nodes[$0].source.nonEmpty(in: language) })).sorted()
        out += (sources.isEmpty ? "- –" : sources.map { "- " + Markdown.inline($0) }.joined(separator: "\n")) + "\n\n"
        out += "### \(labels.coverage)\n\n"
        let ranked = result.units.indices.filter { result.isRanked($0) }
        let meanCoverage = Statistics.mean(result.coverage) ?? 0
        let full = result.units.indices.filter { result.coverage[$0] >= 1 - 1e-12 }.count
        out += "- \(labels.coverageSummary): \(DisplayNumber.percent(meanCoverage, language: language)) (\(labels.fullCoverage): \(full) \(labels.of) \(result.units.count))\n"
        out += "- \(labels.unitsRanked): \(ranked.count) \(labels.of) \(result.units.count)\n"
        let excluded = result.ordering().filter { !result.isRanked($0) }
        if excluded.isEmpty {
            out += "- \(labels.notRankedNone)\n"
        } else {
            for u in excluded {
                out += "- \(labels.notRanked): \(unitName(u)) — \(Markdown.inline(result.exclusions[u].map(labels.exclusion) ?? ""))\n"
            }
        }
        out += "\n### \(labels.runDetails)\n\n"
        out += "- \(labels.toolVersion): CityIndex \(Markdown.inline(options.toolVersion))\n"
        out += "- \(labels.criteriaSet): `\(MarkdownText.code(criteria.id))`" + (criteria.version.map { " \(Markdown.inline($0))" } ?? "") + "\n"
        out += "- \(labels.period): \(result.period)\n"
        if let key = options.runKey { out += "- \(labels.runKey): `\(MarkdownText.code(key))`\n" }
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
                facts.append(criteria.view?.leftOut.contains(node.id) == true ? labels.outsideView : labels.scoredFalse)
            }
        }
        if !node.isIndicator, let a = criteria.effectiveSettings(of: i).aggregate {
            var text = labels.aggregateName(a.method)
            if a.missing != .reweight { text += ", " + labels.missing(a.missing) }
            if let out = a.outOf { text += ", " + labels.outOf(NumberKind.value.text(out, language: language)) }
            if a.over == .indicators { text += ", " + labels.overIndicators }
            facts.append(text)
        }
        var lines = ["\(pad)- **\(nodeName(i))** (`\(MarkdownText.code(node.id))`)" + (facts.isEmpty ? "" : " — " + facts.joined(separator: ", "))]
        for c in node.children { lines += treeLines(c, indent: indent + 1) }
        return lines
    }
}
