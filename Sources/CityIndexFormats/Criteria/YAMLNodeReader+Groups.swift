import CityIndexCore

extension YAMLNodeReader {
    /// `groups: quartiles`, `groups: papi`, or named bands:
    ///
    /// ```yaml
    /// groups:
    ///   method: bands
    ///   of: target        # scale (default): min is a share of the scale; score: min is a score
    ///   target: 100       # with of: target
    ///   bands:
    ///     - {name: {en: "95 %+", vi: "Từ 95 %"}, min: 0.95}
    ///     - {name: "66-95 %", min: 0.66}
    ///     - {name: "33-66 %", min: 0.33}
    ///     - {name: "below 33 %", min: 0}
    /// ```
    mutating func performanceGroups(_ v: YAMLValue, language: Language) -> PerformanceGroupMethod? {
        if case .scalar = v.node {
            guard let m = choice(v, "groups method", among: ["quartiles", "papi", "bands"]) else { return nil }
            if m == "bands" {
                log.error(v.place, "groups: bands needs its bands, as in {method: bands, bands: [{name: High, min: 0.66}, {name: Low, min: 0}]}")
                return nil
            }
            return m == "papi" ? .papi : .quartiles
        }
        guard let f = fields(v, known: ["method", "of", "target", "bands"], what: "groups") else { return nil }
        guard let mv = f["method"], let m = choice(mv, "groups method", among: ["quartiles", "papi", "bands"]) else {
            if f["method"] == nil { log.error(v.place, "missing key method; expected one of quartiles, papi, bands") }
            return nil
        }
        guard m == "bands" else {
            for key in ["of", "target", "bands"] where f[key] != nil {
                log.error(f.keyPlaces[key] ?? v.place, "\(key) is only used by groups method bands")
            }
            return m == "papi" ? .papi : .quartiles
        }
        let of = f["of"].map { choice($0, "band basis", among: ["scale", "score", "target"]) } ?? "scale"
        guard let of else { return nil }
        var basis = PerformanceBand.Basis.scale
        if of == "score" { basis = .score }
        if of == "target" {
            guard let tv = f["target"], let t = positive(tv) else {
                log.error(v.place, "groups of: target needs target: the value that counts as 100 %")
                return nil
            }
            basis = .target(t)
        } else if let place = f.keyPlaces["target"] {
            log.error(place, "target is only used with of: target")
        }
        guard let bv = f["bands"], case .sequence(let items) = bv.node, !items.isEmpty else {
            log.error(f["bands"]?.place ?? v.place, "expected a list of bands, each {name: …, min: …}")
            return nil
        }
        var bands: [PerformanceBand] = []
        for (i, item) in items.enumerated() {
            let iv = bv.child(item, path: "[\(i)]")
            guard let bf = fields(iv, known: ["name", "min"], what: "a band {name: …, min: …}") else { continue }
            guard let nv = bf["name"], let name = localized(nv, language: language) else {
                log.error(iv.place, "a band needs a name")
                continue
            }
            guard let minV = bf["min"], let minimum = number(minV) else {
                log.error(iv.place, "a band needs min: the least value in the band")
                continue
            }
            if let previous = bands.last, minimum >= previous.minimum {
                log.error(minV.place, "bands must be listed from the highest min down; \(minimum) follows \(previous.minimum)")
            }
            bands.append(PerformanceBand(name: name, minimum: minimum, basis: basis))
        }
        return bands.isEmpty ? nil : .bands(bands)
    }
}

extension YAMLNodeReader {
    /// `tags: [core]` or `tags: core`: words of letters, digits, `_`, `.` and `-`.
    mutating func tags(_ v: YAMLValue) -> [String] {
        let list: [String]
        if case .scalar = v.node {
            list = string(v, what: "a tag").map { [$0] } ?? []
        } else {
            list = strings(v, what: "tags") ?? []
        }
        var out: [String] = []
        for tag in list {
            if !CriteriaLoader.isValidID(tag) {
                log.error(v.place, "tag \"\(tag)\" may only hold letters A-Z and a-z, digits, \"_\", \".\" and \"-\"")
            } else if !out.contains(tag) {
                out.append(tag)
            }
        }
        return out
    }

    /// `targets: targets.csv` (a file, relative to the set) or `targets: external` (given with each run).
    mutating func targetsDeclaration(_ v: YAMLValue) -> TargetsDeclaration? {
        guard let text = string(v, what: "a targets file path, or external") else { return nil }
        return text == "external" ? .external : .file(text)
    }

    /// `charts: [wheel]` or `charts: wheel`.
    mutating func charts(_ v: YAMLValue) -> [ReportChart] {
        if case .scalar = v.node { return choice(v, "chart").map { [$0] } ?? [] }
        guard case .sequence(let items) = v.node else {
            log.error(v.place, "expected a list of charts, as in charts: [wheel], found \(v.found)")
            return []
        }
        var out: [ReportChart] = []
        for (i, item) in items.enumerated() {
            if let chart: ReportChart = choice(v.child(item, path: "[\(i)]"), "chart"), !out.contains(chart) { out.append(chart) }
        }
        return out
    }
}
