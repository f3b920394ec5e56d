import CityIndexCore

extension YAMLNodeReader {
    /// Keys of `uncertainty:`.
    static let uncertaintyKeys = ["weights", "normalise", "aggregate", "impute", "leave-out", "runs", "seed"]

    /// `uncertainty:` (see ``Uncertainties``):
    ///
    /// ```yaml
    /// uncertainty:
    ///   weights: 0.25                 # or {dirichlet: 20}
    ///   normalise: [min-max, z-score]
    ///   aggregate: [arithmetic, geometric]
    ///   impute: true
    ///   leave-out: indicator
    ///   runs: 1000
    ///   seed: 1
    /// ```
    mutating func uncertainty(_ v: YAMLValue) -> Uncertainties? {
        guard let f = fields(v, known: Self.uncertaintyKeys, aliases: ["normalize": "normalise"], what: "uncertainty") else { return nil }
        var u = Uncertainties()
        if let wv = f["weights"] {
            if case .mapping = wv.node {
                guard let wf = fields(wv, known: ["dirichlet"], what: "{dirichlet: α}") else { return nil }
                guard let av = wf["dirichlet"] else {
                    log.error(wv.place, "missing key dirichlet; expected weights: {dirichlet: α}, the concentration per child (20 keeps weights near the nominal)")
                    return nil
                }
                guard let a = positive(av) else { return nil }
                u.dirichletConcentration = a
            } else {
                guard let spread = number(wv) else { return nil }
                guard spread >= 0 && spread < 1 else {
                    log.error(wv.place, "expected a share from 0 up to (not including) 1, such as 0.25 for ±25 %, found \(wv.found)")
                    return nil
                }
                u.weightSpread = spread
            }
        }
        if let nv = f["normalise"] {
            guard let list: [NormalisationChoice] = choices(nv, "normalisation alternative") else { return nil }
            u.normalisations = list
        }
        if let av = f["aggregate"] {
            guard let list: [AggregationChoice] = choices(av, "aggregation alternative") else { return nil }
            u.aggregations = list
        }
        if let iv = f["impute"] {
            guard let b = bool(iv) else { return nil }
            u.imputation = b
        }
        if let lv = f["leave-out"] {
            guard let level: LeaveOutLevel = choice(lv, "leave-out level") else { return nil }
            u.leaveOut = level
        }
        if let rv = f["runs"] {
            guard let n = integer(rv, in: 2...10_000_000) else { return nil }
            u.runs = n
        }
        if let sv = f["seed"] {
            guard let text = sv.text, let seed = UInt64(text.trimmingSpaces) else {
                log.error(sv.place, "expected a whole number from 0 to \(UInt64.max), found \(sv.found)")
                return nil
            }
            u.seed = seed
        }
        return u
    }

    /// A list of raw values of `E` (a single value is a list of one), named `what` in messages.
    private mutating func choices<E: RawRepresentable & CaseIterable>(_ v: YAMLValue, _ what: String) -> [E]? where E.RawValue == String {
        guard case .sequence(let items) = v.node else {
            let one: E? = choice(v, what)
            return one.map { [$0] }
        }
        var out: [E] = []
        for (i, item) in items.enumerated() {
            guard let e: E = choice(v.child(item, path: "[\(i)]"), what) else { return nil }
            out.append(e)
        }
        if out.isEmpty { log.error(v.place, "expected a list of \(what)s: one of \(Wording.list(E.allCases.map(\.rawValue)))") }
        return out.isEmpty ? nil : out
    }
}
