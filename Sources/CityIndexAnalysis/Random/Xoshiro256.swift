import Foundation

/// xoshiro256** (Blackman and Vigna 2018): the pseudo-random generator of every Monte Carlo
/// run. Never the system generator, so that a seed gives the same numbers on every machine.
///
/// Streams: `Xoshiro256(seed: s, stream: j)` gives a generator for replication `j` that does
/// not depend on which thread runs it or in which order.
///
/// ```swift
/// var rng = Xoshiro256(seed: 1, stream: 42)
/// let u = rng.nextUnit()          // in [0, 1)
/// ```
public struct Xoshiro256: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// A generator seeded from `seed` through SplitMix64.
    public init(seed: UInt64) {
        self.init(seed: seed, stream: 0)
    }

    /// The generator of stream `stream` of `seed`.
    /// - Complexity: O(1).
    public init(seed: UInt64, stream: UInt64) {
        var sm = SplitMix64(state: seed ^ SplitMix64.mix(stream &+ 0x632B_E59B_D9B4_E019))
        s0 = sm.next()
        s1 = sm.next()
        s2 = sm.next()
        s3 = sm.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// The next 64 random bits.
    /// - Complexity: O(1).
    @inlinable
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform number in [0, 1) with 53 random bits.
    /// - Complexity: O(1).
    @inlinable
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in 0..<`count` (`count` > 0), by multiplication (negligible bias for small counts).
    /// - Complexity: O(1).
    @inlinable
    public mutating func nextIndex(_ count: Int) -> Int {
        Int(nextUnit() * Double(count))
    }

    /// A standard normal number (Marsaglia's polar method).
    /// - Complexity: O(1) expected.
    public mutating func nextNormal() -> Double {
        while true {
            let u = 2 * nextUnit() - 1, v = 2 * nextUnit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 { return u * (-2 * Foundation.log(s) / s).squareRoot() }
        }
    }

    /// A Gamma(`shape`, 1) number (Marsaglia and Tsang 2000); 0 for a shape of 0 or less.
    /// - Complexity: O(1) expected.
    public mutating func nextGamma(shape: Double) -> Double {
        guard shape > 0 else { return 0 }
        if shape < 1 {
            let g = nextGamma(shape: shape + 1)
            return g * Foundation.pow(Swift.max(nextUnit(), .leastNormalMagnitude), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = nextNormal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = nextUnit()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if u > 0, Foundation.log(u) < 0.5 * x * x + d * (1 - v + Foundation.log(v)) { return d * v }
        }
    }
}
