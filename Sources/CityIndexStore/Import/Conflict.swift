import CityIndexCore

/// An imported value that differs from the stored one for the same unit, indicator and period.
public struct Conflict: Sendable, Hashable, CustomStringConvertible {
    /// The file being imported.
    public var fileName: String
    /// 1-based line of the new value.
    public var line: Int
    /// 1-based column of the new value.
    public var column: Int
    /// The unit code (NFC).
    public var unit: String
    /// The indicator id (NFC).
    public var indicator: String
    /// The period.
    public var period: Period
    /// The value in the store (or earlier in the same file).
    public var storedValue: Double
    /// The value being imported.
    public var newValue: Double
    /// Whether the stored value came from earlier in the same file: `--replace` does not apply.
    public var isWithinFile: Bool

    /// Creates a conflict.
    public init(
        fileName: String, line: Int, column: Int, unit: String, indicator: String,
        period: Period, storedValue: Double, newValue: Double, isWithinFile: Bool = false
    ) {
        self.fileName = fileName
        self.line = line
        self.column = column
        self.unit = unit
        self.indicator = indicator
        self.period = period
        self.storedValue = storedValue
        self.newValue = newValue
        self.isWithinFile = isWithinFile
    }

    public var description: String {
        let stored = isWithinFile ? "earlier in the file" : "stored"
        return "\(fileName):\(line):\(column): \(unit) / \(indicator) / \(period): "
            + "\(stored) \(storedValue), new \(newValue)"
    }
}
