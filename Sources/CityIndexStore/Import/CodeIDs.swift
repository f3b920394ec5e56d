/// The integer ids of the unit or indicator codes an import has met, found without hashing
/// when the file repeats its codes in the same order, as long files do (a unit's indicators
/// in the same order, each period's units in the same order).
///
/// Asks first whether the code is the last one found, then whether it is the one met after
/// it before; only then looks it up in a dictionary.
struct CodeIDs {
    /// The codes in the order first met, with their ids.
    private var order: [(code: String, id: Int64)] = []
    /// The position of each code in `order`.
    private var positions: [String: Int] = [:]
    /// The position of the last code found.
    private var last = 0

    /// The id of `code`, or nil when it was never added.
    ///
    /// - Complexity: O(1): two string comparisons when the file keeps its order, else a hash.
    @inline(__always)
    mutating func id(of code: String) -> Int64? {
        let count = order.count
        if last < count, order[last].code == code { return order[last].id }
        let guess = last + 1 < count ? last + 1 : 0
        if guess < count, order[guess].code == code {
            last = guess
            return order[guess].id
        }
        guard let position = positions[code] else { return nil }
        last = position
        return order[position].id
    }

    /// Records the id of a code not added before.
    mutating func add(_ code: String, id: Int64) {
        positions[code] = order.count
        last = order.count
        order.append((code, id))
    }
}
