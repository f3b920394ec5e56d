import CityIndexCore

/// The results of one node in one period of a run, as stored: scores as little-endian float64
/// (NaN for none), ranks as little-endian int32 (0 for none), one byte of flags per unit.
struct RunBlock {
    private(set) var scores: [UInt8]
    private(set) var ranks: [UInt8]
    private(set) var flags: [UInt8]

    /// An empty block for `count` units (no scores, no ranks).
    init(count: Int) {
        scores = [UInt8](repeating: 0, count: count * 8)
        let none = Double.nan.bitPattern.littleEndian
        scores.withUnsafeMutableBytes { raw in
            for u in 0..<count { raw.storeBytes(of: none, toByteOffset: u * 8, as: UInt64.self) }
        }
        ranks = [UInt8](repeating: 0, count: count * 4)
        flags = [UInt8](repeating: 0, count: count)
    }

    /// A block read back.
    init(scores: [UInt8], ranks: [UInt8], flags: [UInt8]) {
        self.scores = scores
        self.ranks = ranks
        self.flags = flags
    }

    /// The units in the block.
    var count: Int { min(scores.count / 8, ranks.count / 4, flags.count) }

    /// Writes unit `u`'s score, rank and flags in place (no allocation).
    mutating func set(unit u: Int, score: Double?, rank: Int?, flags f: ScoreFlags) {
        let s = (score ?? .nan).bitPattern.littleEndian
        scores.withUnsafeMutableBytes { $0.storeBytes(of: s, toByteOffset: u * 8, as: UInt64.self) }
        let r = UInt32(truncatingIfNeeded: rank ?? 0).littleEndian
        ranks.withUnsafeMutableBytes { $0.storeBytes(of: r, toByteOffset: u * 4, as: UInt32.self) }
        flags[u] = f.rawValue
    }

    func score(_ u: Int) -> Double? {
        let bits = scores.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: u * 8, as: UInt64.self)) }
        let v = Double(bitPattern: bits)
        return v.isNaN ? nil : v
    }

    func rank(_ u: Int) -> Int? {
        let bits = ranks.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: u * 4, as: UInt32.self)) }
        return bits == 0 ? nil : Int(Int32(bitPattern: bits))
    }

    func flags(_ u: Int) -> ScoreFlags { ScoreFlags(rawValue: flags[u]) }
}
