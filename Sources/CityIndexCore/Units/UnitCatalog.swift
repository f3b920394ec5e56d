/// Every unit the registries of a criteria set list, with their validity: the one place that
/// says which unit a code or a name means on a given day (DESIGN §5).
///
/// The rule: a period's data are given by the units in force at the end of the period (for a
/// year straddling a reorganisation, the units after it), unless the data are declared to be on
/// another basis; a code names the one unit with that code in force on that day, a name the one
/// unit with that name (in Vietnamese or English, without case, diacritics or the prefixes
/// "Tỉnh", "Thành phố", "TP.") in force on that day. An old name in old data is the old unit.
///
/// ```swift
/// let catalog = UnitCatalog(entries: registry2025 + registry2024)
/// catalog.resolve("24", on: Period.year(2016).lastDay)      // .found(Bắc Giang)
/// catalog.resolve("24", on: Period.year(2025).lastDay)      // .found(Bắc Ninh, the merged unit)
/// catalog.resolve("Yên Bái", on: Period.year(2025).lastDay) // .notInForce([Yên Bái, to 2025-06-30])
/// ```
public struct UnitCatalog: Sendable {
    /// The entries, in registry order (the set's first registry first).
    public let entries: [RegisteredUnit]
    /// Codes and name keys of every entry, whatever its validity.
    private let all: UnitIndex

    /// Creates a catalog.
    public init(entries: [RegisteredUnit]) {
        self.entries = entries
        all = UnitIndex(entries: entries, indices: Array(entries.indices))
    }

    /// Whether no registry is in play (units then come from the data).
    public var isEmpty: Bool { entries.isEmpty }

    /// The entries in force on `day`, in registry order.
    public func inForce(on day: String) -> [Int] {
        entries.indices.filter { entries[$0].isInForce(on: day) }
    }

    /// The look-up structure for `day`: build it once per day and resolve many keys with it.
    public func index(on day: String) -> UnitIndex {
        UnitIndex(entries: entries, indices: inForce(on: day))
    }

    /// The entry that `code` names on `day`, if any.
    public func entry(code: String, on day: String) -> Int? {
        entries.indices.first { entries[$0].unit.code == code && entries[$0].isInForce(on: day) }
    }

    /// What a data row's unit means on `day`: `key` is a code or a name, `name` an optional
    /// name column beside it.
    ///
    /// - Complexity: O(1) hash look-ups in `index`, plus a scan of every entry's name for a
    ///   suggestion when nothing matches.
    public func resolve(_ key: String, name: String? = nil, in index: UnitIndex) -> UnitResolution {
        if let i = index.byCode[key.lowercased()] {
            // A name beside the code must not name another unit.
            // (A name the code had at another time, such as "Huế" for 46 in 2016, is that
            // code's name, not another unit's.)
            if let name, !name.isEmpty {
                let key = UnitNameKey.key(name)
                if let named = index.byName[key], !named.contains(i) {
                    return .conflicting(code: i, name: named)
                }
                if index.byName[key] == nil, let named = all.byName[key],
                    !named.contains(where: { entries[$0].unit.code == entries[i].unit.code })
                {
                    return .conflicting(code: i, name: named)
                }
            }
            return .found(i)
        }
        for candidate in [key, name].compactMap({ $0 }) where !candidate.isEmpty {
            if let hits = index.byName[UnitNameKey.key(candidate)] {
                return hits.count == 1 ? .found(hits[0]) : .ambiguous(hits)
            }
        }
        // Known at another time?
        var elsewhere: [Int] = all.byCodeAll[key.lowercased()] ?? []
        for candidate in [key, name].compactMap({ $0 }) where !candidate.isEmpty {
            elsewhere += all.byName[UnitNameKey.key(candidate)] ?? []
        }
        if !elsewhere.isEmpty {
            var seen = Set<Int>()
            return .notInForce(elsewhere.filter { seen.insert($0).inserted })
        }
        let folded = UnitNameKey.key(name ?? key)
        let names = index.indices.map { entries[$0].unit.name }
        let suggestion = names.min { EditDistance.between(UnitNameKey.key($0), folded) < EditDistance.between(UnitNameKey.key($1), folded) }
        if let s = suggestion, EditDistance.between(UnitNameKey.key(s), folded) <= max(2, folded.count / 4) {
            return .notFound(suggestion: s)
        }
        return .notFound(suggestion: nil)
    }

