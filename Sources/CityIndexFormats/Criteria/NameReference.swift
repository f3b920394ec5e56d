import CityIndexCore

/// A name a criteria set refers to outside its own tree: the `by` of `denominate`, `impute`
/// (group-mean) and `combine`, which name an indicator of the set or a unit attribute (a
/// registry column such as `population`, or a data column such as `region`).
///
/// Loading records every reference with its place, so a typo (`populaton`) is refused when
/// the set loads, naming `file:line:column`, the criteria path and the nearest correct name,
/// instead of surfacing as one warning per unit when data are scored.
public struct NameReference: Sendable, Hashable {
    /// What the name may be.
    public enum Role: String, Sendable, Hashable {
        /// `denominate.by`, `combine.by`: an indicator id or a numeric unit attribute.
        case indicatorOrAttribute
        /// `impute.by` (group-mean): a unit attribute.
        case attribute
    }

    /// The name as written.
    public var name: String
    /// Where it was written (with the criteria path, e.g. `root.children[0].impute.by`).
    public var place: SourcePlace
    /// The key that holds it: `denominate.by`, `impute.by`, `combine.by`.
    public var key: String
    /// What the name may be.
    public var role: Role

    /// Creates a reference.
    public init(name: String, place: SourcePlace, key: String, role: Role) {
        self.name = name
        self.place = place
        self.key = key
        self.role = role
    }
}
