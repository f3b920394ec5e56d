import CityIndexCore
import Foundation
import Yams

extension CriteriaLoader {
    /// Keys of the set level.
    static let setKeys = [
        "id", "version", "name", "description", "source", "notes", "language", "scale", "precision", "ties", "units", "table", "nodes",
        "screen", "groups", "uncertainty", "targets", "charts", "defaults", "root",
    ]
    /// Keys of a node.
    static let nodeKeys =
        ["id", "name", "description", "unit", "kind", "direction", "weight", "target", "source", "notes", "scored", "tags", "children"]
        + ["denominate", "impute", "treat", "transform", "normalise", "aggregate", "over-time", "combine", "range"]
    /// Step keys that only indicators use.
    static let indicatorOnlyKeys = ["kind", "direction", "denominate", "impute", "treat", "transform", "normalise", "over-time", "range"]
    /// The deepest tree accepted.
    static let maxDepth = 64

    /// Loads a set from YAML text; `file` names it in problems and `directory` (default: the
    /// folder of `file`) resolves a `table:` path.
    public func loadYAML(_ text: String, file: String, directory: String? = nil) throws(CriteriaError) -> CriteriaLoadResult {
        var r = YAMLNodeReader(limit: maxProblems)
        let top: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                r.log.error(SourcePlace(file: file), "the file is empty; expected a criteria set with id and root")
                try r.log.check()
                throw CriteriaError.invalid([])
            }
            top = node
        } catch let error as YamlError {
            throw CriteriaError.invalid([Self.syntaxProblem(error, file: file, text: text)])
        } catch let error as CriteriaError {
            throw error
        } catch {
            throw CriteriaError.invalid([CriteriaProblem(place: SourcePlace(file: file), message: "\(error)")])
        }
        var place = SourcePlace(file: file, line: top.mark?.line ?? 1, column: top.mark?.column ?? 1)
        place.path = ""
        let base = directory ?? (file as NSString).deletingLastPathComponent
        return try readSet(YAMLValue(node: top, place: place), reader: &r, directory: base)
    }

    /// A libyaml error as a problem at its line and column.
    static func syntaxProblem(_ error: YamlError, file: String, text: String) -> CriteriaProblem {
        func at(_ mark: Mark, _ message: String) -> CriteriaProblem {
            at(mark.line, mark.column, message)
        }
        func at(_ line: Int, _ column: Int, _ message: String) -> CriteriaProblem {
            CriteriaProblem(place: SourcePlace(file: file, line: line, column: column), message: message)
        }
        func detail(_ context: YamlError.Context?, _ problem: String) -> String {
            guard let context else { return problem }
            return "\(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return at(mark, "YAML syntax: " + detail(context, problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return at(context.mark, "key \(keys) is given more than once in this mapping; keep one")
        case .reader(let problem, let offset, _, _):
            var line = 1, column = 1
            for c in text.unicodeScalars.prefix(offset ?? 0) {
                if c == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            return at(line, column, "YAML: \(problem); save the file as UTF-8 text")
        default:
            return CriteriaProblem(place: SourcePlace(file: file), message: "YAML: \(error)")
        }
    }

    private func readSet(_ top: YAMLValue, reader r: inout YAMLNodeReader, directory: String) throws(CriteriaError) -> CriteriaLoadResult {
        guard let f = r.fields(top, known: Self.setKeys, what: "a criteria set") else {
            try r.log.check()
            throw CriteriaError.invalid([])
        }
        let language: Language = f["language"].flatMap { r.choice($0, "language") } ?? .en
        r.language = language
        var id = ""
        if let v = f["id"] {
            id = r.string(v, what: "an id") ?? ""
            if !id.isEmpty, !Self.isValidID(id) { r.log.error(v.place, Self.invalidIDMessage(id)) }
        } else {
            r.log.error(top.place, "missing key id; expected the set's id, as in id: hdi")
        }
        let version = f["version"].flatMap { r.string($0, what: "a version") }
        let name = f["name"].flatMap { r.localized($0, language: language) } ?? LocalizedText()
        let description = f["description"].flatMap { r.localized($0, language: language, what: "a description") } ?? LocalizedText()
        let source = f["source"].flatMap { r.localized($0, language: language, what: "a source") } ?? LocalizedText()
        let notes = f["notes"].flatMap { r.localized($0, language: language, what: "notes") } ?? LocalizedText()
        let scale = f["scale"].flatMap { r.positive($0) } ?? 1
        let precision = f["precision"].flatMap { r.integer($0, in: 0...12) }
        let ties: TieMethod = f["ties"].flatMap { r.choice($0, "tie method") } ?? .competition
        let units: [String] = f["units"].map { v in
            if case .scalar = v.node { return r.string(v, what: "a unit registry path").map { [$0] } ?? [] }
            return r.strings(v, what: "unit registry paths") ?? []
        } ?? []
        var screen = f["screen"].flatMap { r.screen($0) }
        let performanceGroups = f["groups"].flatMap { r.performanceGroups($0, language: language) }
        let uncertainty = f["uncertainty"].flatMap { r.uncertainty($0) }
        let targetsDeclaration = f["targets"].flatMap { r.targetsDeclaration($0) }
        let charts = f["charts"].map { r.charts($0) } ?? []
        var defaults = StepSettings()
        if let dv = f["defaults"],
            let df = r.fields(dv, known: YAMLNodeReader.stepKeys + ["screen"], aliases: YAMLNodeReader.spellings, what: "defaults")
        {
            defaults = r.steps(df)
            if let sv = df["screen"] {
                if f["screen"] != nil {
                    r.log.error(df.keyPlaces["screen"] ?? sv.place, "screen is given both at set level and under defaults; keep one")
                } else {
                    screen = r.screen(sv)
                }
            }
        }

        var nodes: [CriteriaNode] = []
        var denominatorPlaces: [String: SourcePlace] = [:]
        var groups: [String] = []
        var tableReferences: [NameReference] = []
        if let tv = f["table"] {
            if let rootKey = f.keyPlaces["root"] {
                r.log.error(rootKey, "root is not used when table gives the tree; remove one of them")
            }
            if let path = r.string(tv, what: "the path of a flat table") {
                let full = path.hasPrefix("/") || directory.isEmpty ? path : (directory as NSString).appendingPathComponent(path)
                switch Self.readBytes(full) {
                case .success(let bytes):
                    let draft = TableReader.read(bytes: bytes, name: full, log: &r.log)
                    nodes = draft.nodes
                    denominatorPlaces = draft.denominatorPlaces
                    groups = draft.groups
                    tableReferences = draft.references
                    if let nv = f["nodes"], r.log.isClean { Self.readNodeSteps(nv, into: &nodes, reader: &r) }
                case .failure(let reason):
                    r.log.error(tv.place, "cannot read table \"\(full)\" (\(reason))")
                }
            }
        } else if let rv = f["root"] {
            if let nodesKey = f.keyPlaces["nodes"] {
                r.log.error(nodesKey, "nodes is only used with table (the steps a table cannot hold); give steps on the nodes under root")
            }
            var tree = TreeReader(reader: r, language: language, setID: id)
            tree.read(rv, parent: nil, depth: 0)
            r = tree.reader
            nodes = tree.nodes
            denominatorPlaces = tree.denominatorPlaces
        } else {
            r.log.error(top.place, "missing key root; expected the tree of nodes under root (or table: a flat table)")
        }
        try r.log.check()
        var set = CriteriaSet(
            id: id, version: version, name: name, description: description, source: source, notes: notes, language: language, scale: scale,
            precision: precision, ties: ties, unitsRegistries: units, screen: screen, groups: performanceGroups,
            uncertainty: uncertainty, defaults: defaults, nodes: nodes,
            file: top.place.file)
        set.targetsDeclaration = targetsDeclaration
        set.charts = charts
        if charts.contains(.wheel), let place = f.keyPlaces["charts"] {
            if case .bands? = performanceGroups {} else {
                r.log.error(place, "charts: wheel colours each cell by its band; give the bands with groups: {method: bands, bands: [{name: …, min: …}, …]}")
            }
        }
        let attributes = CriteriaChecks.check(set, denominatorPlaces: denominatorPlaces, targetsGiven: targetsFile != nil, log: &r.log)
        try r.log.check()
        try attachTargets(to: &set, declaredAt: f["targets"]?.place, directory: directory)
        var result = CriteriaLoadResult(set: set, warnings: r.log.warnings, groups: groups, attributeDenominators: attributes)
        result.references = r.references + tableReferences
        return result
    }

    /// The bytes of a file, or why they cannot be read.
    static func readBytes(_ path: String) -> Result<[UInt8], ReadFailure> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ReadFailure(FileManager.default.fileExists(atPath: path) ? "not readable" : "no such file"))
        }
        return .success([UInt8](data))
    }
}

