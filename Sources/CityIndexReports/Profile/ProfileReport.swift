import CityIndexAnalysis
import CityIndexCore

/// One unit's page (`profiles/<code>.md`): score and rank at every level, strengths and
/// weaknesses, indicators ranked first, performance group, imputed and combined values (a
/// merged unit names the predecessors it was formed from), what it takes to climb, and the
/// trend when earlier periods are given.
public struct ProfileReport: Sendable {
    /// The result the unit belongs to.
    public var result: ScoreResult
    /// The unit (index in the result).
    public var unit: Int
    /// Shared report settings.
    public var options: ReportOptions
    /// Earlier periods' results (any order), for the trend.
    public var history: [ScoreResult]
    /// What it takes to climb one place (nil: not computed or not ranked).
    public var plan: WhatItTakesPlan?
    /// Whether the radar chart is written beside the profiles (`../charts/radar-<code>.svg`).
    public var linksRadar: Bool

    /// Creates the profile.
    public init(result: ScoreResult, unit: Int, options: ReportOptions, history: [ScoreResult] = [], plan: WhatItTakesPlan? = nil, linksRadar: Bool = false) {
        self.result = result
        self.unit = unit
        self.options = options
        self.history = history
        self.plan = plan
        self.linksRadar = linksRadar
    }

    private var labels: ReportLabels { ReportLabels(language: options.language) }
    private var language: Language { options.language }
    private var criteria: CriteriaSet { result.criteria }
    private func number(_ x: Double?) -> String {
        x.map { DisplayNumber.format($0, decimals: result.displayDecimals, language: language) } ?? "–"
    }
    private var name: String { result.units[unit].name(in: language) }

    /// The sections in order; empty ones are left out.
    public var sections: [String] {
        [header, wheel, linksRadar ? MapFigures(result: result, options: options).profileFigure(unit: unit) : "", levels, strengths, rankedFirst, imputed, whatItTakes, trend]
    }

    /// The whole profile.
    public var text: String { sections.filter { !$0.isEmpty }.joined(separator: "\n") }

    var header: String {
        let setName = criteria.name.text(in: language, fallback: criteria.id)
        var out = "# \(Markdown.inline(name)) — \(labels.profileTitle) \(result.period)\n\n"
        if let notice = options.notice { out += "> **\(Markdown.inline(notice))**\n\n" }
        out += viewLine
        out += "- \(labels.criteriaSet): \(Markdown.inline(setName))\n"
        out += "- \(labels.unit): \(Markdown.inline(name)) (`\(MarkdownText.code(result.units[unit].code))`)\n"
        if !predecessors.isEmpty { out += "- \(labels.mergedFrom): \(predecessorList)\n" }
        if let rank = result.rank(node: 0, unit: unit) {
            out += "- \(labels.score): **\(number(result.score(node: 0, unit: unit)))**, \(labels.rank.lowercased()) **\(rank)** \(labels.of) \(result.rankedCount)\n"
            if let method = options.groups {
                let groups = PerformanceGroups(result: result, method: method)
                if let g = groups.group(of: unit) {
                    out += "- \(labels.performanceGroup): \(Markdown.inline(groups.groups[g].name.text(in: language))) (\(labels.groupsMethodName(method)))\n"
                }
            }
        } else {
            out += "- \(labels.notRanked): \(Markdown.inline(result.exclusions[unit].map(labels.exclusion) ?? ""))\n"
        }
        out += "- \(labels.coverage): \(DisplayNumber.percent(result.coverage[unit], language: language))\n"
        if linksRadar && result.isRanked(unit) {
            out += "\n![\(Markdown.inline(labels.chartRadarTitle + ": " + name))](\(ReportPaths.radarFromProfile(result.units[unit].code)))\n"
        }
        return out
    }

    var levels: String {
        let raw = showsRawFigures
        var table = MarkdownTable(
            header: [labels.node, labels.score, labels.rank, labels.valueAsScored] + (raw ? [labels.rawFigures] : []) + [labels.flags]
                + (showsMarks ? [labels.dataQuality] : []),
            alignments: [.left, .right, .right, .right] + (raw ? [.left] : []) + [.left] + (showsMarks ? [.left] : []))
        for n in criteria.nodes.indices where criteria.isScored(n) {
            let node = criteria.nodes[n]
            let label = MarkdownText.treeLabel(node.displayName(in: language), depth: node.depth)
            let rank = result.rank(node: n, unit: unit).map { "\($0) / \(rankedAt(n))" } ?? "–"
            let indicator = node.isIndicator && n != 0
            let value = indicator ? scoredValue(n) : ""
            table.append(
                [label, number(result.score(node: n, unit: unit)), rank, value] + (raw ? [indicator ? rawFigures(n) : ""] : [])
                    + [labels.flags(result.flags(node: n, unit: unit))] + (showsMarks ? [indicator ? valueMark(n) : ""] : []))
        }
        return "## \(labels.scoresByLevel)\n\n" + table.text
    }

