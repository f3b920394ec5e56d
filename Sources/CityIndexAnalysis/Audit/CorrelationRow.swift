/// The Pearson and Spearman correlations of two score columns over the units that have both.
public struct CorrelationRow: Sendable, Hashable {
    /// Which pair this is.
    public var kind: CorrelationKind
    /// The pillar the pair belongs to.
    public var pillar: String
    /// The two nodes.
    public var first: String
    public var second: String
    /// Units with both scores.
    public var count: Int
    /// Pearson's r and Spearman's ρ (Pearson on mean ranks); NaN when undefined.
    public var pearson: Double
    public var spearman: Double
    /// `negative` (r < 0 within a pillar), `redundant` (r > 0.92 within a pillar).
    public var flags: [String]
}
