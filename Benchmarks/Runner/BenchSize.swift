/// One benchmark size: units × indicators × periods, seeded.
struct BenchSize: Sendable {
    var name: String
    var units: Int
    var indicators: Int
    var periods: Int
    /// The first period (a year); periods are consecutive years.
    var firstYear: Int
    /// Share of observations left out (missing values), in thousandths.
    var missingPerMille: Int = 5
    var seed: UInt64

    /// Observations written (before the missing ones are dropped).
    var cells: Int { units * indicators * periods }

    static let all: [BenchSize] = [
        BenchSize(name: "S", units: 34, indicators: 50, periods: 5, firstYear: 2021, seed: 34),
        BenchSize(name: "M", units: 3_321, indicators: 100, periods: 3, firstYear: 2023, seed: 3_321),
        BenchSize(name: "L", units: 10_600, indicators: 200, periods: 10, firstYear: 2016, seed: 10_600),
    ]

    static func named(_ name: String) -> BenchSize? { all.first { $0.name == name.uppercased() } }

    /// Pillars (level 3) and sub-pillars per pillar (level 2); five indicators per sub-pillar.
    var pillars: Int { 5 }
    var subPillarsPerPillar: Int { max(1, indicators / 25) }
    var indicatorsPerSub: Int { indicators / (pillars * subPillarsPerPillar) }
}

/// SplitMix64: a small seeded generator, so files are the same on every machine.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }
}
