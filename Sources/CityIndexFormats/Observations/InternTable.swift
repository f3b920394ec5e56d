/// A small hash table from byte strings to values, for field texts that repeat row after row
/// (indicator ids): a lookup hashes and compares bytes, without making a `String`.
///
/// Holds at most ``limit`` entries; inserts beyond it are ignored, so memory stays bounded
/// whatever the input.
struct InternTable<Value> {
    /// The most entries kept.
    let limit: Int
    /// Every key's bytes, one after another.
    private var keyBytes: [UInt8] = []
    private var entries: [(start: Int, count: Int, value: Value)] = []
    /// Open addressing: an index into `entries`, or -1; the count is a power of two.
    private var slots: [Int32]

    /// Creates an empty table that keeps at most `limit` entries.
    init(limit: Int = 4096) {
        self.limit = limit
        slots = [Int32](repeating: -1, count: 64)
    }

    /// The value stored for `key`, if any.
    ///
    /// - Complexity: O(key length), expected.
    @inline(__always)
    func value(for key: UnsafeBufferPointer<UInt8>) -> Value? {
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        while true {
            let e = Int(slots[slot])
            if e < 0 { return nil }
            let entry = entries[e]
            if entry.count == key.count, matches(key, at: entry.start) { return entry.value }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `key` (not already present), unless the table is full.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Value) {
        guard entries.count < limit else { return }
        if (entries.count + 1) * 2 > slots.count { grow() }
        let start = keyBytes.count
        keyBytes.append(contentsOf: key)
        entries.append((start, key.count, value))
        place(entries.count - 1, hash: Self.hash(key))
    }

    private func matches(_ key: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        keyBytes.withUnsafeBufferPointer { stored in
            for i in 0..<key.count where stored[start + i] != key[i] { return false }
            return true
        }
    }

    private mutating func place(_ entry: Int, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (i, entry) in entries.enumerated() {
            let hash = keyBytes.withUnsafeBufferPointer {
                Self.hash(UnsafeBufferPointer(rebasing: $0[entry.start..<(entry.start + entry.count)]))
            }
            place(i, hash: hash)
        }
    }

    /// FNV-1a, folded: ids are short, and the table only needs a spread, not a secure hash.
    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
