import CityIndexCore

/// A unit a file names in a period without giving any of its values (a row of missing values):
/// it takes part in the period, not ranked for want of data.
public struct UnitPeriodInput: Sendable, Hashable {
    /// The unit's code.
    public var unit: String
    /// The period the row is for.
    public var period: Period

    /// Creates an entry.
    public init(unit: String, period: Period) {
        self.unit = unit
        self.period = period
    }
}
