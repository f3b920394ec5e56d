/// The buffers of one worker, allocated once and reused by every evaluation it runs.
struct Workspace {
    /// Scores, node-major (`node * units + unit`).
    var scores: [Double]
    /// Whether any unit has a score at each node.
    var anyScore: [Bool]
    /// Index scores of the units, rounded as published.
    var index: [Double]
    /// Units in rank order.
    var order: [Int]
    /// Ranks of the units.
    var ranks: [Int]
    /// Weights of draw A and draw B.
    var weightsA: [Double]
    var weightsB: [Double]

    init(nodes: Int, units: Int, nominalWeights: [Double]) {
        scores = [Double](repeating: .nan, count: nodes * units)
        anyScore = [Bool](repeating: false, count: nodes)
        index = [Double](repeating: .nan, count: units)
        order = Array(0..<units)
        ranks = [Int](repeating: 0, count: units)
        weightsA = nominalWeights
        weightsB = nominalWeights
    }
}
