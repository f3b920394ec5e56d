import CityIndexCore

/// One problem found in a criteria set: where it is and what is wrong, as a sentence.
///
/// Prints as `file:line:column (criteria.path): message`, for example
/// `hdi.yaml:14:19 (root.children[0].children[0].normalise.method): unknown method "minmax"; …`.
public struct CriteriaProblem: Sendable, Hashable, CustomStringConvertible {
    /// Whether the problem stops the set from loading.
    public enum Severity: String, Sendable, Hashable {
        /// The set cannot be used.
        case error
        /// The set loads, but something is likely wrong.
        case warning
    }

    /// Where the problem was written.
    public var place: SourcePlace
    /// What is wrong and what was expected.
    public var message: String
    /// Error or warning.
    public var severity: Severity

    /// Creates a problem.
    public init(place: SourcePlace, message: String, severity: Severity = .error) {
        self.place = place
        self.message = message
        self.severity = severity
    }

    /// `file:line:column (path): message`.
    public var description: String { "\(place): \(message)" }
}
