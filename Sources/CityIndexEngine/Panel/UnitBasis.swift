import CityIndexCore

/// The units of one period as the scorer sees them (DESIGN §5): each store key taken to the
/// registry unit it means in the period (a plain code: the unit with that code in force at the
/// end of the period; `code@valid_from`: that unit, given on another basis), plus the
/// registries' other units in force then, which take part without data.
///
/// Units that were never in force on the same day (before and after a reorganisation) are two
/// bases: a period holding both stops with an error naming one of each, unless they are to be
/// combined onto one basis (`--units`).
struct UnitBasis {
    /// The store keys, one per matrix row, sorted.
    let keys: [String]
    /// The units of the rows (codes as users know them, names of the period).
    let units: [UnitInfo]
    /// The registry entry of each row (nil without registries).
    let entries: [Int?]

    /// - Parameter others: units with data in other periods (key → one such period), which take
    ///   part in this one when they are the same unit in force here (imputation over time).
    init(
        criteria: LoadedCriteria, period: Period, keys reported: Set<String>, others: [String: Period] = [:], allowMixed: Bool,
        store: [String: UnitInfo]
    ) throws {
        let catalog = criteria.catalog
        var given = reported
        guard !catalog.isEmpty else {
            given.formUnion(others.keys)
            keys = given.sorted()
            units = keys.map { store[$0] ?? UnitInfo(code: $0, name: $0) }
            entries = keys.map { _ in nil }
            return
        }
        for (key, home) in others where !given.contains(key) {
            if let here = catalog.entry(storeKey: key, period: period), here == catalog.entry(storeKey: key, period: home) {
                given.insert(key)
            }
        }
        var byKey: [String: Int] = [:]
        var unknown: [String] = []
        for key in given.sorted() {
            if let e = catalog.entry(storeKey: key, period: period) { byKey[key] = e } else { unknown.append(key) }
        }
        if let key = unknown.first {
            let registries = criteria.registries.map(\.file).joined(separator: ", ")
            let more = unknown.count > 1 ? " (and \(unknown.count - 1) more: \(unknown.dropFirst().prefix(5).joined(separator: ", "))\(unknown.count > 6 ? " …" : ""))" : ""
            throw EngineError(
                "the store holds \(period) values of unit \(key)\(more), but no such unit is in force at the end of \(period) in the set's registries (\(registries)): import the data with this set (which checks units) or name a registry that lists the unit")
        }
        let data = byKey.values.sorted()
        if !allowMixed, let (a, b) = Self.twoBases(data, catalog: catalog) {
            throw EngineError(
                "\(period) mixes units of two bases that were never in force together: \(catalog.entries[a].label) and \(catalog.entries[b].label); score the period on one basis with --units P (the units in force at the end of P), or remove one basis's data")
        }
        // The registries' other units of the period take part without data (listed as not
        // ranked), when the data are on the period's own basis.
        if byKey.keys.allSatisfy({ !$0.contains("@") }) {
            for e in catalog.inForce(on: period.lastDay) where byKey.values.contains(e) == false {
                let key = catalog.storeKey(of: e, period: period)
                if byKey[key] == nil { byKey[key] = e }
            }
        }
        keys = byKey.keys.sorted()
        units = keys.map { key in
            let e = byKey[key] ?? 0
            var u = catalog.entries[e].identifiedUnit
            // Attributes imported with the data (groups) override the registry's.
            if let s = store[key] { u.attributes.merge(s.attributes) { _, new in new } }
            return u
        }
        entries = keys.map { byKey[$0] }
    }

    /// Two entries of `data` that never coexisted, if any.
    static func twoBases(_ data: [Int], catalog: UnitCatalog) -> (Int, Int)? {
        // Compare against the entries with the latest start and the earliest end: a pair that
        // never coexisted includes one of them.
        guard let latestStart = data.max(by: { (catalog.entries[$0].validFrom ?? "") < (catalog.entries[$1].validFrom ?? "") }),
            let earliestEnd = data.min(by: { (catalog.entries[$0].validTo ?? "9999") < (catalog.entries[$1].validTo ?? "9999") })
        else { return nil }
        guard !catalog.entries[latestStart].coexists(with: catalog.entries[earliestEnd]) else { return nil }
        return (earliestEnd, latestStart)
    }
}
