/// Which pair a correlation row is about.
public enum CorrelationKind: String, Sendable, Hashable, CaseIterable {
    /// Two indicators of the same pillar.
    case withinPillar = "within-pillar"
    /// An indicator and its pillar.
    case indicatorToPillar = "indicator-pillar"
    /// A pillar and the index.
    case pillarToIndex = "pillar-index"
}