/// Why a file could not be read.
struct ReadFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Reads the node tree under `root`, depth first.
struct TreeReader {
    var reader: YAMLNodeReader
    let language: Language
    let setID: String
    private(set) var nodes: [CriteriaNode] = []
    private(set) var denominatorPlaces: [String: SourcePlace] = [:]

    init(reader: YAMLNodeReader, language: Language, setID: String) {
        self.reader = reader
        self.language = language
        self.setID = setID
    }

    mutating func read(_ v: YAMLValue, parent: Int?, depth: Int) {
        guard depth <= CriteriaLoader.maxDepth else {
            reader.log.error(v.place, "the tree is deeper than \(CriteriaLoader.maxDepth) levels")
            return
        }
        guard let f = reader.fields(v, known: CriteriaLoader.nodeKeys, aliases: YAMLNodeReader.spellings, what: "a node")
        else { return }
        var id = parent == nil ? setID : ""
        if let iv = f["id"] {
            id = reader.string(iv, what: "an id") ?? ""
            if !id.isEmpty, !CriteriaLoader.isValidID(id) { reader.log.error(iv.place, CriteriaLoader.invalidIDMessage(id)) }
        } else if parent != nil {
            reader.log.error(v.place, "missing key id; every node needs an id, as in id: health")
        }
        let label = id.isEmpty ? "this node" : "node \"\(id)\""
        let hasChildren = f["children"] != nil
        if hasChildren {
            for key in CriteriaLoader.indicatorOnlyKeys where f[key] != nil {
                reader.log.error(f.keyPlaces[key] ?? v.place, "\(key) is only used by indicators, but \(label) has children")
            }
        } else if f["aggregate"] != nil {
            reader.log.error(f.keyPlaces["aggregate"] ?? v.place, "aggregate is only used by nodes with children, but \(label) is an indicator")
        }
        var node = CriteriaNode(id: id, parent: parent, place: v.place)
        if let x = f["name"] { node.name = reader.localized(x, language: language) ?? LocalizedText() }
        if let x = f["description"] { node.description = reader.localized(x, language: language, what: "a description") ?? LocalizedText() }
        if let x = f["unit"] { node.unit = reader.localized(x, language: language, what: "a unit of measure") ?? LocalizedText() }
        if let x = f["kind"] { node.kind = reader.choice(x, "indicator kind") }
        if let x = f["source"] { node.source = reader.localized(x, language: language, what: "a source") ?? LocalizedText() }
        if let x = f["notes"] { node.notes = reader.localized(x, language: language, what: "notes") ?? LocalizedText() }
        if let x = f["weight"] { node.weight = reader.positive(x) ?? 1 }
        if let x = f["target"] { node.target = reader.number(x) }
        if let x = f["scored"] { node.scored = reader.bool(x) ?? true }
        if let x = f["tags"] { node.tags = reader.tags(x) }
        node.settings = reader.steps(f)
        if let d = f["denominate"], !id.isEmpty {
            var place = d.place.appending(path: "by")
            if case .mapping(let mapping) = d.node, let by = mapping.first(where: { $0.key.string == "by" }) {
                place = d.child(by.value, path: "by").place
            } else if case .scalar = d.node {
                place = d.place
            }
            denominatorPlaces[id] = place
        }
        let index = nodes.count
        nodes.append(node)
        guard let cv = f["children"] else { return }
        guard case .sequence(let seq) = cv.node, !Array(seq).isEmpty else {
            if case .sequence = cv.node {
                reader.log.error(cv.place, "children is an empty list; list at least one node, or remove children to make \(label) an indicator")
            } else {
                reader.log.error(cv.place, "expected a list of nodes under children, found \(cv.found)")
            }
            return
        }
        for (i, child) in seq.enumerated() {
            read(cv.child(child, path: "[\(i)]"), parent: index, depth: depth + 1)
            if reader.log.isFull { return }
        }
    }
}
