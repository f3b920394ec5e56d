/// The observations of one period as a dense unit × indicator matrix.
///
/// Values are stored column by column (one indicator after another); a missing value is NaN.
public struct PeriodData: Sendable {
    /// The period.
    public var period: Period
    /// The units, in the order of the matrix rows.
    public var units: [UnitInfo]
    /// The indicator ids, in the order of the matrix columns.
    public private(set) var indicators: [String]
    /// The values, `values[column * units.count + unit]`; NaN is missing.
    public private(set) var values: [Double]
    /// Flags carried with values (same layout as `values`), such as `.combined`; empty for none.
    public var flags: [ScoreFlags] = []
    private var columnOf: [String: Int]

    /// Creates an empty matrix (every value missing).
    public init(period: Period, units: [UnitInfo], indicators: [String]) {
        self.period = period
        self.units = units
        self.indicators = indicators
        self.values = [Double](repeating: .nan, count: units.count * indicators.count)
        var map: [String: Int] = [:]
        for (i, id) in indicators.enumerated() where map[id] == nil { map[id] = i }
        self.columnOf = map
    }

    /// Creates a matrix from its values, laid out as ``values`` (NaN for missing): what a
    /// columnar store read hands over without a copy per value.
    ///
    /// - Precondition: `values.count == units.count * indicators.count`.
    public init(period: Period, units: [UnitInfo], indicators: [String], values: [Double]) {
        precondition(values.count == units.count * indicators.count, "PeriodData: values do not fill the matrix")
        self.init(period: period, units: [], indicators: indicators)
        self.units = units
        self.values = values
    }

    /// The column of indicator `id`.
    public func column(of id: String) -> Int? { columnOf[id] }

    /// The value of `indicator` (a column) for `unit` (a row), nil when missing.
    public func value(unit: Int, column: Int) -> Double? {
        let v = values[column * units.count + unit]
        return v.isNaN ? nil : v
    }

    /// Sets a value (nil makes it missing).
    public mutating func set(_ value: Double?, unit: Int, column: Int) {
        values[column * units.count + unit] = value ?? .nan
    }

    /// Adds `flag` to a value's flags.
    public mutating func mark(_ flag: ScoreFlags, unit: Int, column: Int) {
        if flags.isEmpty { flags = [ScoreFlags](repeating: [], count: values.count) }
        flags[column * units.count + unit].insert(flag)
    }

    /// The flags carried with a value.
    public func flags(unit: Int, column: Int) -> ScoreFlags {
        flags.isEmpty ? [] : flags[column * units.count + unit]
    }

    /// The whole column of `id` (NaN for missing), or nil when the indicator is absent.
    public func columnValues(_ id: String) -> ArraySlice<Double>? {
        guard let c = columnOf[id] else { return nil }
        let n = units.count
        return values[(c * n)..<(c * n + n)]
    }
}
