import CityIndexCore

/// A criteria set written as a flat table and the YAML side file that holds the rest: the
/// set-level keys and `defaults`, and under `nodes:` the steps of nodes that a table's columns
/// cannot hold (bands, winsorise parameters, aggregation options …). The side file names the
/// table (`table: x.csv`) and loads to the same set as the YAML the export was made from.
///
/// ```swift
/// let export = CriteriaWriter.tableExport(loaded.set, groups: loaded.groups)
/// try export.table.write(toFile: "asem.csv", atomically: true, encoding: .utf8)
/// try export.sideFile(table: "asem.csv").write(toFile: "asem-wrapper.yaml", atomically: true, encoding: .utf8)
/// ```
public struct CriteriaTableExport: Sendable, Equatable {
    /// The steps of one node that go into the side file, as YAML keys and flow values.
    public struct NodeSteps: Sendable, Equatable {
        /// The node's id.
        public var id: String
        /// The step keys (`normalise`, `aggregate` …) with their YAML flow values.
        public var keys: [String]
        var values: [String]
    }

    /// The flat table (comma-separated, LF line ends).
    public var table: String
    /// The nodes whose steps the table cannot hold, in tree order.
    public var nodeSteps: [NodeSteps]
    /// The set whose set-level keys the side file holds.
    let set: CriteriaSet

    /// The set-level keys of the set that a table loaded on its own would not give back (it
    /// takes its id from its file name and the built-in settings): what only the side file keeps.
    public var setLevelKeys: [String] {
        var keys: [String] = []
        if set.version != nil { keys.append("version") }
        if !set.name.isEmpty { keys.append("name") }
        if !set.description.isEmpty { keys.append("description") }
        if !set.source.isEmpty { keys.append("source") }
        if !set.notes.isEmpty { keys.append("notes") }
        if set.language != .en { keys.append("language") }
        if set.scale != 1 { keys.append("scale") }
        if set.precision != nil { keys.append("precision") }
        if set.ties != .competition { keys.append("ties") }
        if !set.unitsRegistries.isEmpty { keys.append("units") }
        if set.screen != nil { keys.append("screen") }
        if set.groups != nil { keys.append("groups") }
        if set.uncertainty != nil { keys.append("uncertainty") }
        if set.defaults != StepSettings() { keys.append("defaults") }
        return keys
    }

    /// Whether the table alone loses something (set-level keys or node steps) the side file keeps.
    public var needsSideFile: Bool { !nodeSteps.isEmpty || !setLevelKeys.isEmpty }

    /// The YAML side file: the set-level keys, `table: path`, and `nodes:` when some node's steps
    /// do not fit the table.
    public func sideFile(table path: String) -> String {
        var out = CriteriaWriter.yaml(set, table: path)
        guard !nodeSteps.isEmpty else { return out }
        out += "# Steps of table rows that the table's columns cannot hold:\nnodes:\n"
        for node in nodeSteps {
            out += "  \(YAMLText.scalar(node.id)):\n"
            for (key, value) in zip(node.keys, node.values) { out += "    \(key): \(value)\n" }
        }
        return out
    }

    /// What the side file holds, for people: `the set-level keys (id, scale, defaults) and the
    /// steps of 2 nodes the table cannot hold (hdi: aggregate; le: normalise)`.
    public var sideFileSummary: String {
        var parts = ["the set-level keys (" + (["id"] + setLevelKeys).joined(separator: ", ") + ")"]
        if !nodeSteps.isEmpty {
            let list = nodeSteps.map { "\($0.id): \($0.keys.joined(separator: ", "))" }.joined(separator: "; ")
            parts.append("the steps of \(nodeSteps.count) node\(nodeSteps.count == 1 ? "" : "s") the table cannot hold (\(list))")
        }
        return parts.joined(separator: " and ")
    }
}
