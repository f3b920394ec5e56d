/// A unit to create or update in an import; `nil` fields keep what is stored.
public struct UnitUpsert: Sendable, Hashable {
    /// The unit code (primary key), e.g. `"01"`.
    public var code: String
    /// The name in the local language.
    public var name: String?
    /// The English name.
    public var nameEN: String?
    /// The unit type, e.g. `"province"`.
    public var type: String?

    /// Creates a unit upsert.
    public init(code: String, name: String? = nil, nameEN: String? = nil, type: String? = nil) {
        self.code = code
        self.name = name
        self.nameEN = nameEN
        self.type = type
    }
}
