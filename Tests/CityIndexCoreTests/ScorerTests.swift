import Testing
@testable import CityIndexCore

/// A two-pillar set built in code: pillar A (a1 higher, a2 lower), pillar B (b1).
func sampleSet(rootAggregate: AggregateStep = AggregateStep(), normalise: NormaliseStep = .minMax, screen: ScreenStep? = nil, weights: [Double] = [1, 1]) -> CriteriaSet {
    let place = SourcePlace(file: "test")
    let nodes = [
        CriteriaNode(id: "index", settings: StepSettings(aggregate: rootAggregate), place: place),
        CriteriaNode(id: "A", weight: weights[0], parent: 0, place: place),
        CriteriaNode(id: "a1", parent: 1, place: place),
        CriteriaNode(id: "a2", settings: StepSettings(direction: .lower), parent: 1, place: place),
        CriteriaNode(id: "B", weight: weights[1], parent: 0, place: place),
        CriteriaNode(id: "b1", parent: 4, place: place),
    ]
    return CriteriaSet(id: "t", scale: 100, precision: 2, screen: screen, defaults: StepSettings(normalise: normalise), nodes: nodes)
}

func sampleData(_ rows: [(String, [Double?])]) -> PeriodData {
    var d = PeriodData(period: .year(2024), units: rows.map { UnitInfo(code: $0.0, name: $0.0) }, indicators: ["a1", "a2", "b1"])
    for (u, row) in rows.enumerated() {
        for (c, v) in row.1.enumerated() { d.set(v, unit: u, column: c) }
    }
    return d
}

@Suite struct ScorerTests {
    @Test func aggregatesAndRanksEveryNode() throws {
        let data = sampleData([("X", [1, 10, 5]), ("Y", [3, 30, 0]), ("Z", [2, 20, 10])])
        let r = try Scorer(criteria: sampleSet()).score(data)
        let a = try #require(r.criteria.index(of: "A"))
        // a1: 0, 100, 50; a2 (lower): 100, 0, 50 → A = 50 for all; b1: 50, 0, 100
        #expect((0..<3).map { r.score(node: a, unit: $0) } == [50, 50, 50])
        #expect((0..<3).map { r.score(node: 0, unit: $0) } == [50, 25, 75])
        #expect((0..<3).map { r.rank(node: 0, unit: $0) } == [2, 3, 1])
        #expect((0..<3).map { r.rank(node: a, unit: $0) } == [1, 1, 1])
    }

    @Test func rankingTheIndexOnlyGivesTheSameScoresAndIndexRanks() throws {
        let data = sampleData([("X", [1, 10, 5]), ("Y", [3, 30, 0]), ("Z", [2, 20, 10]), ("W", [2, 10, 10])])
        let every = try Scorer(criteria: sampleSet()).score(data)
        let index = try Scorer(criteria: sampleSet()).score(data, ranking: .indexOnly)
        #expect(index.scores.map { $0.isNaN ? -1 : $0 } == every.scores.map { $0.isNaN ? -1 : $0 })
        #expect((0..<4).map { index.rank(node: 0, unit: $0) } == (0..<4).map { every.rank(node: 0, unit: $0) })
        let a = try #require(every.criteria.index(of: "A"))
        #expect(every.rank(node: a, unit: 0) != nil)
        #expect((0..<4).allSatisfy { index.rank(node: a, unit: $0) == nil })
    }

    @Test func weightsAreRelativeAmongSiblings() throws {
        let data = sampleData([("X", [1, 10, 5]), ("Y", [3, 30, 0]), ("Z", [2, 20, 10])])
        let r1 = try Scorer(criteria: sampleSet(weights: [1, 3])).score(data)
        let r2 = try Scorer(criteria: sampleSet(weights: [2, 6])).score(data)
        #expect(r1.scores.map { $0.isNaN ? -1 : $0 } == r2.scores.map { $0.isNaN ? -1 : $0 })
        #expect(r1.score(node: 0, unit: 2) == 87.5)
    }

    @Test func missingChildReweightsByDefault() throws {
        let data = sampleData([("X", [1, 10, nil]), ("Y", [3, 30, 0]), ("Z", [2, 20, 10])])
        let r = try Scorer(criteria: sampleSet()).score(data)
        #expect(r.score(node: 0, unit: 0) == 50)  // only A present
        #expect(r.flags(node: 0, unit: 0).contains(.partial))
    }

    @Test func missingFailLeavesUnitUnrankedWithReason() throws {
        let data = sampleData([("X", [1, 10, nil]), ("Y", [3, 30, 0]), ("Z", [2, 20, 10])])
        let r = try Scorer(criteria: sampleSet(rootAggregate: AggregateStep(missing: .fail))).score(data)
        #expect(r.score(node: 0, unit: 0) == nil)
        #expect(r.exclusions[0] == .noIndexScore(node: "B"))  // the deepest node without a score
        #expect(r.rank(node: 0, unit: 1) == 2)
    }

    @Test func unitWithoutDataIsNotRanked() throws {
        let data = sampleData([("X", [nil, nil, nil]), ("Y", [3, 30, 0]), ("Z", [2, 20, 10])])
        let r = try Scorer(criteria: sampleSet()).score(data)
        #expect(r.exclusions[0] == .noData)
        #expect(r.rankedCount == 2)
    }

    @Test func screeningUsesCoverageBeforeImputation() throws {
        let data = sampleData([("X", [1, nil, nil]), ("Y", [3, 30, 0]), ("Z", [2, 20, 10])])
        let r = try Scorer(criteria: sampleSet(screen: ScreenStep(minCoverage: 0.5))).score(data)
        #expect(r.exclusions[0] == .lowCoverage(coverage: 1.0 / 3, required: 0.5))
        #expect(r.exclusions[0]?.description == "data coverage 33.3 % is below the required 50 %")
    }

    @Test func geometricMeanOverZeroIsAnErrorNamingThePlace() {
        let data = sampleData([("X", [1, 10, 5]), ("Y", [3, 30, 0]), ("Z", [2, 20, 10])])
        #expect(throws: ScoringError.nonPositiveInMean(node: "index", method: "geometric", unit: "Y", child: "B", score: 0)) {
            try Scorer(criteria: sampleSet(rootAggregate: AggregateStep(method: .geometric))).score(data)
        }
    }

    @Test func geometricFloorRaisesZeros() throws {
        let data = sampleData([("X", [1, 10, 5]), ("Y", [3, 30, 0]), ("Z", [2, 20, 10])])
        let r = try Scorer(criteria: sampleSet(rootAggregate: AggregateStep(method: .geometric, floor: 1))).score(data)
        #expect(r.score(node: 0, unit: 1) == 7.07)  // sqrt(50 × 1)
    }

    @Test func constantIndicatorWarnsAndScoresNoNaN() throws {
        let data = sampleData([("X", [1, 10, 5]), ("Y", [3, 30, 5]), ("Z", [2, 20, 5])])
        let r = try Scorer(criteria: sampleSet()).score(data)
        let b1 = try #require(r.criteria.index(of: "b1"))
        #expect((0..<3).map { r.score(node: b1, unit: $0) } == [50, 50, 50])
        #expect(r.warnings.contains(.constantIndicator(indicator: "b1", value: 5, score: 50)))
    }

    @Test func noDataAtAllIsAnError() {
        let data = sampleData([("X", [nil, nil, nil])])
        #expect(throws: ScoringError.noData(period: "2024")) { try Scorer(criteria: sampleSet()).score(data) }
    }
}
