import CityIndexCore

/// A row that names a unit in a period but gives none of its values (every value cell empty or
/// `NA`, or a long row whose value is missing): the unit takes part in the period without data.
public struct RawEmptyRow: Sendable, Hashable {
    /// The unit as written: a code or a name.
    public var unitKey: String
    /// The unit's name when the file gives one.
    public var unitName: String?
    /// The period of the row.
    public var period: Period
    /// The 1-based line (the row number in a sheet).
    public var line: Int

    /// Creates a row.
    public init(unitKey: String, unitName: String?, period: Period, line: Int) {
        self.unitKey = unitKey
        self.unitName = unitName
        self.period = period
        self.line = line
    }
}
