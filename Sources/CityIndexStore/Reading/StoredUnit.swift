/// A unit as stored.
public struct StoredUnit: Sendable, Hashable {
    /// The code.
    public var code: String
    /// The local name.
    public var name: String?
    /// The English name.
    public var nameEN: String?
    /// The type.
    public var type: String?
    /// Attributes by name.
    public var attributes: [String: String]

    /// Creates a stored unit.
    public init(code: String, name: String?, nameEN: String?, type: String?, attributes: [String: String]) {
        self.code = code
        self.name = name
        self.nameEN = nameEN
        self.type = type
        self.attributes = attributes
    }
}
