import PropertyBased
import Testing

@testable import CityIndexCore

/// Properties of the methodology that must hold for any data (issue 8, item 4): monotonicity
/// under fixed goalposts, independence of the order of units, and relative sibling weights.
///
/// Each check draws a seed from PropertyBased and builds the case from it, so a failure prints
/// the seed (and `.fixedSeed(…)` to replay it).
@Suite struct PropertyScoringTests {
    /// A two-pillar set: A (a1 higher, a2 lower), B (b1 higher, b2 higher), with weights.
    static func criteria(
        normalise: NormaliseStep, weights: [Double], aggregate: AggregateStep = AggregateStep(), ties: TieMethod = .competition
    ) -> CriteriaSet {
        let place = SourcePlace(file: "property")
        let nodes = [
            CriteriaNode(id: "index", settings: StepSettings(aggregate: aggregate), place: place),
            CriteriaNode(id: "A", weight: weights[0], parent: 0, place: place),
            CriteriaNode(id: "a1", weight: weights[2], parent: 1, place: place),
            CriteriaNode(id: "a2", weight: weights[3], settings: StepSettings(direction: .lower), parent: 1, place: place),
            CriteriaNode(id: "B", weight: weights[1], parent: 0, place: place),
            CriteriaNode(id: "b1", weight: weights[4], parent: 4, place: place),
            CriteriaNode(id: "b2", weight: weights[5], parent: 4, place: place),
        ]
        return CriteriaSet(
            id: "p", scale: 100, precision: 2, ties: ties, defaults: StepSettings(normalise: normalise), nodes: nodes)
    }

    static let indicators = ["a1", "a2", "b1", "b2"]

    /// A random table of `units` × 4 values in [0, 100], some missing.
    static func table(_ rng: inout SplitMix, units: Int, missingRate: Double = 0.1) -> [(String, [Double?])] {
        (0..<units).map { u in
            let values: [Double?] = indicators.map { _ in
                rng.unit() < missingRate ? nil : (rng.unit() * 100 * 100).rounded() / 100
            }
            return ("U\(u)", values)
        }
    }

    static func data(_ rows: [(String, [Double?])]) -> PeriodData {
        var d = PeriodData(period: .year(2024), units: rows.map { UnitInfo(code: $0.0, name: $0.0) }, indicators: indicators)
        for (u, row) in rows.enumerated() {
            for (c, v) in row.1.enumerated() { d.set(v, unit: u, column: c) }
        }
        return d
    }

    static func weights(_ rng: inout SplitMix) -> [Double] {
        (0..<6).map { _ in Double(1 + Int(rng.next() % 8)) / 2 }
    }

