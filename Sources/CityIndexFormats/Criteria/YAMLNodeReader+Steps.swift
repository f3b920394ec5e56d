import CityIndexCore

/// The step keys of the reference syntax and the readers for their values.
extension YAMLNodeReader {
    /// Keys that configure a step; a node or `defaults` may give any of them.
    static let stepKeys = [
        "direction", "denominate", "impute", "treat", "transform", "normalise", "aggregate", "over-time", "combine",
        "range",
    ]
    /// Other spellings accepted for keys and method names.
    static let spellings = ["normalize": "normalise", "winsorize": "winsorise"]

    static let normaliseMethods = [
        "min-max", "goalposts", "target", "z-score", "rank", "percentile", "bands", "ratio", "yes-no", "none",
    ]
    static let normaliseUses: [String: [String]] = [
        "min-max": ["reference"], "goalposts": ["min", "max"], "target": ["target"], "z-score": ["mean", "sd", "reference"],
        "rank": [], "percentile": [], "bands": ["thresholds", "points", "of", "target"],
        "ratio": ["max-points"], "yes-no": ["max-points"], "none": [],
    ]
    static let treatUses: [String: [String]] = [
        "none": [], "log": [], "winsorise": ["max-points", "skew", "kurtosis", "fallback"],
    ]
    static let imputeUses: [String: [String]] = [
        "none": [], "mean": [], "median": [], "group-mean": ["by"], "carry-forward": ["max-periods"], "interpolate": [],
    ]
    static let combineUses: [String: [String]] = [
        "sum": ["stage"], "mean": ["stage"], "max": ["stage"], "min": ["stage"], "weighted-mean": ["by", "stage"],
    ]
    static let aggregateUses: [String: [String]] = [
        "arithmetic": ["missing", "min-coverage", "over"], "geometric": ["missing", "min-coverage", "floor", "zero", "over"],
        "harmonic": ["missing", "min-coverage", "floor", "zero", "over"], "sum": ["missing", "min-coverage", "out-of", "over"],
        "min": ["missing", "min-coverage", "over"],
    ]

    /// Reads the step keys present in `f` (a node's or the set's `defaults`).
    mutating func steps(_ f: YAMLFields) -> StepSettings {
        var s = StepSettings()
        if let v = f["direction"] { s.direction = choice(v, "direction") }
        if let v = f["denominate"] { s.denominate = denominate(v) }
        if let v = f["impute"] {
            if let time = imputeOverTime(v) {
                s.imputeOverTime = time
                s.impute = ImputeStep.none
            } else {
                s.impute = impute(v)
            }
        }
        if let v = f["treat"] { s.treat = treat(v) }
        if let v = f["transform"] { s.transform = choice(v, "transform") }
        if let v = f["normalise"] {
            s.normalise = normalise(v)
            if let rv = peek(v, "reference") { s.bounds = reference(rv) }
        }
        if let v = f["aggregate"] { s.aggregate = aggregate(v) }
        if let v = f["over-time"] { s.overTime = choice(v, "over-time rule") }
        if let v = f["combine"] { s.combine = combine(v) }
        if let v = f["range"] { s.range = range(v) }
        return s
    }

    /// `range: [min, max]`: two numbers, the first not above the second.
    mutating func range(_ v: YAMLValue) -> ValidRange? {
        guard case .sequence(let sequence) = v.node else {
            log.error(v.place, "expected range: [min, max] (two numbers, as in range: [0, 100]), found \(v.found)")
            return nil
        }
        let items = Array(sequence)
        guard items.count == 2 else {
            log.error(v.place, "expected range: [min, max] (two numbers, as in range: [0, 100]), found \(items.count) value\(items.count == 1 ? "" : "s")")
            return nil
        }
        let minValue = v.child(items[0], path: "[0]"), maxValue = v.child(items[1], path: "[1]")
        let lo = number(minValue)
        let hi = number(maxValue)
        guard let lo, let hi else { return nil }
        guard lo <= hi else {
            log.error(v.place, "range min \(minValue.text ?? Wording.number(lo)) is above max \(maxValue.text ?? Wording.number(hi)); expected [min, max] with min ≤ max")
            return nil
        }
        return ValidRange(min: lo, max: hi, place: v.place)
    }

