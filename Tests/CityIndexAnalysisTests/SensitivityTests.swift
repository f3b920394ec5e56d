import CityIndexCore
import Testing

@testable import CityIndexAnalysis

/// The sensitivity engine: nominal reproduction, collapse without uncertainty, known indices.
@Suite struct SensitivityTests {
    /// A small case with a geometric root and missing values.
    static func geometricCase() -> (CriteriaSet, PeriodData) {
        let (set, data) = SensitivityBenchmark.syntheticCase(units: 20, indicators: 9, pillars: 3, seed: 5)
        let edited = set.rebuilt(precision: .some(3), screen: nil) { i, node in
            if i == 0 { node.settings.aggregate = AggregateStep(method: .geometric, floor: 0.5) }
            if node.id == "p2" { node.weight = 2 }
        }
        return (edited, data)
    }

    @Test(arguments: [0, 1])
    func modelAtTheSetsChoicesReproducesTheScorer(caseIndex: Int) throws {
        let (set, data) = caseIndex == 0 ? SensitivityBenchmark.syntheticCase() : Self.geometricCase()
        let nominal = try Scorer(criteria: set).score(data)
        let model = try SensitivityModel(criteria: set, data: data, nominal: nominal, options: SensitivityOptions())
        var w = Workspace(nodes: model.nodeCount, units: model.unitCount, nominalWeights: model.nominalWeights)
        model.evaluate(model.firstDraw, weights: model.nominalWeights, into: &w)
        let rows = data.units.indices.filter { nominal.rank(node: 0, unit: $0) != nil }
        #expect(rows.count == model.unitCount)
        for (k, u) in rows.enumerated() {
            #expect(w.index[k] == nominal.score(node: 0, unit: u), "unit \(data.units[u].code)")
            #expect(w.ranks[k] == nominal.rank(node: 0, unit: u), "unit \(data.units[u].code)")
        }
    }

    @Test func withoutUncertaintyEveryIntervalCollapsesToTheNominalRank() throws {
        let (set, data) = SensitivityBenchmark.syntheticCase()
        let result = try SensitivityAnalysis(criteria: set, data: data, options: SensitivityOptions(runs: 64)).run()
        let nominal = try Scorer(criteria: set).score(data)
        #expect(result.inputs.isEmpty)
        #expect(result.indices.isEmpty)
        #expect(result.intervals.count == nominal.rankedCount)
        for r in result.intervals {
            let u = try #require(data.units.firstIndex { $0.code == r.unit.code })
            #expect(r.nominalRank == nominal.rank(node: 0, unit: u))
            #expect(r.lowRank == Double(r.nominalRank) && r.medianRank == Double(r.nominalRank) && r.highRank == Double(r.nominalRank))
            #expect(r.meanAbsoluteShift == 0)
        }
    }

    @Test func aFixedAlternativeEqualToTheSetAlsoCollapses() throws {
        let (set, data) = SensitivityBenchmark.syntheticCase(units: 30, indicators: 12, pillars: 3)
        let options = SensitivityOptions(runs: 20, normalisations: [.minMax], aggregations: [.arithmetic])
        let result = try SensitivityAnalysis(criteria: set, data: data, options: options).run()
        #expect(result.intervals.allSatisfy { $0.lowRank == Double($0.nominalRank) && $0.highRank == Double($0.nominalRank) })
    }

    @Test func resultsDoNotDependOnThreadsAndRepeatWithTheSeed() throws {
        let (set, data) = SensitivityBenchmark.syntheticCase(units: 25, indicators: 10, pillars: 2)
        var options = SensitivityBenchmark.options(runs: 120, parallel: true)
        options.bootstrap = 20
        let parallel = try SensitivityAnalysis(criteria: set, data: data, options: options).run()
        options.parallel = false
        let serial = try SensitivityAnalysis(criteria: set, data: data, options: options).run()
        #expect(parallel.intervals == serial.intervals)
        #expect(parallel.indices.count == serial.indices.count)
        for (a, b) in zip(parallel.indices, serial.indices) {
            #expect(a.output == b.output && a.input == b.input)
            #expect(a.first == b.first || (a.first.isNaN && b.first.isNaN))
            #expect(a.totalHigh == b.totalHigh || (a.totalHigh.isNaN && b.totalHigh.isNaN))
        }
        #expect(parallel.inputs == [.weights, .normalisation, .aggregation, .imputation, .leaveOut])
        let overall = parallel.overallIndices
        #expect(overall.count == 5)
        // The mean rank shift varies, so every index of it is defined.
        #expect(overall.allSatisfy { $0.total.isFinite && $0.total >= 0 })
        options.seed = 2
        let other = try SensitivityAnalysis(criteria: set, data: data, options: options).run()
        #expect(other.intervals != serial.intervals)
    }

    @Test func dirichletWeightsWiden() throws {
        let (set, data) = SensitivityBenchmark.syntheticCase(units: 30, indicators: 12, pillars: 3)
        let options = SensitivityOptions(runs: 200, dirichletConcentration: 2, bootstrap: 10)
        let result = try SensitivityAnalysis(criteria: set, data: data, options: options).run()
        #expect(result.inputs == [.weights])
        #expect(result.intervals.contains { $0.highRank > $0.lowRank })
        #expect(result.intervals.allSatisfy { $0.lowRank <= $0.medianRank && $0.medianRank <= $0.highRank })
    }

    @Test func badOptionsAreRefused() {
        let (set, data) = SensitivityBenchmark.syntheticCase(units: 5, indicators: 4, pillars: 2)
        #expect(throws: SensitivityError.self) {
            try SensitivityAnalysis(criteria: set, data: data, options: SensitivityOptions(runs: 1)).run()
        }
        #expect(throws: SensitivityError.self) {
            try SensitivityAnalysis(criteria: set, data: data, options: SensitivityOptions(weightSpread: 0.2, dirichletConcentration: 1)).run()
        }
    }
}

/// Quantiles of simulated ranks are ranks or halves.
@Suite struct RankQuantileTests {
    @Test("the median and the 5th and 95th percentiles of ranks are whole or halves", arguments: [
        ([1.0, 2, 3, 4], 0.5, 2.5), ([1.0, 2, 3], 0.5, 2.0), ([3.0], 0.05, 3.0), ([1.0, 1, 2, 9], 0.95, 9.0),
        (Array(repeating: 17.0, count: 950) + Array(repeating: 19.0, count: 50), 0.95, 18.0),
        (Array(repeating: 17.0, count: 951) + Array(repeating: 19.0, count: 49), 0.95, 17.0),
        (Array(repeating: 17.0, count: 949) + Array(repeating: 19.0, count: 51), 0.95, 19.0),
    ])
    func quantile(ranks: [Double], p: Double, expected: Double) {
        #expect(Percentile.ofRanks(sorted: ranks, p) == expected)
    }

    @Test("every quantile of a random sample of ranks is a rank or a half, between the extremes")
    func wholeOrHalf() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let ranks = (0..<Int.random(in: 1...300, using: &rng)).map { _ in Double(Int.random(in: 1...63, using: &rng)) }.sorted()
            for p in [0.05, 0.25, 0.5, 0.75, 0.95] {
                let q = Percentile.ofRanks(sorted: ranks, p)
                #expect((q * 2).rounded() == q * 2 && ranks.first! <= q && q <= ranks.last!, "\(p): \(q)")
            }
        }
    }
}
