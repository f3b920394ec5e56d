import CityIndexCore

/// ``UnitMatcher``'s code and name rules over a list that grows one unit at a time; a miss
/// gives no suggestion (new units are created, not corrected).
struct GrowingUnitIndex {
    private(set) var units: [UnitInfo] = []
    private var byCode: [String: Int] = [:]
    private var byName: [String: [Int]] = [:]

    init(units: [UnitInfo]) {
        for u in units { append(u) }
    }

    mutating func append(_ u: UnitInfo) {
        let i = units.count
        units.append(u)
        byCode[u.code.lowercased()] = byCode[u.code.lowercased()] ?? i
        for name in [u.name, u.nameEN].compactMap({ $0 }) {
            let key = UnitNameKey.key(name)
            if !(byName[key]?.contains(i) ?? false) { byName[key, default: []].append(i) }
        }
    }

    func match(_ key: String, name: String?) -> UnitMatcher.Match {
        if let i = byCode[key.lowercased()] { return .found(i) }
        for candidate in [key, name].compactMap({ $0 }) {
            if let hits = byName[UnitNameKey.key(candidate)] {
                return hits.count == 1 ? .found(hits[0]) : .ambiguous(hits)
            }
        }
        return .notFound(suggestion: nil)
    }
}
