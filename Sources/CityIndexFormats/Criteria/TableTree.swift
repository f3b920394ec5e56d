import CityIndexCore

/// Turns the rows of a flat table into linked nodes: parents, the root, cycles.
enum TableTree {
    static func build(rows: [TableReader.Row], cells: inout TableCells, draft: inout TableDraft, log: inout ProblemLog) {
        var rowIndex: [String: Int] = [:]
        for (i, row) in rows.enumerated() where rowIndex[row.code] == nil { rowIndex[row.code] = i }
        var nodes: [CriteriaNode] = []
        var parentCodes: [String] = []
        for row in rows {
            cells.row = row.number
            cells.code = row.code
            nodes.append(TableRowReader.node(row, cells: cells, draft: &draft, log: &log))
            parentCodes.append(cells.text(row.record, "Parent"))
        }
        func at(_ i: Int, _ column: String) -> SourcePlace {
            cells.row = rows[i].number
            cells.code = rows[i].code
            return cells.place(rows[i].record, column)
        }
        let roots = rows.indices.filter { rows[$0].type == "Aggregate" && parentCodes[$0].isEmpty }
        guard let root = roots.first else {
            log.error(
                SourcePlace(file: cells.file, path: "table"),
                "the table has no root; expected one Aggregate row with an empty Parent (the index)")
            return
        }
        if roots.count > 1 {
            let names = roots.map { "\"\(rows[$0].code)\"" }.joined(separator: ", ")
            for r in roots.dropFirst() {
                log.error(at(r, "Parent"), "more than one root: \(names) have no Parent; give every Aggregate but the index a Parent")
            }
        }
        let aggregateCodes = rows.filter { $0.type == "Aggregate" }.map(\.code)
        var parents = [Int?](repeating: nil, count: rows.count)
        for i in rows.indices where i != root {
            let p = parentCodes[i]
            if p.isEmpty {
                switch rows[i].type {
                case "Denominator": parents[i] = root
                case "Aggregate": break  // reported as another root
                default: log.error(at(i, "Parent"), "missing Parent; an Indicator needs the iCode of its Aggregate")
                }
                continue
            }
            guard let j = rowIndex[p] else {
                var message = "parent \"\(p)\" is not an iCode of the table"
                if let s = Wording.closest(p, among: aggregateCodes) { message += "; did you mean \"\(s)\"?" }
                log.error(at(i, "Parent"), message)
                continue
            }
            guard rows[j].type == "Aggregate" else {
                log.error(at(i, "Parent"), "parent \"\(p)\" is \(rows[j].type == "Indicator" ? "an" : "a") \(rows[j].type) row; a Parent must be an Aggregate")
                continue
            }
            parents[i] = j
        }
        reportCycles(rows: rows, parents: parents, place: at, log: &log)
        // An Aggregate row that no row names as its Parent would silently become an indicator.
        // (Only when the links are otherwise sound: a broken Parent or a cycle explains it already.)
        let parentRows = Set(parents.compactMap { $0 })
        for i in rows.indices where log.isClean && rows[i].type == "Aggregate" && !parentRows.contains(i) && (i == root || !parentCodes[i].isEmpty) {
            log.error(
                at(i, "Type"),
                "Aggregate \"\(rows[i].code)\" has no rows under it; give rows Parent \(rows[i].code), or make it an Indicator")
        }
        for i in rows.indices { nodes[i].place = at(i, "iCode").replacingPath("table row \(rows[i].number) (iCode \(rows[i].code))") }
        draft.nodes = nodes.enumerated().map { i, node in
            CriteriaNode(
                id: node.id, name: node.name, description: node.description, unit: node.unit, source: node.source,
                notes: node.notes, weight: node.weight, target: node.target, scored: node.scored,
                settings: node.settings, parent: parents[i], place: node.place)
        }
    }

    /// Reports each cycle of Parent links once, at its first row: `A → B → A`.
    private static func reportCycles(
        rows: [TableReader.Row], parents: [Int?], place: (Int, String) -> SourcePlace, log: inout ProblemLog
    ) {
        var done = [Bool](repeating: false, count: rows.count)
        for start in rows.indices where !done[start] {
            var path: [Int] = []
            var onPath: Set<Int> = []
            var j: Int? = start
            while let k = j, !done[k] {
                if onPath.contains(k) {
                    guard let from = path.firstIndex(of: k) else { break }
                    let cycle = Array(path[from...])
                    let first = cycle.min() ?? k
                    var names = [rows[first].code]
                    var m = parents[first]
                    while let x = m, x != first, names.count <= cycle.count {
                        names.append(rows[x].code)
                        m = parents[x]
                    }
                    names.append(rows[first].code)
                    log.error(place(first, "Parent"), "cycle in Parent: \(names.joined(separator: " → "))")
                    break
                }
                onPath.insert(k)
                path.append(k)
                j = parents[k]
            }
            for k in path { done[k] = true }
        }
    }
}

extension SourcePlace {
    /// The same place with another criteria path.
    func replacingPath(_ path: String) -> SourcePlace {
        var copy = self
        copy.path = path
        return copy
    }
}
