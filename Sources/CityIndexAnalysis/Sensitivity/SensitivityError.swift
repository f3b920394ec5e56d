import CityIndexCore

/// Why a sensitivity run or an audit cannot be made.
public enum SensitivityError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An option is out of range.
    case badOption(name: String, reason: String)
    /// The nominal scoring left fewer than two units ranked.
    case tooFewUnits(ranked: Int)
    /// Scoring an alternative failed.
    case alternativeFailed(alternative: String, reason: String)
    /// There is nothing to leave out at the level asked.
    case nothingToLeaveOut(level: LeaveOutLevel)

    /// The error as a sentence.
    public var description: String {
        switch self {
        case let .badOption(name, reason):
            return "\(name): \(reason)"
        case let .tooFewUnits(ranked):
            return "only \(ranked) unit(s) are ranked in the nominal scoring: a sensitivity analysis needs at least 2"
        case let .alternativeFailed(alternative, reason):
            return "scoring with \(alternative) failed: \(reason)"
        case let .nothingToLeaveOut(level):
            return "the criteria set has no \(level.rawValue) that can be left out (a pillar is an aggregate of indicators other than the root)"
        }
    }
}
