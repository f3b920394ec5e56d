import CityIndexCore

/// One score of a run: a unit at a node of the criteria tree in a period.
public struct RunResultRow: Sendable, Hashable {
    /// The period scored.
    public var period: Period
    /// The unit code.
    public var unit: String
    /// The node id (`root`, a pillar, an indicator).
    public var node: String
    /// The score; `nil` when the unit is not scored at this node.
    public var score: Double?
    /// The rank; `nil` when the unit is not ranked.
    public var rank: Int?
    /// Flags as text (imputed, combined, …).
    public var flags: String

    /// Creates a result row.
    public init(period: Period, unit: String, node: String, score: Double?, rank: Int?, flags: String = "") {
        self.period = period
        self.unit = unit
        self.node = node
        self.score = score
        self.rank = rank
        self.flags = flags
    }
}
