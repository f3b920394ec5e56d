/// An aggregation alternative of a sensitivity run, applied at every aggregate node.
public enum AggregationChoice: String, Sendable, Hashable, CaseIterable {
    /// Each node's method as the criteria set writes it.
    case asSet = "set"
    /// Weighted arithmetic mean.
    case arithmetic
    /// Weighted geometric mean; scores at or below zero are raised to the node's floor, else to
    /// 0.1 % of the set's scale.
    case geometric
}
