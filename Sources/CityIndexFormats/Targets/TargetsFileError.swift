/// Why a targets file could not be read: every problem found, each with its place.
public enum TargetsFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not valid CSV (or cannot be opened).
    case csv(CSVError)
    /// The file's rows have problems.
    case invalid([TargetsProblem])

    public var description: String {
        switch self {
        case let .csv(error): error.description
        case let .invalid(problems): problems.map(\.description).joined(separator: "\n")
        }
    }
}
