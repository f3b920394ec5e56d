/// A hash table from packed observation keys (never 0) to small integers, by open addressing
/// with linear probing: what an import needs to find a value given twice among a million
/// values held, at a few nanoseconds a look-up (a `Dictionary` costs several times more).
struct PackedKeyTable {
    private var keys: [UInt64]
    private var slots: [UInt32]
    private var mask: Int
    /// The entries stored.
    private(set) var count = 0

    /// An empty table with room for `capacity` entries before it grows.
    init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        slots = [UInt32](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The value of `key`, if stored.
    /// - Complexity: O(1) expected.
    @inline(__always)
    func value(of key: UInt64) -> UInt32? {
        var i = home(key)
        while true {
            let k = keys[i]
            if k == key { return slots[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Stores `value` for `key` (not stored yet; `key` not 0).
    /// - Complexity: amortised O(1).
    mutating func insert(_ key: UInt64, _ value: UInt32) {
        if (count + 1) * 2 > keys.count { grow() }
        var i = home(key)
        while keys[i] != 0 { i = (i + 1) & mask }
        keys[i] = key
        slots[i] = value
        count += 1
    }

    private mutating func grow() {
        let (oldKeys, oldSlots) = (keys, slots)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        slots = [UInt32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (k, key) in oldKeys.enumerated() where key != 0 { insert(key, oldSlots[k]) }
    }
}