    /// `reference: 2024` (a period) or `reference: panel`.
    mutating func reference(_ v: YAMLValue) -> BoundsReference? {
        guard let text = v.text else {
            log.error(v.place, "expected a period (as in reference: 2024) or panel")
            return nil
        }
        if text == "panel" { return .panel }
        if let p = Period(text) { return .fixed(p) }
        log.error(v.place, "reference \"\(text)\" is neither a period (2024, 2024-Q3 …) nor panel")
        return nil
    }

    /// `impute: {method: carry-forward, max-periods: 2}` or `impute: interpolate`; nil for
    /// the other impute methods (read by `impute`).
    mutating func imputeOverTime(_ v: YAMLValue) -> TimeImputation? {
        let method: String?
        var maxPeriods: YAMLValue?
        switch v.node {
        case .scalar: method = v.text
        case .mapping:
            method = peek(v, "method")?.text
            maxPeriods = peek(v, "max-periods")
        default: method = nil
        }
        switch method {
        case "interpolate":
            return .interpolate
        case "carry-forward":
            if case .mapping = v.node {
                _ = fields(v, known: ["method", "max-periods"], what: "{method: carry-forward, max-periods: N}")
            }
            guard let mv = maxPeriods else { return .carryForward(maxPeriods: 1) }
            return integer(mv, in: 1...1000).map { .carryForward(maxPeriods: $0) }
        default:
            return nil
        }
    }

    /// `combine: {method: weighted-mean, by: population, stage: observations}` or `combine: sum`.
    mutating func combine(_ v: YAMLValue) -> CombineRule? {
        let order = CombineRule.Method.allCases.map(\.rawValue)
        guard let (m, f) = methodForm(v, uses: Self.combineUses, order: order), let method = CombineRule.Method(rawValue: m)
        else { return nil }
        let stage: CombineRule.Stage? = f?["stage"].map { choice($0, "stage") } ?? .observations
        guard let stage else { return nil }
        var by: String?
        if method == .weightedMean {
            guard let bv = f?["by"] else {
                log.error(v.place, "method weighted-mean needs by: the indicator or unit attribute that weights the predecessors")
                return nil
            }
            by = string(bv, what: "an indicator or unit attribute")
            guard let name = by else { return nil }
            references.append(NameReference(name: name, place: bv.place, key: "combine.by", role: .indicatorOrAttribute))
        }
        return CombineRule(method: method, by: by, stage: stage)
    }

    /// A step written `{method: m, …}` or as its method alone: the method and the other keys,
    /// after checking that each key is used by the method.
    mutating func methodForm(
        _ v: YAMLValue, uses: [String: [String]], order: [String]
    ) -> (method: String, fields: YAMLFields?)? {
        let allKeys = ["method"] + Array(Set(uses.values.joined())).sorted()
        if case .scalar = v.node {
            guard let m = choice(v, "method", among: order, aliases: Self.spellings) else { return nil }
            return (m, nil)
        }
        guard let f = fields(v, known: allKeys, what: "{method: …}") else { return nil }
        guard let mv = f["method"] else {
            log.error(v.place.appending(path: "method"), "missing key method; expected one of \(Wording.list(order))")
            return nil
        }
        guard let m = choice(mv, "method", among: order, aliases: Self.spellings) else { return nil }
        let used = uses[m] ?? []
        for key in f.keys where key != "method" && !used.contains(key) {
            log.error(f.keyPlaces[key] ?? v.place, "\(key) is not used by method \(m)")
        }
        return (m, f)
    }

