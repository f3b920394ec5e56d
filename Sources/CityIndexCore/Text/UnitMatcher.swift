/// Finds a unit by code or by name, ignoring case, diacritics and administrative prefixes.
///
/// A code matches first (case-insensitive); then a name key that names exactly one unit.
public struct UnitMatcher: Sendable {
    /// The outcome of a look-up.
    public enum Match: Sendable, Hashable {
        /// The index of the one unit found.
        case found(Int)
        /// Several units share the name key.
        case ambiguous([Int])
        /// No unit matches; the closest name, if any is close.
        case notFound(suggestion: String?)
    }

    private let units: [UnitInfo]
    private var byCode: [String: Int] = [:]
    private var byName: [String: [Int]] = [:]

    /// Creates a matcher over `units`.
    public init(units: [UnitInfo]) {
        self.units = units
        for (i, u) in units.enumerated() {
            byCode[u.code.lowercased()] = byCode[u.code.lowercased()] ?? i
            for name in [u.name, u.nameEN].compactMap({ $0 }) {
                let key = UnitNameKey.key(name)
                if !(byName[key]?.contains(i) ?? false) { byName[key, default: []].append(i) }
            }
        }
    }

    /// Finds `key` (a code or a name); `name` is tried too when given.
    public func match(_ key: String, name: String? = nil) -> Match {
        if let i = byCode[key.lowercased()] { return .found(i) }
        for candidate in [key, name].compactMap({ $0 }) {
            if let hits = byName[UnitNameKey.key(candidate)] {
                return hits.count == 1 ? .found(hits[0]) : .ambiguous(hits)
            }
        }
        let names = units.map(\.name)
        let folded = UnitNameKey.key(name ?? key)
        let suggestion = names.min { EditDistance.between(UnitNameKey.key($0), folded) < EditDistance.between(UnitNameKey.key($1), folded) }
        if let s = suggestion, EditDistance.between(UnitNameKey.key(s), folded) <= max(2, folded.count / 4) { return .notFound(suggestion: s) }
        return .notFound(suggestion: nil)
    }
}
