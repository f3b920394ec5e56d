/// A criteria set: set-level settings and a tree of nodes whose leaves are indicators.
///
/// Nodes are kept in one array in depth-first order, the root first; parents and children
/// refer to each other by index.
public struct CriteriaSet: Sendable, Hashable {
    /// The set's id (used in report folders).
    public var id: String
    /// The set's version.
    public var version: String?
    /// The set's name.
    public var name: LocalizedText
    /// What the set measures, in a sentence or two (empty: none).
    public var description: LocalizedText
    /// The published source of the method (empty: none).
    public var source: LocalizedText
    /// Free notes (what was left out and why; empty: none).
    public var notes: LocalizedText
    /// The default report language.
    public var language: Language
    /// Normalised scores lie in [0, scale].
    public var scale: Double
    /// Published decimals; ranks are computed on rounded values. Nil: no rounding.
    public var precision: Int?
    /// How equal scores share ranks.
    public var ties: TieMethod
    /// The unit registries named by the set (`units:`), relative to the set's file. The first
    /// lists the units reported as not ranked when they lack data; all of them are matched, and
    /// their `successors` columns form the crosswalk between unit bases.
    public var unitsRegistries: [String]
    /// Unit screening (step 4), nil for none.
    public var screen: ScreenStep?
    /// The performance groups reports show (`groups:`), nil for the reports' default.
    public var groups: PerformanceGroupMethod?
    /// The uncertainties its sensitivity analysis tests (`uncertainty:`), nil for none declared.
    public var uncertainty: Uncertainties?
    /// Set-wide step defaults.
    public var defaults: StepSettings
    /// The nodes, root first, depth-first.
    public internal(set) var nodes: [CriteriaNode]
    /// The file the set was read from.
    public var file: String
    /// Where targets come from beyond the nodes' `target` keys (`targets:`), nil when the set
    /// says nothing (then every indicator normalised by target must carry its own).
    public var targetsDeclaration: TargetsDeclaration?
    /// The targets of a targets file (the set's, or one given for the run); they take
    /// precedence over the targets written in the set.
    public var targets = TargetTable()
    /// Charts the reports draw besides the standard ones (`charts: [wheel]`).
    public var charts: [ReportChart] = []
    /// The view the set is seen through (`--only TAG`), nil for the whole set.
    public var view: CriteriaView?

    /// Creates a set from nodes whose `parent` indices are set; children, depths and
    /// depth-first order are derived. The first node without a parent is the root.
    public init(
        id: String, version: String? = nil, name: LocalizedText = LocalizedText(), description: LocalizedText = LocalizedText(),
        source: LocalizedText = LocalizedText(), notes: LocalizedText = LocalizedText(), language: Language = .en, scale: Double = 1, precision: Int? = nil,
        ties: TieMethod = .competition, unitsRegistries: [String] = [], screen: ScreenStep? = nil, groups: PerformanceGroupMethod? = nil,
        uncertainty: Uncertainties? = nil, defaults: StepSettings = StepSettings(), nodes: [CriteriaNode], file: String = ""
    ) {
        self.id = id
        self.version = version
        self.name = name
        self.description = description
        self.source = source
        self.notes = notes
        self.language = language
        self.scale = scale
        self.precision = precision
        self.ties = ties
        self.unitsRegistries = unitsRegistries
        self.screen = screen
        self.groups = groups
        self.uncertainty = uncertainty
        self.defaults = defaults
        self.file = file
        self.nodes = CriteriaSet.linked(nodes)
    }

    /// Orders `nodes` depth-first from the root and fills children and depths.
    /// Nodes unreachable from the root (cycles, missing parents) are dropped: validate first.
    private static func linked(_ input: [CriteriaNode]) -> [CriteriaNode] {
        guard let rootIndex = input.firstIndex(where: { $0.parent == nil }) else { return [] }
        var childrenOf = [[Int]](repeating: [], count: input.count)
        for (i, node) in input.enumerated() {
            if let p = node.parent, p >= 0, p < input.count, p != i { childrenOf[p].append(i) }
        }
        var output: [CriteriaNode] = []
        var visited = [Bool](repeating: false, count: input.count)
        func visit(_ i: Int, parent: Int?, depth: Int) {
            guard !visited[i] else { return }
            visited[i] = true
            var node = input[i]
            node.parent = parent
            node.depth = depth
            node.children = []
            let position = output.count
            output.append(node)
            for c in childrenOf[i] {
                let childPosition = output.count
                visit(c, parent: position, depth: depth + 1)
                if childPosition < output.count { output[position].children.append(childPosition) }
            }
        }
        visit(rootIndex, parent: nil, depth: 0)
        return output
    }