    /// `normalise: {method: …}` or `normalise: min-max`.
    mutating func normalise(_ v: YAMLValue) -> NormaliseStep? {
        guard let (m, f) = methodForm(v, uses: Self.normaliseUses, order: Self.normaliseMethods) else { return nil }
        func value(_ key: String) -> YAMLValue? { f?[key] }
        switch m {
        case "min-max": return .minMax
        case "rank": return .rank
        case "percentile": return .percentile
        case "none": return NormaliseStep.none
        case "goalposts":
            guard let minV = value("min"), let maxV = value("max") else {
                log.error(v.place, "method goalposts needs min and max, as in {method: goalposts, min: 0, max: 100}")
                return nil
            }
            guard let lo = number(minV), let hi = number(maxV) else { return nil }
            guard lo < hi else {
                log.error(v.place, "goalposts min \(minV.text ?? "") must be below max \(maxV.text ?? "")")
                return nil
            }
            return .goalposts(min: lo, max: hi)
        case "target":
            guard let t = value("target") else { return .target(nil) }
            return number(t).map { .target($0) }
        case "z-score":
            let mean = value("mean").map { number($0) } ?? 0
            let sd = value("sd").map { positive($0) } ?? 1
            guard let mean, let sd else { return nil }
            return .zScore(mean: mean, sd: sd)
        case "ratio", "yes-no":
            guard let points = value("max-points").map({ positive($0) }) ?? 1 else { return nil }
            return m == "ratio" ? .ratio(maxPoints: points) : .yesNo(maxPoints: points)
        default:
            return bands(v, f)
        }
    }

    /// `{method: bands, thresholds: […], points: […], of: value|target, target: t}`.
    private mutating func bands(_ v: YAMLValue, _ f: YAMLFields?) -> NormaliseStep? {
        guard let tv = f?["thresholds"], let pv = f?["points"] else {
            log.error(v.place, "method bands needs thresholds and points, as in {method: bands, thresholds: [10, 20], points: [1, 2, 3]}")
            return nil
        }
        let basis: NormaliseStep.BandBasis? = f?["of"].map { choice($0, "basis") } ?? .value
        let target = f?["target"].map { number($0) }
        guard let thresholds = numbers(tv), let points = numbers(pv), let basis else { return nil }
        if let target, target == nil { return nil }
        var ok = true
        if thresholds.isEmpty {
            log.error(tv.place, "expected at least one threshold")
            ok = false
        }
        for i in thresholds.indices.dropFirst() where thresholds[i] <= thresholds[i - 1] {
            log.error(tv.place, "thresholds must increase strictly; \(Wording.number(thresholds[i])) follows \(Wording.number(thresholds[i - 1]))")
            ok = false
            break
        }
        if points.count != thresholds.count + 1 {
            log.error(pv.place, "expected \(thresholds.count + 1) points (one more than the \(thresholds.count) thresholds), found \(points.count)")
            ok = false
        }
        if basis == .value, let place = f?.keyPlaces["target"] {
            log.error(place, "target is only used by bands with of: target")
            ok = false
        }
        return ok ? .bands(basis: basis, target: target ?? nil, thresholds: thresholds, points: points) : nil
    }

    /// `treat: {method: winsorise, …}` or `treat: log`.
    mutating func treat(_ v: YAMLValue) -> TreatStep? {
        guard let (m, f) = methodForm(v, uses: Self.treatUses, order: ["none", "log", "winsorise"]) else { return nil }
        switch m {
        case "none": return TreatStep.none
        case "log": return .log
        default:
            let maxPoints = f?["max-points"].map { integer($0, in: 1...1_000_000) } ?? 5
            let skew = f?["skew"].map { positive($0) } ?? 2
            let kurtosis = f?["kurtosis"].map { positive($0) } ?? 3.5
            let fallback: TreatStep.Fallback? = f?["fallback"].map { choice($0, "fallback") } ?? .log
            guard let maxPoints, let skew, let kurtosis, let fallback else { return nil }
            return .winsorise(maxPoints: maxPoints, skew: skew, kurtosis: kurtosis, fallback: fallback)
        }
    }

