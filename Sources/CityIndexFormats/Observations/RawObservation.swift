import CityIndexCore

/// One value read from an observation file, before units are matched against a registry.
public struct RawObservation: Sendable, Hashable {
    /// The unit as written: a code or a name.
    public var unitKey: String
    /// The unit's name when the file gives one.
    public var unitName: String?
    /// The indicator id (canonical spelling when it matched the criteria set ignoring case).
    public var indicator: String
    /// The period.
    public var period: Period
    /// The value (always finite).
    public var value: Double
    /// The source column of a long file, when present and not empty.
    public var source: String?
    /// The note column of a long file, when present and not empty.
    public var note: String?
    /// The data-quality level and verified flag the row states (nil: not stated).
    public var mark: ValueMark
    /// The 1-based line of the value.
    public var line: Int
    /// The 1-based character column of the value.
    public var column: Int

    /// Creates an observation.
    public init(
        unitKey: String, unitName: String?, indicator: String, period: Period, value: Double,
        source: String? = nil, note: String? = nil, mark: ValueMark = ValueMark(), line: Int, column: Int
    ) {
        self.unitKey = unitKey
        self.unitName = unitName
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
