/// What it takes for one unit to reach a target rank, indicator by indicator.
public struct WhatItTakesPlan: Sendable, Hashable {
    /// The unit's index in the result.
    public var unit: Int
    /// The unit's index rank now.
    public var currentRank: Int
    /// The rank to reach (or better).
    public var targetRank: Int
    /// The index score the unit must reach (the score now held at the target rank).
    public var targetScore: Double?
    /// One answer per scored indicator, in tree order; empty when the target is already reached.
    public var answers: [WhatItTakesAnswer]

    /// For a shortlist (``WhatItTakes/solve(unit:targetRank:shortlist:)``): how many scored
    /// indicators there are; the answers are then only those through which the smallest change
    /// reaches the target, smallest first. Nil when every indicator has its answer.
    public var shortlistOf: Int?
    /// For a shortlist: how many indicators were solved to find it (the most promising first).
    public var examined = 0

    /// True when the unit already holds the target rank or better.
    public var alreadyReached: Bool { currentRank <= targetRank }

    /// Creates a plan.
    public init(unit: Int, currentRank: Int, targetRank: Int, targetScore: Double?, answers: [WhatItTakesAnswer]) {
        self.unit = unit
        self.currentRank = currentRank
        self.targetRank = targetRank
        self.targetScore = targetScore
        self.answers = answers
    }
}
