import Testing

@testable import CityIndexCore

/// The geometric mean of equal scores is exactly that score, and never strays outside its
/// terms: `exp(Σ w·log s)` alone gives 100.00000000000004 for three scores of 100, which a set
/// without `precision` would show and rank on.
@Suite struct GeometricMeanTests {
    /// An index over indicators `i0…` with `weights`, each normalised on goalposts 0…1 (a value
    /// of 0.5 scores 50), aggregated by a geometric mean; no precision, so nothing is rounded.
    static func set(weights: [Double]) -> CriteriaSet {
        let place = SourcePlace(file: "test")
        let nodes = [CriteriaNode(id: "index", settings: StepSettings(aggregate: AggregateStep(method: .geometric)), place: place)]
            + weights.enumerated().map { CriteriaNode(id: "i\($0.offset)", weight: $0.element, parent: 0, place: place) }
        return CriteriaSet(id: "g", scale: 100, defaults: StepSettings(normalise: .goalposts(min: 0, max: 1)), nodes: nodes)
    }

    static func data(_ rows: [(String, [Double])]) -> PeriodData {
        let count = rows.first?.1.count ?? 0
        var d = PeriodData(period: .year(2024), units: rows.map { UnitInfo(code: $0.0, name: $0.0) }, indicators: (0..<count).map { "i\($0)" })
        for (u, row) in rows.enumerated() {
            for (c, v) in row.1.enumerated() { d.set(v, unit: u, column: c) }
        }
        return d
    }

    @Test("equal scores give exactly that score, and tie", arguments: [[1.0, 1, 1], [0.1, 0.2, 0.7], [0.3, 0.3, 0.4], [1, 2], [1, 1, 1, 1, 1, 1, 1]])
    func equalScoresGiveThatScore(_ weights: [Double]) throws {
        let n = weights.count
        let values = [1.0, 0.5, 0.375, 0.1234, 1.0 / 3]
        let rows = values.enumerated().map { ("U\($0.offset)", [Double](repeating: $0.element, count: n)) } + [("V", [Double](repeating: 0.5, count: n))]
        let r = try Scorer(criteria: Self.set(weights: weights)).score(Self.data(rows))
        for (u, v) in values.enumerated() {
            let expected = try #require(r.score(node: r.criteria.index(of: "i0") ?? 0, unit: u))
            #expect(r.score(node: 0, unit: u) == expected, "all children \(v)")
        }
        // U1 and V have the same scores: the same index and the same rank.
        #expect(r.score(node: 0, unit: 1) == 50)
        #expect(r.rank(node: 0, unit: 1) == r.rank(node: 0, unit: values.count))
    }

    @Test("the geometric mean lies between its least and greatest score")
    func meanLiesBetweenTerms() throws {
        var rng = SplitMix(seed: 20_250_101)
        for _ in 0..<200 {
            let n = 2 + Int(rng.next() % 6)
            let weights = (0..<n).map { _ in 0.05 + rng.unit() }
            // Scores close together, where rounding matters most.
            let base = 0.01 + rng.unit() * 0.99
            let values = (0..<n).map { _ in rng.unit() < 0.5 ? base : Swift.min(1, base * (1 + 1e-15 * Double(rng.next() % 4))) }
            let r = try Scorer(criteria: Self.set(weights: weights)).score(Self.data([("X", values)]))
            let scores = (1...n).compactMap { r.score(node: $0, unit: 0) }
            let index = try #require(r.score(node: 0, unit: 0))
            #expect(index >= scores.min()! && index <= scores.max()!, "\(scores) gave \(index)")
        }
    }
}
