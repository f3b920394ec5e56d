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
        let order = scores.indices.sorted { a, b in
            scores[a] != scores[b] ? scores[a] > scores[b] : codes[a] < codes[b]
        }
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
}
