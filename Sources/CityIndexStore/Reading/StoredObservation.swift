import CityIndexCore

/// A value as stored, with the import that wrote it.
public struct StoredObservation: Sendable, Hashable {
    /// The unit code.
    public var unit: String
    /// The indicator id.
    public var indicator: String
    /// The period.
    public var period: Period
    /// The value.
    public var value: Double
    /// Where it was published.
    public var source: String?
    /// A free note.
    public var note: String?
    /// The data-quality level and verified flag stated for it.
    public var mark: ValueMark
    /// The import that wrote the current value.
    public var importID: Int64

    /// Creates a stored observation.
    public init(
        unit: String, indicator: String, period: Period, value: Double,
        source: String?, note: String?, mark: ValueMark = ValueMark(), importID: Int64
    ) {
        self.unit = unit
        self.indicator = indicator
        self.period = period
        self.value = value
        self.source = source
        self.note = note
        self.mark = mark
        self.importID = importID
    }
}