    /// The root node.
    public var root: CriteriaNode { nodes[0] }

    /// The index of the node with `id`.
    public func index(of id: String) -> Int? { nodes.firstIndex { $0.id == id } }

    /// The indices of the indicators (leaves other than the root), scored or not.
    public var indicatorIndices: [Int] { nodes.indices.filter { $0 != 0 && nodes[$0].isIndicator } }

    /// The indicators that enter the score.
    public var scoredIndicatorIndices: [Int] { indicatorIndices.filter { isScored($0) } }

    /// Whether node `i` and all its ancestors are scored.
    public func isScored(_ i: Int) -> Bool {
        var j: Int? = i
        while let k = j {
            if !nodes[k].scored { return false }
            j = nodes[k].parent
        }
        return true
    }

    /// The scored children of node `i`.
    public func scoredChildren(of i: Int) -> [Int] { nodes[i].children.filter { nodes[$0].scored } }

    /// The terms node `i` aggregates, with their weights relative to each other: its scored
    /// children, or with `aggregate: {over: indicators}` every scored indicator below it, each
    /// with its own weight (U4SSC: points over the maximum points of the indicators reported).
    /// - Complexity: O(nodes below `i`).
    public func aggregationTerms(of i: Int) -> [(child: Int, weight: Double)] {
        guard effectiveSettings(of: i).aggregate?.over == .indicators else { return relativeWeights(of: i) }
        let leaves = aggregationTermsBelow(i)
        let total = leaves.reduce(0) { $0 + nodes[$1].weight }
        return leaves.map { ($0, total > 0 ? nodes[$0].weight / total : 0) }
    }

    /// The scored indicators below node `i`, in tree order.
    private func aggregationTermsBelow(_ i: Int) -> [Int] {
        var leaves: [Int] = []
        var stack = Array(scoredChildren(of: i).reversed())
        while let j = stack.popLast() {
            if nodes[j].isIndicator { leaves.append(j) } else { stack.append(contentsOf: scoredChildren(of: j).reversed()) }
        }
        return leaves
    }

    /// The effective settings of node `i`: its own, else the set's defaults, else the built-in defaults.
    public func effectiveSettings(of i: Int) -> StepSettings {
        nodes[i].settings.inheriting(from: defaults).inheriting(from: CriteriaSet.builtInDefaults)
    }

    /// The defaults used when neither a node nor the set gives a step.
    public static let builtInDefaults = StepSettings(
        direction: .higher, impute: ImputeStep.none, treat: TreatStep.none, transform: Transform.none,
        normalise: .minMax, aggregate: AggregateStep()
    )

    /// The valid range of each indicator that has one (its own, else the set's default), by id.
    public var validRanges: [String: ValidRange] {
        var out: [String: ValidRange] = [:]
        for i in indicatorIndices {
            if let range = effectiveSettings(of: i).range { out[nodes[i].id] = range }
        }
        return out
    }

    /// The ids of everything a denominator or group may refer to beyond attributes: the indicators.
    public var indicatorIDs: [String] { indicatorIndices.map { nodes[$0].id } }

    /// The weights of node `i`'s scored children divided by their sum: effective weight of
    /// each child within its parent.
    public func relativeWeights(of i: Int) -> [(child: Int, weight: Double)] {
        let kids = scoredChildren(of: i)
        let total = kids.reduce(0) { $0 + nodes[$1].weight }
        return kids.map { ($0, total > 0 ? nodes[$0].weight / total : 0) }
    }

    /// Effective weight of node `i` in the index: the product of relative weights up the tree.
    /// Below a node that aggregates over indicators (`over: indicators`), an indicator's weight
    /// is its share among that node's indicators, and an aggregate's the sum of its indicators'.
    public func effectiveWeight(of i: Int) -> Double {
        var pooling: Int?
        var a = nodes[i].parent
        while let k = a {
            if effectiveSettings(of: k).aggregate?.over == .indicators { pooling = k }
            a = nodes[k].parent
        }
        if let top = pooling {
            let terms = aggregationTerms(of: top)
            if nodes[i].isIndicator { return (terms.first { $0.child == i }?.weight ?? 0) * effectiveWeight(of: top) }
            let below = Set(aggregationTermsBelow(i))
            return terms.filter { below.contains($0.child) }.reduce(0) { $0 + $1.weight } * effectiveWeight(of: top)
        }
        var w = 1.0
        var j = i
        while let p = nodes[j].parent {
            guard let rel = relativeWeights(of: p).first(where: { $0.child == j }) else { return 0 }
            w *= rel.weight
            j = p
        }
        return w
    }
}
