import CityIndexAnalysis
import CityIndexCore

/// A what-it-takes plan as Markdown (for profiles and the `what-it-takes` command).
public struct WhatItTakesText: Sendable {
    /// The result the plan is about.
    public var result: ScoreResult
    /// The plan.
    public var plan: WhatItTakesPlan
    /// The language of labels and numbers.
    public var language: Language

    /// Creates the text.
    public init(result: ScoreResult, plan: WhatItTakesPlan, language: Language) {
        self.result = result
        self.plan = plan
        self.language = language
    }

    /// The plan as a Markdown section under a heading of `headingLevel`.
    public func markdown(headingLevel: Int = 2) -> String {
        let labels = ReportLabels(language: language)
        let hashes = String(repeating: "#", count: max(1, min(6, headingLevel)))
        let name = Markdown.inline(result.units[plan.unit].name(in: language))
        var out = "\(hashes) \(labels.whatItTakes)\n\n"
        if plan.alreadyReached {
            return out + labels.alreadyAtRank(unit: name, rank: plan.currentRank) + "\n"
        }
        let score = plan.targetScore.map { DisplayNumber.format($0, decimals: result.displayDecimals, language: language) } ?? "–"
        out += labels.whatItTakesIntro(unit: name, rank: plan.currentRank, target: plan.targetRank, score: score) + "\n\n"
        if let total = plan.shortlistOf {
            let none = plan.examined >= total ? labels.noIndicatorAlone(of: total) : labels.shortlistNone(examined: plan.examined, of: total)
            out += (plan.answers.isEmpty ? none : labels.shortlist(shown: plan.answers.count, of: total)) + "\n\n"
            if plan.answers.isEmpty { return out }
        }
        var table = MarkdownTable(
            header: [labels.indicator, labels.unitOfMeasure, labels.currentValue, labels.neededValue, labels.change, labels.method],
            alignments: [.left, .left, .right, .right, .right, .left])
        for a in plan.answers {
            let node = result.criteria.nodes[a.indicator]
            let fmt = { (x: Double) in DisplayNumber.format(x, decimals: a.decimals, language: language) }
            let current = a.current.map(fmt) ?? labels.missingNow
            let needed: String, change: String, method: String
            if let v = a.needed {
                needed = fmt(v) + (a.beyondObservedRange ? " †" : "")
                change = a.change.map { DisplayNumber.signed($0, decimals: a.decimals, language: language) } ?? ""
                method = a.method == .exact ? labels.exact : labels.bisection
            } else {
                switch a.obstacle {
                case .noData?: needed = labels.noData
                case .outsideRange?:
                    let range = result.criteria.effectiveSettings(of: a.indicator).range
                    let bounds = range.map { r in
                        [r.min, r.max].map { DisplayNumber.format($0, decimals: WhatItTakes.decimals(of: [$0]), language: language) }
                    }
                    needed = labels.notReachable(within: bounds ?? [])
                default: needed = labels.notReachable
                }
                change = ""
                method = ""
            }
            table.append([MarkdownText.cell(node.displayName(in: language)), MarkdownText.cell(node.unit.text(in: language)), current, needed, change, method])
        }
        out += table.text + "\n" + labels.methodLegend
        if plan.answers.contains(where: \.beyondObservedRange) { out += " † " + labels.beyondObserved + "." }
        return out + "\n"
    }
}
