import CityIndexCore

/// Writes a criteria set as YAML (the reference syntax) or as a flat table (COINr iMeta
/// layout), so that ``CriteriaLoader`` reads the output back to an equal set (places aside).
///
/// ```swift
/// let loaded = try CriteriaLoader().load(path: "iMeta.csv")
/// let yaml = CriteriaWriter.yaml(loaded.set)
/// let csv = try CriteriaWriter.table(loaded.set, groups: loaded.groups)
/// ```
public enum CriteriaWriter {
    /// The set as YAML: set-level keys, `defaults`, and the tree under `root` with each node's
    /// own settings as written.
    public static func yaml(_ set: CriteriaSet) -> String {
        var out = setLevel(set)
        out += "root:\n"
        if !set.nodes.isEmpty { writeNode(0, of: set, indent: "  ", into: &out) }
        return out
    }

    /// The set-level keys of `set` as YAML with `table: path` in place of the tree: the
    /// companion of ``table(_:groups:)``.
    public static func yaml(_ set: CriteriaSet, table path: String) -> String {
        setLevel(set) + "table: \(YAMLText.scalar(path))\n"
    }

    private static func setLevel(_ set: CriteriaSet) -> String {
        var out = "id: \(YAMLText.scalar(set.id))\n"
        if let v = set.version { out += "version: \(YAMLText.quoted(v))\n" }
        if !set.name.isEmpty { out += "name: \(name(set.name, language: set.language))\n" }
        for (key, text) in [("description", set.description), ("source", set.source), ("notes", set.notes)] where !text.isEmpty {
            out += "\(key): \(name(text, language: set.language))\n"
        }
        if set.language != .en { out += "language: \(set.language.rawValue)\n" }
        out += "scale: \(YAMLText.number(set.scale))\n"
        if let p = set.precision { out += "precision: \(p)\n" }
        out += "ties: \(set.ties.rawValue)\n"
        if set.unitsRegistries.count == 1 { out += "units: \(YAMLText.scalar(set.unitsRegistries[0]))\n" }
        if set.unitsRegistries.count > 1 {
            out += "units: [" + set.unitsRegistries.map(YAMLText.scalar).joined(separator: ", ") + "]\n"
        }
        if let s = set.screen {
            out += "screen: \(YAMLText.flow([("min-coverage", YAMLText.number(s.minCoverage)), ("basis", s.basis.rawValue)]))\n"
        }
        switch set.groups {
        case .quartiles: out += "groups: quartiles\n"
        case .papi: out += "groups: papi\n"
        case let .bands(bands):
            out += "groups:\n  method: bands\n"
            switch bands.first?.basis {
            case .score: out += "  of: score\n"
            case let .target(t): out += "  of: target\n  target: \(YAMLText.number(t))\n"
            case .scale, nil: break
            }
            out += "  bands:\n"
            for b in bands {
                out += "    - {name: \(name(b.name, language: set.language)), min: \(YAMLText.number(b.minimum))}\n"
            }
        case nil: break
        }
        if let u = set.uncertainty { out += uncertainty(u) }
        switch set.targetsDeclaration {
        case let .file(path)?: out += "targets: \(YAMLText.scalar(path))\n"
        case .external?: out += "targets: external\n"
        case nil: break
        }
        if !set.charts.isEmpty { out += "charts: [" + set.charts.map(\.rawValue).joined(separator: ", ") + "]\n" }
        let defaults = steps(set.defaults)
        if !defaults.isEmpty {
            out += "defaults:\n"
            for (key, value) in defaults { out += "  \(key): \(value)\n" }
        }
        return out
    }

    /// The `uncertainty:` block.
    static func uncertainty(_ u: Uncertainties) -> String {
        var out = "uncertainty:\n"
        if let s = u.weightSpread { out += "  weights: \(YAMLText.number(s))\n" }
        if let a = u.dirichletConcentration { out += "  weights: {dirichlet: \(YAMLText.number(a))}\n" }
        if !u.normalisations.isEmpty { out += "  normalise: [" + u.normalisations.map(\.rawValue).joined(separator: ", ") + "]\n" }
        if !u.aggregations.isEmpty { out += "  aggregate: [" + u.aggregations.map(\.rawValue).joined(separator: ", ") + "]\n" }
        if u.imputation { out += "  impute: true\n" }
        if let l = u.leaveOut { out += "  leave-out: \(l.rawValue)\n" }
        if let n = u.runs { out += "  runs: \(n)\n" }
        if let seed = u.seed { out += "  seed: \(seed)\n" }
        return out == "uncertainty:\n" ? "uncertainty: {}\n" : out
    }

    /// `Text` alone when it reads back in the set's language, else `{en: …, vi: …}`: names,
    /// units of measure, descriptions, sources and notes.
    static func name(_ text: LocalizedText, language: Language) -> String {
        switch (text.en, text.vi, language) {
        case (let en?, nil, .en): return YAMLText.scalar(en)
        case (nil, let vi?, .vi): return YAMLText.scalar(vi)
        default:
            var pairs: [(String, String)] = []
            if let en = text.en { pairs.append(("en", YAMLText.scalar(en))) }
            if let vi = text.vi { pairs.append(("vi", YAMLText.scalar(vi))) }
            return YAMLText.flow(pairs)
        }
    }

