import CityIndexCore

/// The results of one node in one period of a run, as stored: scores as little-endian float64
/// (NaN for none), ranks as little-endian int32 (0 for none), one byte of flags per unit.
struct RunBlock {
    private(set) var scores: [UInt8]
    private(set) var ranks: [UInt8]
    private(set) var flags: [UInt8]

    /// An empty block for `count` units (no scores, no ranks).
    init(count: Int) {
        scores = []
        scores.reserveCapacity(count * 8)
        for _ in 0..<count { scores.append(contentsOf: Self.bytes(Double.nan.bitPattern)) }
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

    mutating func set(unit u: Int, score: Double?, rank: Int?, flags f: ScoreFlags) {
        let s = Self.bytes((score ?? .nan).bitPattern)
        for k in 0..<8 { scores[u * 8 + k] = s[k] }
        let r = Self.bytes(UInt32(truncatingIfNeeded: rank ?? 0))
        for k in 0..<4 { ranks[u * 4 + k] = r[k] }
        flags[u] = f.rawValue
    }

    func score(_ u: Int) -> Double? {
        var bits: UInt64 = 0
        for k in 0..<8 { bits |= UInt64(scores[u * 8 + k]) << (8 * k) }
        let v = Double(bitPattern: bits)
        return v.isNaN ? nil : v
    }

    func rank(_ u: Int) -> Int? {
        var bits: UInt32 = 0
        for k in 0..<4 { bits |= UInt32(ranks[u * 4 + k]) << (8 * k) }
        return bits == 0 ? nil : Int(Int32(bitPattern: bits))
    }

    func flags(_ u: Int) -> ScoreFlags { ScoreFlags(rawValue: flags[u]) }

    private static func bytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
