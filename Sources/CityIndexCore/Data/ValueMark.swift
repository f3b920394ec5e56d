/// What a data file states about one value besides the value itself: its data-quality level
/// and whether it was verified. Either may be not stated (nil).
public struct ValueMark: Sendable, Hashable {
    /// The data-quality level, when stated.
    public var quality: DataQuality?
    /// Whether the value was verified, when stated.
    public var verified: Bool?

    /// Creates a mark.
    public init(quality: DataQuality? = nil, verified: Bool? = nil) {
        self.quality = quality
        self.verified = verified
    }

    /// Whether the mark states nothing.
    public var isEmpty: Bool { quality == nil && verified == nil }

    /// This mark with what `newer` states in place of its own; what `newer` leaves unstated is kept.
    public func overridden(by newer: ValueMark) -> ValueMark {
        ValueMark(quality: newer.quality ?? quality, verified: newer.verified ?? verified)
    }
}
