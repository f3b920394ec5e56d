/// A unit attribute to set in an import (`region`, `population`, …); replaces a stored value.
public struct UnitAttributeInput: Sendable, Hashable {
    /// The unit code.
    public var unit: String
    /// The attribute name.
    public var name: String
    /// The value, as text.
    public var value: String

    /// Creates an attribute.
    public init(unit: String, name: String, value: String) {
        self.unit = unit
        self.name = name
        self.value = value
    }
}
