import CityIndexCore

/// The integer ids of the unit or indicator codes an import has met, found without hashing
/// when the file repeats its codes in the same order, as long files do (a unit's indicators
/// in the same order, each period's units in the same order).
///
/// Asks first whether the code is the last one found, then whether it is the one met after
/// it before; only then looks it up in a ``CodeTable`` (a shuffled file, on every row).
struct CodeIDs {
    /// The codes as given, in the order first met, with their ids.
    private var table = CodeTable<Int64>()
    /// The entry of the last code found.
    private var last = 0

    /// The id of `code`, or nil when it was never added.
    ///
    /// - Complexity: O(1): two string comparisons when the file keeps its order, else a hash.
    @inline(__always)
    mutating func id(of code: String) -> Int64? {
        let count = table.count
        if last < count, table.key(at: last) == code { return table[entry: last] }
        let guess = last + 1 < count ? last + 1 : 0
        if guess < count, table.key(at: guess) == code {
            last = guess
            return table[entry: guess]
        }
        guard let entry = table.entry(of: code) else { return nil }
        last = entry
        return table[entry: entry]
    }

    /// Records the id of a code not added before.
    mutating func add(_ code: String, id: Int64) {
        last = table.add(code, id)
    }

    /// The codes added, as given, in the order first met.
    var codes: [String] { (0..<table.count).map(table.key(at:)) }
}
