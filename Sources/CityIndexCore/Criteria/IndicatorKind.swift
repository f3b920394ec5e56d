/// What an indicator's value is, which says how its change over time reads (`kind:` of a node).
///
/// - `share`: a part of a whole in percent (poverty rate, literacy): changes in percentage points.
/// - `rate`: a quantity per another (doctors per 10,000 inhabitants, ‰): changes in its unit.
/// - `level`: an amount (income per capita, GRDP): grows at a compound annual rate.
/// - `count`: a number of things (doctors, enterprises): grows at a compound annual rate.
/// - `index`: a score or index value: changes in points.
///
/// Without `kind:`, reports infer it from the unit of measure (see the README, "Profiles,
/// comparisons and trends").
public enum IndicatorKind: String, Sendable, Hashable, CaseIterable {
    case share, rate, level, count, index

    /// Whether a change over time is read as a compound growth rate (levels and counts), not
    /// as a difference.
    public var grows: Bool { self == .level || self == .count }
}