    /// Every node's score and rank per unit code, so results compare whatever the unit order.
    static func byUnit(_ r: ScoreResult) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for (u, unit) in r.units.enumerated() {
            out[unit.code] = r.criteria.nodes.indices.map { n in
                "\(r.score(node: n, unit: u).map { "\($0)" } ?? "-")#\(r.rank(node: n, unit: u).map { "\($0)" } ?? "-")"
            } + ["\(r.exclusions[u].map { "\($0)" } ?? "")"]
        }
        return out
    }

    @Test("raising a higher-is-better value never lowers the unit's score (arithmetic, fixed goalposts)")
    func monotoneUnderGoalposts() async throws {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SplitMix(seed: UInt64(seed))
            // No missing values: making a missing value present is not "raising" it (reweighting may lower the score).
            let rows = Self.table(&rng, units: 2 + Int(rng.next() % 7), missingRate: 0)
            let set = Self.criteria(normalise: .goalposts(min: 10, max: 90), weights: Self.weights(&rng))
            let unit = Int(rng.next() % UInt64(rows.count))
            let column = [0, 2, 3][Int(rng.next() % 3)]  // a1, b1, b2: higher is better
            var raised = rows
            let old = raised[unit].1[column] ?? 0
            raised[unit].1[column] = old + (rng.unit() * 50 * 100).rounded() / 100
            let before = try Scorer(criteria: set).score(Self.data(rows))
            let after = try Scorer(criteria: set).score(Self.data(raised))
            for node in set.nodes.indices {
                guard let b = before.score(node: node, unit: unit), let a = after.score(node: node, unit: unit) else { continue }
                #expect(a >= b, "node \(set.nodes[node].id): \(b) → \(a) after raising \(Self.indicators[column]) of U\(unit)")
            }
        }
    }

    @Test("reordering units changes no score, rank or exclusion", arguments: [NormaliseStep.minMax, .goalposts(min: 0, max: 100), .rank, .percentile])
    func unitOrderDoesNotMatter(normalise: NormaliseStep) async throws {
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SplitMix(seed: UInt64(seed))
            let rows = Self.table(&rng, units: 2 + Int(rng.next() % 9), missingRate: 0.15)
            let ties = [TieMethod.competition, .dense, .ordinal][Int(rng.next() % 3)]
            let set = Self.criteria(normalise: normalise, weights: Self.weights(&rng), ties: ties)
            var shuffled = rows
            rng.shuffle(&shuffled)
            let a = try? Scorer(criteria: set).score(Self.data(rows))
            let b = try? Scorer(criteria: set).score(Self.data(shuffled))
            #expect((a == nil) == (b == nil))
            if let a, let b { #expect(Self.byUnit(a) == Self.byUnit(b)) }
        }
    }

    @Test("multiplying all sibling weights by a constant changes nothing", arguments: [0.25, 0.5, 2, 8, 1024])
    func siblingWeightsAreRelative(factor: Double) async throws {
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SplitMix(seed: UInt64(seed))
            let rows = Self.table(&rng, units: 2 + Int(rng.next() % 7))
            let w = Self.weights(&rng)
            let method = [AggregateStep.Method.arithmetic, .geometric, .harmonic][Int(rng.next() % 3)]
            let aggregate = AggregateStep(method: method, floor: method == .arithmetic ? nil : 1)
            // Which sibling group to scale: the root's children, A's or B's.
            let group = [[0, 1], [2, 3], [4, 5]][Int(rng.next() % 3)]
            var scaled = w
            for i in group { scaled[i] *= factor }
            let a = try? Scorer(criteria: Self.criteria(normalise: .minMax, weights: w, aggregate: aggregate)).score(Self.data(rows))
            let b = try? Scorer(criteria: Self.criteria(normalise: .minMax, weights: scaled, aggregate: aggregate)).score(Self.data(rows))
            #expect((a == nil) == (b == nil))
            if let a, let b { #expect(Self.byUnit(a) == Self.byUnit(b)) }
        }
    }

    @Test("multiplying sibling weights by 3 or 10 moves no score by more than the published precision")
    func siblingWeightsAreRelativeWithinRounding() async throws {
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int.max), Gen.element(of: [3.0, 10.0, 0.1])) { seed, factor in
            var rng = SplitMix(seed: UInt64(seed))
            let rows = Self.table(&rng, units: 2 + Int(rng.next() % 7))
            let w = Self.weights(&rng)
            var scaled = w
            for i in 0..<6 { scaled[i] *= factor ?? 3 }
            let a = try Scorer(criteria: Self.criteria(normalise: .minMax, weights: w)).score(Self.data(rows))
            let b = try Scorer(criteria: Self.criteria(normalise: .minMax, weights: scaled)).score(Self.data(rows))
            for (x, y) in zip(a.scores, b.scores) where !(x.isNaN && y.isNaN) {
                #expect(abs(x - y) <= 0.01 + 1e-9, "\(x) vs \(y)")
            }
        }
    }
}

/// A small seeded generator (SplitMix64) for building cases from one drawn seed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, Int(next() % UInt64(i + 1)))
        }
    }
}
