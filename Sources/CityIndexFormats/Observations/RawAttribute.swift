/// A unit attribute read from an observation file (a group, a region, a population that is not an indicator).
public struct RawAttribute: Sendable, Hashable {
    /// The unit as written: a code or a name.
    public var unitKey: String
    /// The unit's name when the file gives one.
    public var unitName: String?
    /// The attribute: the column header as written.
    public var name: String
    /// The value as written (trimmed).
    public var value: String
    /// The 1-based line.
    public var line: Int

    /// Creates an attribute.
    public init(unitKey: String, unitName: String?, name: String, value: String, line: Int) {
        self.unitKey = unitKey
        self.unitName = unitName
        self.name = name
        self.value = value
        self.line = line
    }
}
