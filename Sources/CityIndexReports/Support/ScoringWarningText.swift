import CityIndexCore

/// Scoring warnings as people read them: one line per cause (``ScoringWarningGroup``) with a
/// count and the first indicators, units and periods concerned, or every warning on its own
/// line (the full list: the report's data notes, `--verbose`).
///
/// ```swift
/// let text = ScoringWarningText(language: .en, unitName: { names[$0] })
/// text.summary(ScoringWarningGroup.grouping(warnings), periods: true)
/// // ["denominator \"population\" is missing or zero for 254 values (2 indicators: …): each is treated as missing"]
/// ```
public struct ScoringWarningText: Sendable {
    /// The language of the lines.
    public var language: Language
    /// A unit's name by code, shown after the code where known (`01 Hà Nội`).
    public var unitName: @Sendable (String) -> String?
    /// How many items of a list are named before "and N more".
    public var listed: Int

    /// Creates the text; `unitName` gives a unit's name by code.
    public init(language: Language, listed: Int = 5, unitName: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.language = language
        self.listed = listed
        self.unitName = unitName
    }

    private var labels: ReportLabels { ReportLabels(language: language) }

    /// One line per group; `periods`: say which periods (when more than one was scored).
    public func summary(_ groups: [ScoringWarningGroup], periods: Bool) -> [String] {
        groups.map { line($0, periods: periods) }
    }

    /// Every warning on its own line, prefixed with its period when `periods`.
    public func fullList(_ groups: [ScoringWarningGroup], periods: Bool) -> [String] {
        groups.flatMap { g in (g.members + g.consequences).map { (periods ? "\($0.period): " : "") + single($0.warning) } }
    }

    /// The line of one group: the warning itself when it is alone.
    public func line(_ group: ScoringWarningGroup, periods: Bool) -> String {
        if group.count == 1, group.consequences.isEmpty, let only = group.members.first {
            return (periods ? "\(only.period): " : "") + single(only.warning)
        }
        let indicators = list(group.indicators, what: labels.indicatorsWord)
        switch group.cause {
        case let .unusableDenominator(denominator):
            let line = labels.denominatorGroup(denominator, count: group.count, details: details(group, indicators: indicators, periods: periods))
            guard !group.consequences.isEmpty else { return line }
            var emptied = group
            emptied.members = group.consequences
            return line + labels.leavesEmpty(count: emptied.indicators.count, list: byIndicator(emptied, periods: periods))
        case .imputationFailed:
            return labels.imputationGroup(count: group.count, details: details(group, indicators: indicators, periods: periods))
        case .emptyIndicator:
            return labels.emptyIndicatorGroup(count: group.indicators.count, list: byIndicator(group, periods: periods))
        case .constantIndicator:
            return labels.constantIndicatorGroup(count: group.indicators.count, list: byIndicator(group, periods: periods))
        case .treated:
            return labels.treatedGroup(count: group.indicators.count, list: byIndicator(group, periods: periods))
        case .missingTargets:
            let values = group.members.reduce(0) { n, m in if case let .missingTargets(_, v) = m.warning { n + v } else { n } }
            return labels.missingTargetsGroup(count: group.indicators.count, values: values, list: byIndicator(group, periods: periods))
        }
    }

    /// One warning in the language.
    func single(_ warning: ScoringWarning) -> String {
        language == .vi ? labels.warning(warning) : warning.description
    }

    /// `2 indicators: a, b; 63 units: 01 Hà Nội, …; periods 2014, 2016`.
    private func details(_ group: ScoringWarningGroup, indicators: String, periods: Bool) -> String {
        var parts = ["\(group.indicators.count) \(labels.indicatorsWord): \(indicators)"]
        let units = group.units
        parts.append("\(units.count) \(labels.unitsWord): " + list(units.map(unitLabel), what: labels.unitsWord))
        if periods { parts.append("\(labels.periodsWord) " + group.periods.map(\.description).joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    /// The indicators of a group, each with its periods when `periods` (`a (2011, 2013), b (2011)`).
    private func byIndicator(_ group: ScoringWarningGroup, periods: Bool) -> String {
        let items = group.indicators.map { indicator in
            guard periods else { return indicator }
            let when = group.members.filter { $0.warning.indicators.contains(indicator) }.map(\.period.description)
            return "\(indicator) (\(when.joined(separator: ", ")))"
        }
        return list(items, what: labels.indicatorsWord)
    }

    private func unitLabel(_ code: String) -> String {
        unitName(code).map { $0 == code ? code : "\(code) \($0)" } ?? code
    }

    /// The first ``listed`` items, then "and N more".
    private func list(_ items: [String], what: String) -> String {
        let shown = items.prefix(listed).joined(separator: ", ")
        return items.count > listed ? shown + " " + labels.andMore(items.count - listed, what: what) : shown
    }
}
