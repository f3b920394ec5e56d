/// One target of a targets file: the value an indicator should reach, for every unit and period
/// or for one unit and/or one period, and where it comes from.
public struct TargetEntry: Sendable, Hashable {
    /// The indicator's id.
    public var indicator: String
    /// The administrative unit (code or name, as written) the target is for; nil for every unit.
    public var unit: String?
    /// The period the target is for; nil for every period.
    public var period: Period?
    /// The target, in the indicator's unit of measure.
    public var target: Double
    /// Where the target comes from (a plan, a decision, "illustrative" …), as written.
    public var source: String
    /// A free note.
    public var note: String?
    /// Where the entry was written (`targets.csv:12:1`).
    public var place: SourcePlace

    /// Creates an entry.
    public init(indicator: String, unit: String? = nil, period: Period? = nil, target: Double, source: String, note: String? = nil, place: SourcePlace) {
        self.indicator = indicator
        self.unit = unit
        self.period = period
        self.target = target
        self.source = source
        self.note = note
        self.place = place
    }

    /// How specific the entry is: 3 for a unit and a period, 2 for a unit, 1 for a period, 0 for neither.
    public var specificity: Int { (unit == nil ? 0 : 2) + (period == nil ? 0 : 1) }

    /// Whether the entry applies to `unit` (by code, ignoring case, or by name as units are
    /// matched in data files) in `period`.
    public func applies(to unit: UnitInfo, in period: Period) -> Bool {
        if let p = self.period, p != period { return false }
        guard let written = self.unit else { return true }
        if written.lowercased() == unit.code.lowercased() { return true }
        let key = UnitNameKey.key(written)
        return [unit.name, unit.nameEN].compactMap { $0 }.contains { UnitNameKey.key($0) == key }
    }
}
