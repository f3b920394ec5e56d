/// Why a what-it-takes question cannot be answered.
public enum WhatItTakesError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The unit has no index rank in the period, so it has no place to climb from.
    case unitNotRanked(unit: String, reason: String)
    /// The target rank lies outside 1 … the number of ranked units.
    case targetOutOfRange(rank: Int, rankedCount: Int)
    /// The data given do not reproduce the result (another period or set).
    case dataMismatch(unit: String)

    public var description: String {
        switch self {
        case let .unitNotRanked(unit, reason):
            return "unit \(unit) is not ranked (\(reason)): what it takes is computed for ranked units only"
        case let .targetOutOfRange(rank, count):
            return "target rank \(rank) is out of range: expected a rank from 1 to \(count)"
        case let .dataMismatch(unit):
            return "the data given do not contain unit \(unit) of the result: pass the period data the result was scored from"
        }
    }
}
