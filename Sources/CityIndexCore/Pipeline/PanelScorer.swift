/// Scores several periods of one criteria set together, so that normalisation bounds can be
/// frozen on a reference period or pooled over the panel, and imputation can look across
/// periods (DESIGN §3 steps 3, 7 and 10).
///
/// ```swift
/// let results = try PanelScorer(criteria: set).score(periods: [.year(2024), .year(2025)], panel: data)
/// ```
public struct PanelScorer: Sendable {
    /// The criteria set.
    public let criteria: CriteriaSet

    /// Creates a panel scorer.
    public init(criteria: CriteriaSet) {
        self.criteria = criteria
    }

    /// The frozen bounds the set asks for, computed from `panel`.
    /// - Throws: `ScoringError.referencePeriodMissing` when a reference period has no data.
    public func bounds(panel: [PeriodData]) throws -> [String: IndicatorBounds] {
        let scorer = Scorer(criteria: criteria)
        let context = ScoringContext(panel: panel)
        var inputs: [Period: [String: [Double]]] = [:]
        func input(_ period: Period) throws -> [String: [Double]] {
            if let cached = inputs[period] { return cached }
            guard let data = panel.first(where: { $0.period == period }) else {
                throw ScoringError.referencePeriodMissing(period: period.description)
            }
            let values = try scorer.normalisationInput(data, context: context)
            inputs[period] = values
            return values
        }
        var bounds: [String: IndicatorBounds] = [:]
        for i in criteria.scoredIndicatorIndices {
            let s = criteria.effectiveSettings(of: i)
            let id = criteria.nodes[i].id
            switch s.normalise ?? .minMax {
            case .minMax, .zScore: break
            default: continue
            }
            switch s.bounds ?? .period {
            case .period:
                continue
            case let .fixed(p):
                bounds[id] = IndicatorBounds(values: try input(p)[id] ?? [], reference: .fixed(p))
            case .panel:
                let pooled = try panel.map(\.period).flatMap { try input($0)[id] ?? [] }
                bounds[id] = IndicatorBounds(values: pooled, reference: .panel)
            }
        }
        return bounds
    }

    /// Scores `periods`, with the whole `panel` (which must include them) as context.
    public func score(periods: [Period], panel: [PeriodData]) throws -> [ScoreResult] {
        let context = ScoringContext(panel: panel, bounds: try bounds(panel: panel))
        let scorer = Scorer(criteria: criteria)
        return try periods.sorted().map { period in
            guard let data = panel.first(where: { $0.period == period }) else {
                throw ScoringError.noData(period: period.description)
            }
            return try scorer.score(data, context: context)
        }
    }
}
