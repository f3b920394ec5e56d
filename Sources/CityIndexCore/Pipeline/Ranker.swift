/// Step 9: ranks of scores, highest first.
public struct Ranker: Sendable {
    /// How equal scores share ranks.
    public var ties: TieMethod

    /// Creates a ranker.
    public init(ties: TieMethod) {
        self.ties = ties
    }

    /// The rank of each score (1 = highest); `codes` break ties for `ordinal`.
    /// - Complexity: O(n log n).
    public func ranks(_ scores: [Double], codes: [String]) -> [Int] {
        ranks(scores, tieOrder: Self.codeOrder(codes))
    }

    /// The rank of each score (1 = highest); the smaller `tieOrder` (each unit's position in
    /// the order of unit codes, see ``codeOrder(_:)``) comes first among equal scores.
    /// - Complexity: O(n) for numbers (a radix sort, see ``order(_:tieOrder:)``); O(n log n)
    ///   when a score is NaN.
    public func ranks(_ scores: [Double], tieOrder: [Int]) -> [Int] {
        let order = Self.order(scores, tieOrder: tieOrder)
        var ranks = [Int](repeating: 0, count: scores.count)
        var dense = 0
        for (position, k) in order.enumerated() {
            let tiedWithPrevious = position > 0 && scores[order[position - 1]] == scores[k]
            if !tiedWithPrevious { dense += 1 }
            switch ties {
            case .ordinal: ranks[k] = position + 1
            case .competition: ranks[k] = tiedWithPrevious ? ranks[order[position - 1]] : position + 1
            case .dense: ranks[k] = dense
            }
        }
        return ranks
    }

    /// Each code's position in the sorted order of `codes` (equal codes keep their order).
    /// - Complexity: O(n log n).
    public static func codeOrder(_ codes: [String]) -> [Int] {
        var position = [Int](repeating: 0, count: codes.count)
        for (k, i) in codes.indices.sorted(by: { codes[$0] < codes[$1] }).enumerated() { position[i] = k }
        return position
    }
}
