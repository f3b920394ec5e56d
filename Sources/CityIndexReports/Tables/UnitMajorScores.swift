import CityIndexCore

/// A result's scores, ranks and flags at some nodes, stored unit by unit: the order in which the
/// long `scores.csv` writes them.
///
/// A ``ScoreResult`` stores them node by node, so one unit's values lie a column
/// (`units.count` values) apart and reading them unit by unit misses the cache at nearly every
/// value. The copy is made a block of units at a time, so that both its reads and its writes
/// stay in cache.
///
/// ```swift
/// let byUnit = UnitMajorScores(result: result, nodes: [0, 4, 7])
/// byUnit.scores[byUnit.offset(unit: 3, node: 1)]   // result.scores at node 4, unit 3
/// ```
struct UnitMajorScores {
    /// The number of nodes copied per unit.
    let nodeCount: Int
    /// Scores, unit by unit: see ``offset(unit:node:)``.
    let scores: [Double]
    /// Ranks, unit by unit (0 where there is none).
    let ranks: [Int32]
    /// Flags, unit by unit.
    let flags: [ScoreFlags]

    /// Units per block of the copy: each block reads a short run of every node's column and
    /// writes a few whole units.
    private static let blockSize = 16

    /// Copies the values of every unit of `result` at `nodes` (indices of its nodes).
    /// - Complexity: O(units × nodes).
    init(result: ScoreResult, nodes: [Int]) {
        let unitCount = result.units.count
        let nodeCount = nodes.count
        self.nodeCount = nodeCount
        func copy<T>(_ source: [T]) -> [T] {
            [T](unsafeUninitializedCapacity: unitCount * nodeCount) { target, initialized in
                source.withUnsafeBufferPointer { source in
                    for first in stride(from: 0, to: unitCount, by: Self.blockSize) {
                        let units = first..<min(first + Self.blockSize, unitCount)
                        for (k, n) in nodes.enumerated() {
                            let column = n * unitCount
                            for u in units { target.initializeElement(at: u * nodeCount + k, to: source[column + u]) }
                        }
                    }
                }
                initialized = unitCount * nodeCount
            }
        }
        scores = copy(result.scores)
        ranks = copy(result.ranks)
        flags = copy(result.flags)
    }

    /// The position of `unit`'s value at the `node`-th node copied.
    @inline(__always)
    func offset(unit: Int, node: Int) -> Int { unit * nodeCount + node }
}
