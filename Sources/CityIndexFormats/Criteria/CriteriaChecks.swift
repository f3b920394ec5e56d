import CityIndexCore

/// The checks that concern a whole set, shared by the YAML and table readers.
enum CriteriaChecks {
    /// Checks `set` and returns the unit attributes named by `denominate.by`.
    ///
    /// - Parameters:
    ///   - denominatorPlaces: node id → place of its `denominate.by` value.
    ///   - targetsGiven: a targets file is given for the run; with it (or with the set's own
    ///     `targets:`), an indicator normalised by target without a target of its own is left out
    ///     at scoring with a note instead of being an error here.
    static func check(
        _ set: CriteriaSet, denominatorPlaces: [String: SourcePlace], targetsGiven: Bool = false, log: inout ProblemLog
    ) -> [String] {
        checkIDs(set, log: &log)
        let setPlace = SourcePlace(file: set.file, line: set.file.isEmpty ? 0 : 1, column: 1)
        if set.scoredIndicatorIndices.isEmpty {
            log.error(set.nodes.first?.place ?? setPlace, "the set has no scored indicator; add nodes without children under root")
        }
        var attributes: Set<String> = []
        for i in set.nodes.indices {
            let node = set.nodes[i]
            if !node.isIndicator {
                if set.isScored(i), set.scoredChildren(of: i).isEmpty {
                    log.error(node.place, "node \"\(node.id)\" has no scored children; mark it scored: false or score a child")
                }
                continue
            }
            let settings = set.effectiveSettings(of: i)
            if let by = settings.denominate?.by {
                let place = denominatorPlaces[node.id] ?? node.place.appending(path: "denominate.by")
                if by == node.id {
                    log.error(place, "indicator \"\(node.id)\" cannot be divided by itself")
                } else if let j = set.index(of: by) {
                    if !set.nodes[j].isIndicator {
                        log.error(place, "denominate.by \"\(by)\" names an aggregate; expected an indicator id or a unit attribute")
                    }
                } else {
                    attributes.insert(by)
                }
            }
            guard set.isScored(i), set.targetsDeclaration == nil, !targetsGiven else { continue }
            switch settings.normalise {
            case .target(nil)? where node.target == nil:
                log.error(node.place, "normalise method target needs a target: give target on node \"\(node.id)\" or in normalise")
            case .bands(.target, nil, _, _)? where node.target == nil:
                log.error(node.place, "bands of target need a target: give target on node \"\(node.id)\" or in normalise")
            default: break
            }
        }
        warnAboutZeros(set, log: &log)
        return attributes.sorted()
    }

    /// Ids must be unique; reports the later place with the earlier one.
    private static func checkIDs(_ set: CriteriaSet, log: inout ProblemLog) {
        var first: [String: SourcePlace] = [:]
        for node in set.nodes {
            if let earlier = first[node.id] {
                log.error(node.place, "id \"\(node.id)\" is used twice: here and at \(earlier)")
            } else {
                first[node.id] = node.place
            }
        }
    }

    /// Geometric and harmonic means over scores that can be 0 need a floor.
    private static func warnAboutZeros(_ set: CriteriaSet, log: inout ProblemLog) {
        for i in set.nodes.indices where !set.nodes[i].isIndicator && set.isScored(i) {
            guard let step = set.effectiveSettings(of: i).aggregate, step.method == .geometric || step.method == .harmonic,
                step.floor == nil, step.zero == .error
            else { continue }
            var zeroable: [String] = []
            var methods: Set<String> = []
            for c in set.scoredChildren(of: i) where set.nodes[c].isIndicator {
                if let n = set.effectiveSettings(of: c).normalise, canGiveZero(n) {
                    zeroable.append(set.nodes[c].id)
                    methods.insert(n.methodName)
                }
            }
            if set.scoredChildren(of: i).contains(where: { !set.nodes[$0].isIndicator }) {
                // Aggregated children reach 0 only when their own children do; check the leaves below.
                let below = leaves(below: i, in: set).filter { set.isScored($0) }
                for c in below where !set.nodes[i].children.contains(c) {
                    if let n = set.effectiveSettings(of: c).normalise, canGiveZero(n) {
                        zeroable.append(set.nodes[c].id)
                        methods.insert(n.methodName)
                    }
                }
            }
            guard !zeroable.isEmpty else { continue }
            let names = zeroable.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ") + (zeroable.count > 3 ? " …" : "")
            log.warning(
                set.nodes[i].place,
                "node \"\(set.nodes[i].id)\" takes a \(step.method.rawValue) mean without a floor, but \(names) "
                    + "can score 0 (normalised by \(methods.sorted().joined(separator: ", "))); add aggregate floor (for example 0.01)")
        }
    }

    private static func leaves(below i: Int, in set: CriteriaSet) -> [Int] {
        var out: [Int] = []
        var stack = set.nodes[i].children
        while let j = stack.popLast() {
            if set.nodes[j].isIndicator { out.append(j) } else { stack.append(contentsOf: set.nodes[j].children) }
        }
        return out.sorted()
    }

    /// Whether a normalisation can give a score of 0 (or below).
    static func canGiveZero(_ step: NormaliseStep) -> Bool {
        switch step {
        case .rank: return false
        case .bands(_, _, _, let points): return points.contains { $0 <= 0 }
        default: return true
        }
    }
}
