import CityIndexCore
import Yams

/// A YAML node with the place it was written and its criteria path.
struct YAMLValue {
    /// The node.
    let node: Node
    /// Its file, line, column and criteria path.
    let place: SourcePlace

    /// A node below this one, at `path` (`weight`, `[2]`).
    func child(_ node: Node, path component: String) -> YAMLValue {
        var place = self.place.appending(path: component)
        if let mark = node.mark {
            place.line = mark.line
            place.column = mark.column
        }
        return YAMLValue(node: node, place: place)
    }

    /// The same path, at the place of `node` (a key, for example).
    func at(_ node: Node) -> YAMLValue {
        var place = self.place
        if let mark = node.mark {
            place.line = mark.line
            place.column = mark.column
        }
        return YAMLValue(node: node, place: place)
    }

    /// The scalar text, or nil for mappings, sequences and null.
    var text: String? {
        guard case .scalar(let scalar) = node, !isNull else { return nil }
        return scalar.string
    }

    /// Whether the node is an explicit or implicit null (`~`, `null`, nothing).
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// What the node is, for "found …" in messages.
    var found: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar): return isNull ? "nothing" : "\"\(scalar.string)\""
        }
    }
}

/// The entries of a YAML mapping, keyed by their canonical key.
struct YAMLFields {
    /// The mapping itself.
    let mapping: YAMLValue
    /// Canonical key → value, with the value's place and path.
    private(set) var values: [String: YAMLValue] = [:]
    /// Canonical key → place of the key.
    private(set) var keyPlaces: [String: SourcePlace] = [:]
    /// Canonical keys in the order written.
    private(set) var keys: [String] = []

    init(mapping: YAMLValue) { self.mapping = mapping }

    mutating func add(key: String, keyPlace: SourcePlace, value: YAMLValue) {
        values[key] = value
        keyPlaces[key] = keyPlace
        keys.append(key)
    }

    subscript(key: String) -> YAMLValue? { values[key] }
}
