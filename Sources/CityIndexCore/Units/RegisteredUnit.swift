/// A unit as a registry lists it: a code *with its validity* (DESIGN §5). Codes are reused
/// across reorganisations (24 is Bắc Giang until 30 June 2025 and the new Bắc Ninh after), so a
/// code alone does not name a unit; a code and a day do.
public struct RegisteredUnit: Sendable, Hashable {
    /// The unit, with its names and attributes.
    public var unit: UnitInfo
    /// First day in force (`YYYY-MM-DD`), nil for always.
    public var validFrom: String?
    /// Last day in force (`YYYY-MM-DD`), nil for still in force.
    public var validTo: String?
    /// Codes of the units this one became part of.
    public var successors: [String]
    /// The registry file that lists it.
    public var registry: String

    /// Creates an entry.
    public init(unit: UnitInfo, validFrom: String? = nil, validTo: String? = nil, successors: [String] = [], registry: String = "") {
        self.unit = unit
        self.validFrom = validFrom
        self.validTo = validTo
        self.successors = successors
        self.registry = registry
    }

    /// Whether the unit is in force on `day` (`YYYY-MM-DD`).
    public func isInForce(on day: String) -> Bool {
        (validFrom.map { $0 <= day } ?? true) && (validTo.map { $0 >= day } ?? true)
    }

    /// Whether the unit was in force during any part of `period`.
    public func isValid(in period: Period) -> Bool {
        (validFrom.map { $0 <= period.lastDay } ?? true) && (validTo.map { $0 >= period.firstDay } ?? true)
    }

    /// Whether this unit and `other` were ever in force on the same day: units that never
    /// coexisted belong to two bases (before and after a reorganisation).
    public func coexists(with other: RegisteredUnit) -> Bool {
        let startsBeforeOtherEnds = validFrom.map { from in other.validTo.map { from <= $0 } ?? true } ?? true
        let otherStartsBeforeThisEnds = other.validFrom.map { from in validTo.map { from <= $0 } ?? true } ?? true
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds
    }

    /// The unit with its identity across time (``UnitInfo/identity``): the code and the first
    /// day in force.
    public var identifiedUnit: UnitInfo {
        var u = unit
        u.identity = unit.code + "@" + (validFrom ?? "")
        return u
    }

    /// `24 Bắc Giang (in force 2008-08-01 to 2025-06-30)`: the code, the name and the validity,
    /// as errors and notes name a unit.
    public var label: String { "\(unit.code) \(unit.name) (\(validity))" }

    /// `in force 2008-08-01 to 2025-06-30`, `in force from 2025-07-01`, `always in force`.
    public var validity: String {
        switch (validFrom, validTo) {
        case let (from?, to?): "in force \(from) to \(to)"
        case let (from?, nil): "in force from \(from)"
        case let (nil, to?): "in force until \(to)"
        case (nil, nil): "always in force"
        }
    }
}
