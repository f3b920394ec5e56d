/// A hash table from short texts (unit and indicator codes, unit keys) to values, for the
/// lookups an import makes on every row.
///
/// `Dictionary<String, _>` hashes with SipHash through `Hasher`; on a shuffled file of a
/// million values, where no "same as the last row" shortcut helps, its lookups took a fifth
/// of the reading thread. This table hashes the UTF-8 bytes with FNV-1a, keeps each entry's
/// hash, and probes linearly, so a lookup is one pass over a few bytes and, almost always, one
/// string comparison.
///
/// Keys are hashed by their bytes: two spellings of one text in different Unicode forms (NFC
/// and NFD) are two keys. Callers that must treat them as one normalise first.
///
/// ```swift
/// var table = CodeTable<Int64>()
/// let entry = table.add("U0001", 1)
/// table.entry(of: "U0001")  // entry
/// table[entry: entry]       // 1
/// ```
public struct CodeTable<Value> {
    /// The keys, values and hashes of the entries, in the order added.
    @usableFromInline var keys: [String] = []
    @usableFromInline var hashes: [UInt64] = []
    @usableFromInline var values: [Value] = []
    /// Each slot holds an entry's index, or -1; a power of two, at most half full.
    @usableFromInline var slots: [Int32] = Array(repeating: -1, count: 16)
    /// 64 minus the number of bits that index `slots`.
    @usableFromInline var shift: UInt64 = 60

    /// An empty table.
    @inlinable public init() {}

    /// How many keys the table holds.
    @inlinable public var count: Int { keys.count }

    /// The entry of `key`, or nil when it was never added.
    ///
    /// - Complexity: O(k) in the key's length, expected.
    @inlinable @inline(__always)
    public func entry(of key: String) -> Int? {
        find(key, hash: Self.hash(key)).entry
    }

    /// The value of `key`, or nil when it was never added.
    @inlinable @inline(__always)
    public subscript(key: String) -> Value? {
        entry(of: key).map { values[$0] }
    }

    /// The value of an entry (given by ``entry(of:)`` or ``add(_:_:)``).
    @inlinable @inline(__always)
    public subscript(entry entry: Int) -> Value {
        get { values[entry] }
        _modify { yield &values[entry] }
    }

    /// The key of an entry.
    @inlinable @inline(__always)
    public func key(at entry: Int) -> String { keys[entry] }

    /// Adds `key`, which the table must not hold, with `value`; returns its entry (entries
    /// are numbered from 0 in the order added).
    @inlinable @discardableResult
    public mutating func add(_ key: String, _ value: Value) -> Int {
        let hash = Self.hash(key)
        let found = find(key, hash: hash)
        precondition(found.entry == nil, "CodeTable.add: the key is in the table already")
        let entry = keys.count
        keys.append(key)
        hashes.append(hash)
        values.append(value)
        slots[found.slot] = Int32(entry)
        if keys.count * 2 > slots.count { grow() }
        return entry
    }

    /// The slot that holds `key`'s entry, or the empty slot where it would go.
    @inlinable @inline(__always)
    func find(_ key: String, hash: UInt64) -> (slot: Int, entry: Int?) {
        let mask = slots.count - 1
        var slot = Self.slot(of: hash, shift: shift)
        while true {
            let e = Int(slots[slot])
            if e < 0 { return (slot, nil) }
            if hashes[e] == hash, keys[e] == key { return (slot, e) }
            slot = (slot + 1) & mask
        }
    }

    /// Doubles the slots and places every entry anew.
    @usableFromInline mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Self.slot(of: hash, shift: shift)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    /// The high bits of the hash times the golden ratio (FNV-1a's low bits vary little
    /// between keys that differ in their last character).
    @inlinable @inline(__always)
    static func slot(of hash: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// FNV-1a over the UTF-8 bytes of `text`.
    @inlinable @inline(__always)
    static func hash(_ text: String) -> UInt64 {
        let fnv = { (bytes: UnsafeBufferPointer<UInt8>) -> UInt64 in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
            return h
        }
        if let h = text.utf8.withContiguousStorageIfAvailable(fnv) { return h }
        return Array(text.utf8).withUnsafeBufferPointer(fnv)
    }
}

extension CodeTable: Sendable where Value: Sendable {}
