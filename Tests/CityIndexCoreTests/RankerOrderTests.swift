import Testing

@testable import CityIndexCore

/// The radix order behind ``Ranker/ranks(_:tieOrder:)`` must give exactly what the stable
/// comparison sort gave: scores highest first, equal scores by tie order, then by position.
@Suite("Ranker order: radix sort equals the comparison sort")
struct RankerOrderTests {
    /// The ranks as computed before the radix sort: the stable comparison sort, then the same
    /// tie rules.
    static func referenceRanks(_ scores: [Double], tieOrder: [Int], ties: TieMethod) -> [Int] {
        var order = Array(scores.indices)
        order.sort { a, b in scores[a] != scores[b] ? scores[a] > scores[b] : tieOrder[a] < tieOrder[b] }
        var ranks = [Int](repeating: 0, count: scores.count)
        var dense = 0
        for (position, k) in order.enumerated() {
            let tied = position > 0 && scores[order[position - 1]] == scores[k]
            if !tied { dense += 1 }
            switch ties {
            case .ordinal: ranks[k] = position + 1
            case .competition: ranks[k] = tied ? ranks[order[position - 1]] : position + 1
            case .dense: ranks[k] = dense
            }
        }
        return ranks
    }

    /// Random scores: few distinct values (many ties) or many, with signed zeros, infinities and,
    /// when asked, NaN.
    static func scores(count: Int, distinct: Int, nan: Bool, _ generator: inout SplitMix) -> [Double] {
        let pool: [Double] =
            (0..<distinct).map { _ in (generator.unit() - 0.3) * 200 } + [0, -0.0, .infinity, -.infinity]
        return (0..<count).map { _ in
            if nan, generator.next() % 17 == 0 { return .nan }
            return pool[Int(generator.next() % UInt64(pool.count))]
        }
    }

    /// Tie orders as the scorer makes them (increasing positions), shuffled, with repeats, or
    /// spread over the whole `Int` range.
    static func tieOrder(count: Int, kind: Int, _ generator: inout SplitMix) -> [Int] {
        switch kind {
        case 0: return Array(0..<count)
        case 1:
            var order = Array(0..<count)
            generator.shuffle(&order)
            return order
        case 2: return (0..<count).map { _ in Int(generator.next() % 5) - 2 }
        default: return (0..<count).map { _ in Int(bitPattern: UInt(generator.next())) }
        }
    }

    @Test("same order and ranks as the comparison sort", arguments: [
        (0, 10, false), (1, 10, false), (64, 3, false), (65, 3, false), (200, 5, false), (1000, 1000, false),
        (3321, 40, false), (3321, 3321, false), (10_600, 10_600, false), (500, 4, true), (3000, 3000, true),
    ])
    func matchesComparisonSort(count: Int, distinct: Int, nan: Bool) {
        var generator = SplitMix(seed: UInt64(count * 31 + distinct))
        for kind in 0..<4 {
            let scores = Self.scores(count: count, distinct: distinct, nan: nan, &generator)
            let tieOrder = Self.tieOrder(count: count, kind: kind, &generator)
            #expect(Ranker.order(scores, tieOrder: tieOrder) == Ranker.comparisonOrder(scores, tieOrder: tieOrder))
            for ties in [TieMethod.ordinal, .competition, .dense] {
                let ranks = Ranker(ties: ties).ranks(scores, tieOrder: tieOrder)
                let expected = Self.referenceRanks(scores, tieOrder: tieOrder, ties: ties)
                #expect(ranks == expected, "\(ties), tie order kind \(kind)")
            }
        }
    }

    @Test("keys order scores from the highest down; -0 and 0 share a key")
    func descendingKeys() {
        var generator = SplitMix(seed: 5)
        let special: [Double] = [0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 1, -1]
        let values = special + (0..<2000).map { _ in Double(bitPattern: generator.next()) }.filter { !$0.isNaN }
        for a in values.prefix(300) {
            for b in values {
                let ka = Ranker.descendingKey(a), kb = Ranker.descendingKey(b)
                #expect((a > b) == (ka < kb) && (a == b) == (ka == kb), "\(a) vs \(b)")
            }
        }
    }

    @Test("the radix sort keeps equal keys in order")
    func radixSortIsStable() {
        var generator = SplitMix(seed: 8)
        for shift in [0, 8, 40, 56] as [UInt64] {
            var items = (0..<5000).map { KeyedIndex(key: (generator.next() % 7) << shift, index: $0) }
            let expected = items.enumerated()
                .sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }
                .map(\.element.index)
            KeyedIndex.radixSort(&items)
            #expect(items.map(\.index) == expected)
        }
    }
}
