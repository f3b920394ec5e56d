extension Ranker {
    /// The positions of `scores` from the highest score to the lowest; equal scores (`-0` equals
    /// `0`) in increasing `tieOrder`, then in increasing position.
    ///
    /// That order is total, so any correct sort gives it: numbers are radix-sorted on keys whose
    /// unsigned order is the scores' descending order, with no comparison per pair. NaN is
    /// unordered against every score: with a NaN the stable comparison sort decides where it
    /// lands, as it always has; short lists use that sort too.
    ///
    /// ```swift
    /// Ranker.order([0.5, 0.9, 0.5], tieOrder: [2, 0, 1])   // [1, 2, 0]
    /// ```
    /// - Complexity: O(n) when no score is NaN: a pass per byte in which the keys differ, at most
    ///   8 (16 when the tie order is not increasing); O(n log n) otherwise.
    static func order(_ scores: [Double], tieOrder: [Int]) -> [Int] {
        precondition(scores.count == tieOrder.count, "one tie order per score")
        guard scores.count >= radixMinimumCount, !scores.contains(where: \.isNaN) else {
            return comparisonOrder(scores, tieOrder: tieOrder)
        }
        // Least significant key first: order by tie position (stable, so equal ties keep their
        // positions), then stably by score. Ties usually come in increasing order already.
        var byTie = Array(scores.indices)
        if !tieOrder.isSortedAscending {
            let least = tieOrder.min() ?? 0
            var items = tieOrder.indices.map {
                KeyedIndex(key: UInt64(bitPattern: Int64(tieOrder[$0] &- least)), index: $0)
            }
            KeyedIndex.radixSort(&items)
            byTie = items.map(\.index)
        }
        var items = byTie.map { KeyedIndex(key: descendingKey(scores[$0]), index: $0) }
        KeyedIndex.radixSort(&items)
        return items.map(\.index)
    }

    /// Below this many scores the comparison sort is as fast as the radix sort's fixed cost.
    static let radixMinimumCount = 64

    /// The stable comparison sort by score, highest first, then `tieOrder`.
    /// - Complexity: O(n log n).
    static func comparisonOrder(_ scores: [Double], tieOrder: [Int]) -> [Int] {
        var order = Array(scores.indices)
        scores.withUnsafeBufferPointer { s in
            tieOrder.withUnsafeBufferPointer { t in
                order.sort { a, b in s[a] != s[b] ? s[a] > s[b] : t[a] < t[b] }
            }
        }
        return order
    }

    /// A key whose unsigned order is the descending order of `score` (not NaN); `-0` and `0`
    /// share one key.
    @inline(__always)
    static func descendingKey(_ score: Double) -> UInt64 {
        let bits = (score == 0 ? 0 : score).bitPattern
        // Ascending order of doubles as unsigned integers: negatives flipped, the sign bit set
        // on the others; the complement reverses it.
        let ascending = bits >> 63 == 1 ? ~bits : bits | (1 << 63)
        return ~ascending
    }
}

/// A position and the unsigned key it is sorted by.
struct KeyedIndex {
    var key: UInt64
    var index: Int

    /// Sorts `items` by key, keeping the order of equal keys: least significant byte first,
    /// skipping the bytes that every key shares.
    /// - Complexity: O(n) per byte in which keys differ, at most 8 passes.
    static func radixSort(_ items: inout [KeyedIndex]) {
        let n = items.count
        guard n > 1 else { return }
        let radix = 256
        // Every byte's histogram in one sweep.
        var counts = [Int](repeating: 0, count: 8 * radix)
        counts.withUnsafeMutableBufferPointer { c in
            for item in items {
                var key = item.key
                for byte in 0..<8 {
                    c[byte &* radix &+ Int(key & 0xFF)] &+= 1
                    key >>= 8
                }
            }
        }
        var scratch = items
        var offsets = [Int](repeating: 0, count: radix)
        for byte in 0..<8 {
            let shift = UInt64(byte * 8)
            let histogram = byte * radix
            // A byte that every key shares leaves the order as it is.
            guard counts[histogram + Int(items[0].key >> shift & 0xFF)] != n else { continue }
            var sum = 0
            for b in 0..<radix {
                offsets[b] = sum
                sum += counts[histogram + b]
            }
            items.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    offsets.withUnsafeMutableBufferPointer { next in
                        for item in source {
                            let b = Int(item.key >> shift & 0xFF)
                            target[next[b]] = item
                            next[b] &+= 1
                        }
                    }
                }
            }
            swap(&items, &scratch)
        }
    }
}

extension Array where Element == Int {
    /// Whether every element is at most the next.
    fileprivate var isSortedAscending: Bool {
        zip(self, dropFirst()).allSatisfy { $0 <= $1 }
    }
}
