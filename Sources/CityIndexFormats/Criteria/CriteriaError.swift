import CityIndexCore

/// Why a criteria set could not be loaded or written.
///
/// ```swift
/// do { _ = try CriteriaLoader().load(path: "hdi.yaml") }
/// catch { print(error) }   // one problem per line: file:line:column (path): message
/// ```
public enum CriteriaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read.
    case cannotRead(file: String, reason: String)
    /// The set has problems; each names its file, line, column and criteria path.
    case invalid([CriteriaProblem])

    /// The problems of an invalid set (a single one for `cannotRead`).
    public var problems: [CriteriaProblem] {
        switch self {
        case .cannotRead(let file, let reason):
            return [CriteriaProblem(place: SourcePlace(file: file), message: "cannot read the file (\(reason))")]
        case .invalid(let problems):
            return problems
        }
    }

    /// One problem per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