    private func rankedAt(_ n: Int) -> Int { result.units.indices.filter { result.rank(node: n, unit: $0) != nil }.count }

    /// Scored indicators with a rank, best rank first (ties by tree order).
    private var rankedIndicators: [(node: Int, rank: Int)] {
        criteria.scoredIndicatorIndices.compactMap { i in result.rank(node: i, unit: unit).map { (i, $0) } }
            .sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.node < $1.node }
    }

    /// Up to five strengths and five weaknesses, by the rule of ``IndicatorExtremes``.
    var strengths: String {
        guard !rankedIndicators.isEmpty else { return "" }
        let extremes = IndicatorExtremes(result: result, unit: unit, count: 5)
        func table(_ nodes: [Int]) -> String {
            var t = MarkdownTable(header: [labels.indicator, labels.rank, labels.score, labels.valueAsScored], alignments: [.left, .right, .right, .right])
            for n in nodes {
                let node = criteria.nodes[n]
                let scored = scoredValue(n)
                let value = scored.isEmpty ? labels.missingNow : scored
                let rank = result.rank(node: n, unit: unit).map { "\($0) / \(rankedAt(n))" } ?? "–"
                t.append([MarkdownText.cell(node.displayName(in: language)), rank, number(result.score(node: n, unit: unit)), value])
            }
            return t.text
        }
        var out = "## \(labels.strengthsWeaknesses)\n\n### \(labels.strengths)\n\n" + table(extremes.strongest)
        out += "\n### \(labels.weaknesses)\n\n" + (extremes.weakest.isEmpty ? labels.weaknessesNone + "\n" : table(extremes.weakest))
        return out
    }

    var rankedFirst: String {
        let first = rankedIndicators.filter { $0.rank == 1 }
        var out = "## \(labels.rankedFirst)\n\n"
        if first.isEmpty { return out + labels.rankedFirstNone + "\n" }
        out += first.map { "- " + Markdown.inline(criteria.nodes[$0.node].displayName(in: language)) }.joined(separator: "\n") + "\n"
        return out
    }

    var imputed: String {
        var table = MarkdownTable(header: [labels.indicator, labels.flags])
        for i in criteria.scoredIndicatorIndices {
            let f = result.flags(node: i, unit: unit)
            guard f.contains(.imputed) || f.contains(.combined) else { continue }
            var note = labels.flags(f)
            if f.contains(.imputed) { note += " — " + labels.imputedNote }
            table.append([MarkdownText.cell(criteria.nodes[i].displayName(in: language)), note])
        }
        var body = table.rows.isEmpty ? labels.imputedNone + "\n" : table.text
        if !predecessors.isEmpty { body = labels.combinedNote(predecessorList) + "\n\n" + body }
        return "## \(labels.imputedValues)\n\n" + body
    }

    /// The units this one was formed from, whose figures were combined (empty when it was not
    /// merged), in code order.
    var predecessors: [UnitInfo] {
        (result.combinedFrom[unit] ?? []).sorted { $0.code < $1.code }
    }

    /// The predecessors as Markdown: Hà Giang (`02`), Tuyên Quang (`08`).
    private var predecessorList: String {
        predecessors.map { "\(Markdown.inline($0.name(in: language))) (`\(MarkdownText.code($0.code))`)" }.joined(separator: ", ")
    }

    var whatItTakes: String {
        guard let plan else { return "" }
        return WhatItTakesText(result: result, plan: plan, language: language).markdown(headingLevel: 2)
    }

    var trend: String {
        guard !history.isEmpty else { return "" }
        let all = (history + [result]).sorted { $0.period < $1.period }
        let code = result.units[unit].code
        let series = Trend.series(unit: code, node: criteria.root.id, in: all)
        var table = MarkdownTable(header: [labels.period, labels.score, labels.rank], alignments: [.left, .right, .right])
        for p in series { table.append([p.period.description, number(p.score), p.rank.map(String.init) ?? "–"]) }
        return "## \(labels.trend)\n\n" + table.text
    }
}
