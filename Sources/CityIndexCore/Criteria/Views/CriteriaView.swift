/// A view of a criteria set: only the indicators carrying a tag (or under a node carrying it)
/// are scored (`--only core`).
public struct CriteriaView: Sendable, Hashable {
    /// The tag selected.
    public var tag: String
    /// The scored indicators in the view.
    public var indicatorsKept: Int
    /// The scored indicators of the whole set.
    public var indicatorsInSet: Int
    /// The ids of the nodes the view leaves out (scored in the set, not in the view).
    public var leftOut: Set<String>

    /// Creates a view description.
    public init(tag: String, indicatorsKept: Int, indicatorsInSet: Int, leftOut: Set<String>) {
        self.tag = tag
        self.indicatorsKept = indicatorsKept
        self.indicatorsInSet = indicatorsInSet
        self.leftOut = leftOut
    }
}
