import CityIndexCore

/// One value to import, with the place in the source file it came from.
public struct ObservationInput: Sendable, Hashable {
    /// The unit code.
    public var unit: String
    /// The indicator id.
    public var indicator: String
    /// The period.
    public var period: Period
    /// The value; must be finite.
    public var value: Double
    /// Where the value was published, if known.
    public var source: String?
    /// A free note.
    public var note: String?
    /// The data-quality level and verified flag stated for the value.
    public var mark: ValueMark
    /// 1-based line in the source file.
    public var line: Int
    /// 1-based column in the source file.
    public var column: Int

    /// Creates an observation.
    public init(
        unit: String, indicator: String, period: Period, value: Double,
        source: String? = nil, note: String? = nil, mark: ValueMark = ValueMark(), line: Int, column: Int
    ) {
        self.unit = unit
        self.indicator = indicator
        self.period = period
        self.value = value
        self.source = source
        self.note = note
        self.mark = mark
        self.line = line
        self.column = column
    }
}
