import CityIndexCore

extension CriteriaLoader {
    /// Reads `nodes: {id: {step: …}}`, the steps of a table's rows that its columns cannot
    /// hold, into `nodes` (read from the table). A step given both here and in the table, an
    /// id that is no row's iCode, or a step the node's kind does not take is a problem.
    ///
    /// ```yaml
    /// table: hdi.csv
    /// nodes:
    ///   hdi: {aggregate: {method: geometric, missing: fail, zero: exclude}}
    /// ```
    static func readNodeSteps(_ v: YAMLValue, into nodes: inout [CriteriaNode], reader r: inout YAMLNodeReader) {
        guard case .mapping(let mapping) = v.node else {
            r.log.error(v.place, "expected nodes: a mapping from iCodes to their steps, as in nodes: {le: {treat: log}}; found \(v.found)")
            return
        }
        let index = Dictionary(nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let parents = Set(nodes.compactMap(\.parent))
        for (keyNode, valueNode) in mapping {
            let id = keyNode.string ?? ""
            let keyPlace = v.at(keyNode).place.appending(path: id)
            guard let i = index[id] else {
                var message = "no row of the table has iCode \"\(id)\""
                if let s = Wording.closest(id, among: Array(index.keys).sorted()) { message += "; did you mean \"\(s)\"?" }
                r.log.error(keyPlace, message)
                continue
            }
            guard let f = r.fields(v.child(valueNode, path: id), known: YAMLNodeReader.stepKeys + ["tags", "kind"], aliases: YAMLNodeReader.spellings, what: "the steps of a node")
            else { continue }
            if let tv = f["tags"] { nodes[i].tags = r.tags(tv) }
            if let kv = f["kind"] { nodes[i].kind = r.choice(kv, "indicator kind") }
            let isAggregate = nodes[i].parent == nil || parents.contains(i)
            for key in f.keys {
                let place = f.keyPlaces[key] ?? keyPlace
                if isAggregate, CriteriaLoader.indicatorOnlyKeys.contains(key) {
                    r.log.error(place, "\(key) is only used by indicators, but node \"\(id)\" has rows under it")
                } else if !isAggregate, key == "aggregate" {
                    r.log.error(place, "aggregate is only used by nodes with rows under them, but node \"\(id)\" is an indicator")
                }
            }
            let steps = r.steps(f)
            for key in f.keys where key != "tags" && key != "kind" && !nodes[i].settings.take(key, from: steps) {
                r.log.error(
                    f.keyPlaces[key] ?? keyPlace,
                    "\(key) of node \"\(id)\" is given both in the table (\(nodes[i].place.location)) and here; keep one")
            }
        }
    }
}

extension StepSettings {
    /// Takes the step written `key` in YAML from `other`; false (taking nothing) when these
    /// settings already have it.
    mutating func take(_ key: String, from other: StepSettings) -> Bool {
        func take<T>(_ path: WritableKeyPath<StepSettings, T?>) -> Bool {
            guard self[keyPath: path] == nil else { return false }
            self[keyPath: path] = other[keyPath: path]
            return true
        }
        switch key {
        case "direction": return take(\.direction)
        case "denominate": return take(\.denominate)
        case "impute":
            guard impute == nil, imputeOverTime == nil else { return false }
            imputeOverTime = other.imputeOverTime
            return take(\.impute)
        case "treat": return take(\.treat)
        case "transform": return take(\.transform)
        case "normalise":
            guard normalise == nil, bounds == nil else { return false }
            bounds = other.bounds
            return take(\.normalise)
        case "aggregate": return take(\.aggregate)
        case "over-time": return take(\.overTime)
        case "combine": return take(\.combine)
        case "range": return take(\.range)
        default: return false
        }
    }
}
