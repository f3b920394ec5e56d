/// An administrative unit as the scoring pipeline sees it.
public struct UnitInfo: Sendable, Hashable {
    /// The unit's code (GSO code, ISO3 code …), unique within a run.
    public var code: String
    /// The unit's name in its own language.
    public var name: String
    /// The English name, if known.
    public var nameEN: String?
    /// Unit attributes such as `region`, `population`, `EurAsia_group`.
    public var attributes: [String: String]
    /// What identifies the unit across periods: the code, or the code and the first day in
    /// force where a registry reuses codes (`24@2025-07-01` is not `24@2008-08-01`). Values of
    /// other periods (imputation over time) are taken only from the same identity.
    public var identity: String

    /// Creates a unit.
    public init(code: String, name: String, nameEN: String? = nil, attributes: [String: String] = [:], identity: String? = nil) {
        self.code = code
        self.name = name
        self.nameEN = nameEN
        self.attributes = attributes
        self.identity = identity ?? code
    }

    /// The unit's name in `language` (English falls back to the own name).
    public func name(in language: Language) -> String {
        language == .en ? (nameEN ?? name) : name
    }
}
