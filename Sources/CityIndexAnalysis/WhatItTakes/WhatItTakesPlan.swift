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
