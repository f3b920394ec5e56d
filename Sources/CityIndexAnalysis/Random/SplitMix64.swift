/// SplitMix64 (Steele, Lea and Flood 2014): a tiny generator used to seed others and to derive
/// independent streams from one seed.
///
/// ```swift
/// var g = SplitMix64(state: 1)
/// let word = g.next()
/// ```
public struct SplitMix64: Sendable {
    /// The generator's state.
    public var state: UInt64

    /// Creates a generator with the given state.
    public init(state: UInt64) {
        self.state = state
    }

    /// The next 64 random bits.
    /// - Complexity: O(1).
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 finaliser: a bijective scramble of 64 bits.
    /// - Complexity: O(1).
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