    private static func writeNode(_ i: Int, of set: CriteriaSet, indent: String, into out: inout String) {
        let node = set.nodes[i]
        var lines: [(String, String)] = [("id", YAMLText.scalar(node.id))]
        if !node.name.isEmpty { lines.append(("name", name(node.name, language: set.language))) }
        if !node.description.isEmpty { lines.append(("description", name(node.description, language: set.language))) }
        if !node.unit.isEmpty { lines.append(("unit", name(node.unit, language: set.language))) }
        if let v = node.kind { lines.append(("kind", v.rawValue)) }
        if node.weight != 1 { lines.append(("weight", YAMLText.number(node.weight))) }
        if let v = node.target { lines.append(("target", YAMLText.number(v))) }
        if !node.source.isEmpty { lines.append(("source", name(node.source, language: set.language))) }
        if !node.notes.isEmpty { lines.append(("notes", name(node.notes, language: set.language))) }
        if !node.scored { lines.append(("scored", "false")) }
        if !node.tags.isEmpty { lines.append(("tags", "[" + node.tags.map(YAMLText.scalar).joined(separator: ", ") + "]")) }
        lines += steps(node.settings)
        for (key, value) in lines { out += "\(indent)\(key): \(value)\n" }
        guard !node.children.isEmpty else { return }
        out += "\(indent)children:\n"
        for c in node.children {
            var child = ""
            writeNode(c, of: set, indent: indent + "    ", into: &child)
            // The first line of a list item starts with "- ".
            out += indent + "  - " + child.dropFirst(indent.count + 4)
        }
    }

    /// The steps given in `s`, as YAML keys and flow values.
    static func steps(_ s: StepSettings) -> [(String, String)] {
        var out: [(String, String)] = []
        if let d = s.direction { out.append(("direction", d.rawValue)) }
        if let d = s.denominate {
            var pairs = [("by", YAMLText.scalar(d.by)), ("factor", YAMLText.number(d.factor))]
            if let unit = d.unit {
                pairs.append(("unit", YAMLText.flow([("en", unit.en), ("vi", unit.vi)].compactMap { k, v in v.map { (k, YAMLText.scalar($0)) } })))
            }
            out.append(("denominate", YAMLText.flow(pairs)))
        }
        if let time = s.imputeOverTime {
            switch time {
            case .interpolate: out.append(("impute", YAMLText.flow([("method", "interpolate")])))
            case .carryForward(let n):
                out.append(("impute", YAMLText.flow([("method", "carry-forward"), ("max-periods", String(n))])))
            }
        } else if let i = s.impute {
            if case .groupMean(let by) = i {
                out.append(("impute", YAMLText.flow([("method", "group-mean"), ("by", YAMLText.scalar(by))])))
            } else {
                out.append(("impute", YAMLText.flow([("method", i.methodName)])))
            }
        }
        if let t = s.treat {
            var pairs = [("method", t.methodName)]
            if case .winsorise(let maxPoints, let skew, let kurtosis, let fallback) = t {
                pairs += [
                    ("max-points", String(maxPoints)), ("skew", YAMLText.number(skew)),
                    ("kurtosis", YAMLText.number(kurtosis)), ("fallback", fallback.rawValue),
                ]
            }
            out.append(("treat", YAMLText.flow(pairs)))
        }
        if let t = s.transform { out.append(("transform", t.rawValue)) }
        if let n = s.normalise {
            var pairs = normalise(n)
            switch s.bounds {
            case .fixed(let p): pairs.append(("reference", YAMLText.scalar(p.description)))
            case .panel: pairs.append(("reference", "panel"))
            case .period, nil: break
            }
            out.append(("normalise", YAMLText.flow(pairs)))
        }
        if let r = s.range { out.append(("range", YAMLText.list([r.min, r.max]))) }
        if let o = s.overTime { out.append(("over-time", o.rawValue)) }
        if let c = s.combine {
            var pairs = [("method", c.method.rawValue)]
            if let by = c.by { pairs.append(("by", YAMLText.scalar(by))) }
            if c.stage != .observations { pairs.append(("stage", c.stage.rawValue)) }
            out.append(("combine", YAMLText.flow(pairs)))
        }
        if let a = s.aggregate {
            var pairs = [("method", a.method.rawValue)]
            if a.missing != .reweight { pairs.append(("missing", a.missing.rawValue)) }
            if let v = a.minCoverage { pairs.append(("min-coverage", YAMLText.number(v))) }
            if let v = a.outOf { pairs.append(("out-of", YAMLText.number(v))) }
            if let v = a.floor { pairs.append(("floor", YAMLText.number(v))) }
            if a.zero != .error { pairs.append(("zero", a.zero.rawValue)) }
            if a.over != .children { pairs.append(("over", a.over.rawValue)) }
            out.append(("aggregate", YAMLText.flow(pairs)))
        }
        return out
    }

    private static func normalise(_ n: NormaliseStep) -> [(String, String)] {
        var pairs = [("method", n.methodName)]
        switch n {
        case .goalposts(let lo, let hi): pairs += [("min", YAMLText.number(lo)), ("max", YAMLText.number(hi))]
        case .target(let t?): pairs.append(("target", YAMLText.number(t)))
        case .zScore(let mean, let sd): pairs += [("mean", YAMLText.number(mean)), ("sd", YAMLText.number(sd))]
        case .bands(let basis, let target, let thresholds, let points):
            pairs += [("thresholds", YAMLText.list(thresholds)), ("points", YAMLText.list(points))]
            if basis == .target { pairs.append(("of", "target")) }
            if let target { pairs.append(("target", YAMLText.number(target))) }
        case .ratio(let p), .yesNo(let p): pairs.append(("max-points", YAMLText.number(p)))
        default: break
        }
        return pairs
    }
}
