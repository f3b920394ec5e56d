/// Scoring warnings of one cause, so that a reader sees one line per cause instead of one per
/// unit and period: a denominator missing for every unit gives one group, not a line per value.
///
/// The causes: a denominator (each `denominate.by` missing or zero is its own cause), and each
/// other kind of ``ScoringWarning`` as a whole (indicators without any value, constant
/// indicators, failed imputations, outlier treatment, values without a target). An indicator left without any value in a
/// period because its denominator is missing there is a consequence of that denominator: it
/// goes with the denominator's group (``consequences``), not in a group of its own.
///
/// ```swift
/// let groups = ScoringWarningGroup.grouping(results.flatMap { r in r.warnings.map { (r.period, $0) } })
/// groups[0].count        // 254
/// groups[0].units        // ["01", "02", …], in the order first met
/// ```
public struct ScoringWarningGroup: Sendable, Hashable {
    /// What the warnings of a group have in common.
    public enum Cause: Sendable, Hashable {
        /// ``ScoringWarning/constantIndicator(indicator:value:score:)``.
        case constantIndicator
        /// ``ScoringWarning/unusableDenominator(indicator:unit:denominator:)`` of this denominator.
        case unusableDenominator(denominator: String)
        /// ``ScoringWarning/treated(indicator:method:points:)``.
        case treated
        /// ``ScoringWarning/emptyIndicator(indicator:)`` and ``ScoringWarning/emptyIndicators(_:)``.
        case emptyIndicator
        /// ``ScoringWarning/imputationFailed(indicator:unit:)``.
        case imputationFailed
        /// ``ScoringWarning/missingTargets(indicators:values:)``.
        case missingTargets

        /// The cause of `warning`.
        public init(_ warning: ScoringWarning) {
            switch warning {
            case .constantIndicator: self = .constantIndicator
            case let .unusableDenominator(_, _, denominator): self = .unusableDenominator(denominator: denominator)
            case .treated: self = .treated
            case .emptyIndicator, .emptyIndicators: self = .emptyIndicator
            case .imputationFailed: self = .imputationFailed
            case .missingTargets: self = .missingTargets
            }
        }
    }

    /// One warning of the group, with the period it was raised in.
    public struct Member: Sendable, Hashable {
        /// The period scored.
        public var period: Period
        /// The warning.
        public var warning: ScoringWarning

        /// Creates a member.
        public init(period: Period, warning: ScoringWarning) {
            self.period = period
            self.warning = warning
        }
    }

    /// The cause.
    public var cause: Cause
    /// The warnings, in the order given.
    public var members: [Member]
    /// Warnings that follow from the cause: the indicators a missing denominator left without
    /// any value in a period.
    public var consequences: [Member] = []

    /// How many warnings the group holds.
    public var count: Int { members.count }

    /// The indicators concerned, each once, in the order first met.
    public var indicators: [String] { Self.distinct(members.flatMap { $0.warning.indicators }) }

    /// The units concerned (codes), each once, in the order first met; empty for causes that
    /// concern indicators as a whole.
    public var units: [String] { Self.distinct(members.compactMap { $0.warning.unit }) }

    /// The periods concerned, each once, in order.
    public var periods: [Period] { Self.distinct(members.map(\.period)).sorted() }

    /// Groups `warnings` by cause: groups in the order their first warning comes, warnings in
    /// the order given.
    /// - Complexity: O(n) for n warnings.
    public static func grouping(_ warnings: [(period: Period, warning: ScoringWarning)]) -> [ScoringWarningGroup] {
        var groups: [ScoringWarningGroup] = []
        var index: [Cause: Int] = [:]
        for (period, warning) in warnings {
            let cause = Cause(warning)
            if let k = index[cause] {
                groups[k].members.append(Member(period: period, warning: warning))
            } else {
                index[cause] = groups.count
                groups.append(ScoringWarningGroup(cause: cause, members: [Member(period: period, warning: warning)]))
            }
        }
        // An indicator emptied by its missing denominator belongs to the denominator's group (a
        // warning naming several empty indicators when all of them were emptied so).
        guard let empty = index[.emptyIndicator] else { return groups }
        var kept: [Member] = []
        for m in groups[empty].members {
            let source = groups.indices.first { k in
                guard case .unusableDenominator = groups[k].cause else { return false }
                let emptied = Set(groups[k].members.filter { $0.period == m.period }.flatMap { $0.warning.indicators })
                return m.warning.indicators.allSatisfy(emptied.contains)
            }
            if let source { groups[source].consequences.append(m) } else { kept.append(m) }
        }
        groups[empty].members = kept
        return groups.filter { !$0.members.isEmpty }
    }

    /// Creates a group.
    public init(cause: Cause, members: [Member]) {
        self.cause = cause
        self.members = members
    }

    private static func distinct<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}

extension ScoringWarning {
    /// The indicators the warning is about.
    public var indicators: [String] {
        switch self {
        case let .constantIndicator(indicator, _, _), let .unusableDenominator(indicator, _, _), let .treated(indicator, _, _),
            let .emptyIndicator(indicator), let .imputationFailed(indicator, _):
            return [indicator]
        case let .emptyIndicators(ids), let .missingTargets(ids, _):
            return ids
        }
    }

    /// The unit (code) the warning is about, nil when it concerns indicators as a whole.
    public var unit: String? {
        switch self {
        case let .unusableDenominator(_, unit, _), let .imputationFailed(_, unit): return unit
        case .constantIndicator, .treated, .emptyIndicator, .emptyIndicators, .missingTargets: return nil
        }
    }
}
