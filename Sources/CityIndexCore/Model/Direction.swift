/// Whether a higher or a lower value of an indicator is better.
public enum Direction: String, Sendable, Hashable, CaseIterable {
    case higher, lower

    /// +1 for higher-is-better, -1 for lower-is-better.
    public var sign: Double { self == .higher ? 1 : -1 }
}
