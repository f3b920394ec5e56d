/// An error of a use case that no lower layer describes: a missing file, a period without
/// data, a unit not among those scored. Prints as one sentence a user can act on.
public struct EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is, for the caller's exit code.
    public enum Kind: Sendable, Hashable {
        /// Bad input data or criteria.
        case badInput
        /// The request itself is wrong (an option, a unit named on the command line).
        case usage
        /// A store conflict or lock.
        case store
    }

    /// The sentence.
    public var description: String
    /// The kind of problem.
    public var kind: Kind

    /// Creates an error.
    public init(_ description: String, kind: Kind = .badInput) {
        self.description = description
        self.kind = kind
    }
}
