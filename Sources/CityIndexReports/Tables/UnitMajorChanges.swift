import CityIndexCore

/// A comparison's rank and score changes at some nodes, stored unit by unit: the order in which
/// the long `scores.csv` writes them (see ``UnitMajorScores``).
///
/// Each value is ``PeriodComparison/rankChange(node:unit:)`` or
/// ``PeriodComparison/scoreChange(node:unit:)``, computed once, so the writer's loop only reads.
///
/// ```swift
/// let changes = UnitMajorChanges(comparison: comparison, nodes: [0, 4, 7])
/// changes.rankChanges[changes.offset(unit: 3, node: 1)]   // comparison.rankChange(node: 4, unit: 3)
/// ```
struct UnitMajorChanges {
    /// The rank change stored where there is none (the unit or node was not ranked in one period).
    static let noRankChange = Int.min

    /// The number of nodes per unit.
    let nodeCount: Int
    /// Places moved up (base rank − current rank), unit by unit; ``noRankChange`` where none.
    let rankChanges: [Int]
    /// Score now − score then, rounded as the scores are, unit by unit; NaN where none.
    let scoreChanges: [Double]
    /// Per unit: whether it is new in this period (ranked now, not in the base).
    let isNew: [Bool]

    /// Units per block, as in ``UnitMajorScores``: reads of the current result's node-major
    /// matrices stay in cache.
    private static let blockSize = 16

    /// The changes of every current unit at `nodes` (indices of the current result's nodes).
    /// - Complexity: O(units × nodes).
    init(comparison: PeriodComparison, nodes: [Int]) {
        let unitCount = comparison.current.units.count
        let nodeCount = nodes.count
        self.nodeCount = nodeCount
        var ranks = [Int](repeating: Self.noRankChange, count: unitCount * nodeCount)
        var scores = [Double](repeating: .nan, count: unitCount * nodeCount)
        for first in stride(from: 0, to: unitCount, by: Self.blockSize) {
            let units = first..<min(first + Self.blockSize, unitCount)
            for (k, n) in nodes.enumerated() {
                for u in units {
                    let at = u * nodeCount + k
                    if let change = comparison.rankChange(node: n, unit: u) { ranks[at] = change }
                    if let change = comparison.scoreChange(node: n, unit: u) { scores[at] = change }
                }
            }
        }
        rankChanges = ranks
        scoreChanges = scores
        isNew = (0..<unitCount).map { comparison.status(unit: $0) == .new }
    }

    /// The position of `unit`'s change at the `node`-th node.
    @inline(__always)
    func offset(unit: Int, node: Int) -> Int { unit * nodeCount + node }
}