    /// `impute: {method: group-mean, by: region}` or `impute: mean`.
    mutating func impute(_ v: YAMLValue) -> ImputeStep? {
        let order = ["none", "mean", "median", "group-mean", "carry-forward", "interpolate"]
        guard let (m, f) = methodForm(v, uses: Self.imputeUses, order: order) else { return nil }
        switch m {
        case "none": return ImputeStep.none
        case "mean": return .mean
        case "median": return .median
        default:
            guard let by = f?["by"] else {
                log.error(v.place, "method group-mean needs by: the unit attribute that forms the groups")
                return nil
            }
            guard let name = string(by, what: "a unit attribute name") else { return nil }
            references.append(NameReference(name: name, place: by.place, key: "impute.by", role: .attribute))
            return .groupMean(by: name)
        }
    }

    /// `aggregate: {method: …, missing: …, min-coverage: …, out-of: …, floor: …, zero: error|exclude,
    /// over: children|indicators}` or `aggregate: geometric`.
    mutating func aggregate(_ v: YAMLValue) -> AggregateStep? {
        let order = AggregateStep.Method.allCases.map(\.rawValue)
        guard let (m, f) = methodForm(v, uses: Self.aggregateUses, order: order),
            let method = AggregateStep.Method(rawValue: m)
        else { return nil }
        let missing: AggregateStep.Missing? = f?["missing"].map { choice($0, "missing") } ?? .reweight
        let coverage = f?["min-coverage"].map { fraction($0) }
        let outOf = f?["out-of"].map { positive($0) }
        let floor = f?["floor"].map { positive($0) }
        let zero: AggregateStep.ZeroRule? = f?["zero"].map { choice($0, "zero") } ?? .error
        let over: AggregateStep.Over? = f?["over"].map { choice($0, "aggregate over") } ?? .children
        guard let missing, let zero, let over else { return nil }
        if coverage == .some(nil) || outOf == .some(nil) || floor == .some(nil) { return nil }
        return AggregateStep(
            method: method, missing: missing, minCoverage: coverage ?? nil, outOf: outOf ?? nil, floor: floor ?? nil, zero: zero, over: over)
    }

    /// `denominate: {by: id, factor: n, unit: text}` or `denominate: id`; `unit` is the unit of
    /// measure of the result, a text or `{en: …, vi: …}`.
    mutating func denominate(_ v: YAMLValue) -> DenominateStep? {
        if case .scalar = v.node {
            guard let name = string(v, what: "an indicator id or unit attribute") else { return nil }
            references.append(NameReference(name: name, place: v.place, key: "denominate.by", role: .indicatorOrAttribute))
            return DenominateStep(by: name)
        }
        guard let f = fields(v, known: ["by", "factor", "unit"], what: "{by: …, factor: …}") else { return nil }
        guard let byV = f["by"] else {
            log.error(v.place, "denominate needs by: an indicator id or unit attribute")
            return nil
        }
        let by = string(byV, what: "an indicator id or unit attribute")
        let factor = f["factor"].map { positive($0) } ?? 1
        let unit = f["unit"].map { localized($0, language: language) }
        guard let by, let factor, unit != .some(nil) else { return nil }
        references.append(NameReference(name: by, place: byV.place, key: "denominate.by", role: .indicatorOrAttribute))
        return DenominateStep(by: by, factor: factor, unit: unit ?? nil)
    }

    /// `screen: {min-coverage: 0.9, basis: raw|imputed}`.
    mutating func screen(_ v: YAMLValue) -> ScreenStep? {
        guard let f = fields(v, known: ["min-coverage", "basis"], what: "{min-coverage: …, basis: …}") else { return nil }
        guard let cv = f["min-coverage"] else {
            log.error(v.place, "screen needs min-coverage: the least share (0 to 1) of indicators a unit must have")
            return nil
        }
        let coverage = fraction(cv)
        let basis: ScreenStep.Basis? = f["basis"].map { choice($0, "basis") } ?? .raw
        guard let coverage, let basis else { return nil }
        return ScreenStep(minCoverage: coverage, basis: basis)
    }
}
