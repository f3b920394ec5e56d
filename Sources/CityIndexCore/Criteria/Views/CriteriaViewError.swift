/// Why a view of a criteria set cannot be taken.
public enum CriteriaViewError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No node carries the tag; `suggestion` is the closest tag of the set.
    case unknownTag(tag: String, known: [String], suggestion: String?)
    /// Nodes carry the tag, but no scored indicator is in or under them.
    case emptyView(tag: String)

    public var description: String {
        switch self {
        case let .unknownTag(tag, known, suggestion):
            let hint = suggestion.map { "; did you mean \"\($0)\"?" } ?? ""
            let list = known.isEmpty ? "the set declares no tags (add tags: [core] to its nodes)" : "tags of the set: " + known.joined(separator: ", ")
            return "--only \(tag): no node of the criteria set carries the tag \"\(tag)\"\(hint) (\(list))"
        case let .emptyView(tag):
            return "--only \(tag): the nodes tagged \"\(tag)\" hold no scored indicator, so the view has nothing to score"
        }
    }
}