    /// The key a value of entry `i` is stored under for `period`: the plain code when the code
    /// names this entry at the end of the period, else `code@valid_from` (data given on another
    /// unit basis, see ``entry(storeKey:period:)``).
    public func storeKey(of i: Int, period: Period) -> String {
        let e = entries[i]
        if entry(code: e.unit.code, on: period.lastDay) == i { return e.unit.code }
        return e.unit.code + "@" + (e.validFrom ?? "")
    }

    /// The entry a stored key means in `period` (the inverse of ``storeKey(of:period:)``).
    public func entry(storeKey: String, period: Period) -> Int? {
        guard let at = storeKey.lastIndex(of: "@") else { return entry(code: storeKey, on: period.lastDay) }
        let code = String(storeKey[..<at])
        let from = String(storeKey[storeKey.index(after: at)...])
        return entries.indices.first { entries[$0].unit.code == code && (entries[$0].validFrom ?? "") == from }
    }

    /// The entry that entry `i` became part of by `day`, following the successors columns: `i`
    /// itself when it is in force on `day`.
    ///
    /// - Returns: `.failure` with the reason when the crosswalk cannot get there (the day is
    ///   before the unit existed, a split into several units, a successor code no registry
    ///   lists after the unit ended).
    public func target(of i: Int, on day: String) -> Result<Int, CrosswalkProblem> {
        var current = i
        for _ in 0..<16 {
            let e = entries[current]
            if e.isInForce(on: day) { return .success(current) }
            if let from = e.validFrom, from > day { return .failure(.notYetInForce(entry: current, day: day)) }
            guard let end = e.validTo else { return .failure(.notYetInForce(entry: current, day: day)) }
            guard e.successors.count == 1, let code = e.successors.first else {
                return .failure(e.successors.isEmpty ? .noSuccessor(entry: current, day: day) : .split(entry: current))
            }
            // The successor: the unit with that code that starts after this one ends.
            let next = entries.indices
                .filter { entries[$0].unit.code == code && (entries[$0].validFrom.map { $0 > end } ?? false) }
                .min { (entries[$0].validFrom ?? "") < (entries[$1].validFrom ?? "") }
            guard let next else { return .failure(.unknownSuccessor(entry: current, code: code)) }
            current = next
        }
        return .failure(.noSuccessor(entry: current, day: day))
    }
}

/// Codes and name keys of some catalog entries, for fast resolution.
public struct UnitIndex: Sendable {
    /// The entries indexed, in catalog order.
    public let indices: [Int]
    /// Entry by lower-cased code (the first in catalog order).
    let byCode: [String: Int]
    /// Every entry by lower-cased code.
    let byCodeAll: [String: [Int]]
    /// Entries by name key (Vietnamese and English names).
    let byName: [String: [Int]]

    init(entries: [RegisteredUnit], indices: [Int]) {
        self.indices = indices
        var byCode: [String: Int] = [:]
        var byCodeAll: [String: [Int]] = [:]
        var byName: [String: [Int]] = [:]
        for i in indices {
            let u = entries[i].unit
            let code = u.code.lowercased()
            if byCode[code] == nil { byCode[code] = i }
            byCodeAll[code, default: []].append(i)
            for name in [u.name, u.nameEN].compactMap({ $0 }) {
                let key = UnitNameKey.key(name)
                if !(byName[key]?.contains(i) ?? false) { byName[key, default: []].append(i) }
            }
        }
        self.byCode = byCode
        self.byCodeAll = byCodeAll
        self.byName = byName
    }
}

/// What a unit key means on a day.
public enum UnitResolution: Sendable, Hashable {
    /// The one entry meant.
    case found(Int)
    /// Several units in force that day share the name.
    case ambiguous([Int])
    /// The key names units, none of them in force that day.
    case notInForce([Int])
    /// The code names one unit and the name beside it another.
    case conflicting(code: Int, name: [Int])
    /// No unit has this code or name; the closest name in force that day, if close.
    case notFound(suggestion: String?)
}

/// Why the crosswalk cannot take a unit to the units of a later day.
public enum CrosswalkProblem: Error, Sendable, Hashable {
    /// The day is before the unit was in force: the crosswalk runs forward only.
    case notYetInForce(entry: Int, day: String)
    /// The unit ended without a successor in the registries.
    case noSuccessor(entry: Int, day: String)
    /// The unit was split between several successors.
    case split(entry: Int)
    /// No registry lists the successor code after the unit ended.
    case unknownSuccessor(entry: Int, code: String)
}
