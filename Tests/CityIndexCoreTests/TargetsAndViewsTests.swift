import Testing

@testable import CityIndexCore

/// A U4SSC-shaped set built in code: points by bands of the share of target (25, 50, 75, 100),
/// every aggregate the mean over the indicators below it.
///
/// root → D1 → {C1: k1, k2; C2: k3}, D2 → {C3: k4 (data points p1, p2)}
private func pointsSet(tags: [String: [String]] = [:], targets: [String: Double] = [:]) -> CriteriaSet {
    let place = SourcePlace(file: "test")
    func node(_ id: String, parent: Int?, direction: Direction? = nil) -> CriteriaNode {
        var n = CriteriaNode(id: id, target: targets[id], settings: StepSettings(direction: direction), parent: parent, place: place)
        n.tags = tags[id] ?? []
        return n
    }
    let nodes = [
        node("root", parent: nil), node("D1", parent: 0), node("C1", parent: 1), node("k1", parent: 2), node("k2", parent: 2, direction: .lower),
        node("C2", parent: 1), node("k3", parent: 5), node("D2", parent: 0), node("C3", parent: 7), node("k4", parent: 8),
        node("p1", parent: 9), node("p2", parent: 9),
    ]
    return CriteriaSet(
        id: "points", scale: 100, precision: 2,
        defaults: StepSettings(
            normalise: .bands(basis: .target, target: nil, thresholds: [0.33, 0.66, 0.95], points: [25, 50, 75, 100]),
            aggregate: AggregateStep(method: .arithmetic, over: .indicators)),
        nodes: nodes)
}

private func data(_ rows: [(String, [String: Double])], period: Period = .year(2024)) -> PeriodData {
    let ids = ["k1", "k2", "k3", "p1", "p2"]
    var d = PeriodData(period: period, units: rows.map { UnitInfo(code: $0.0, name: "Unit " + $0.0) }, indicators: ids)
    for (u, row) in rows.enumerated() {
        for (c, id) in ids.enumerated() { d.set(row.1[id], unit: u, column: c) }
    }
    return d
}

private func entry(_ indicator: String, _ target: Double, unit: String? = nil, period: Period? = nil, line: Int) -> TargetEntry {
    TargetEntry(indicator: indicator, unit: unit, period: period, target: target, source: "test", place: SourcePlace(file: "t.csv", line: line, column: 1))
}

@Suite struct TargetsAndViewsTests {
    @Test func pooledAggregationIsPointsOverTheMaximumOfTheItemsReported() throws {
        var set = pointsSet()
        set.targets = TargetTable(entries: ["k1", "k2", "k3", "p1", "p2"].enumerated().map { entry($0.element, 100, line: $0.offset + 2) })
        // k1 20 % → 25; k2 lower-better, 100/80 = 125 % → 100; k3 70 % → 75; p1 50 % → 50; p2 missing.
        let r = try Scorer(criteria: set).score(data([("a", ["k1": 20, "k2": 80, "k3": 70, "p1": 50])]))
        let c1 = try #require(set.index(of: "C1")), d1 = try #require(set.index(of: "D1")), k4 = try #require(set.index(of: "k4"))
        #expect(r.score(node: c1, unit: 0) == 62.5)
        // D1 pools k1, k2, k3: (25 + 100 + 75) / 3, not the mean of C1 (62.5) and C2 (75).
        #expect(r.score(node: d1, unit: 0) == 66.67)
        #expect(r.score(node: k4, unit: 0) == 50)
        // The whole pools the four items reported: 250 / 4.
        #expect(r.score(node: 0, unit: 0) == 62.5)
        #expect(r.flags(node: 0, unit: 0).contains(.partial))
    }

    @Test(arguments: [
        (33.0, 50.0), (32.99, 25.0), (66.0, 75.0), (95.0, 100.0), (94.99, 75.0),
    ])
    func bandEdgesBelongToTheUpperBand(value: Double, points: Double) throws {
        var set = pointsSet()
        set.targets = TargetTable(entries: [entry("k1", 100, line: 2)])
        let r = try Scorer(criteria: set).score(data([("a", ["k1": value])]))
        #expect(r.score(node: 3, unit: 0) == points)
    }

    @Test func aShareExactlyAtAnEdgeWrittenWithDecimalsStaysInTheUpperBand() throws {
        var set = pointsSet()
        set.targets = TargetTable(entries: [entry("k1", 10, line: 2)])
        // 6.6 / 10 is 0.6599999999999999 in binary: still 66 %, 3 points.
        let r = try Scorer(criteria: set).score(data([("a", ["k1": 6.6])]))
        #expect(r.score(node: 3, unit: 0) == 75)
    }

    @Test func lowerIsBetterShareIsTargetOverValue() throws {
        var set = pointsSet()
        set.targets = TargetTable(entries: [entry("k2", 10, line: 2)])
        let r = try Scorer(criteria: set).score(data([("a", ["k2": 20]), ("b", ["k2": 0]), ("c", ["k2": 31])]))
        let k2 = try #require(set.index(of: "k2"))
        // 10/20 = 50 % → 2 points; 0 reaches any target; 10/31 = 32 % → 1 point.
        #expect((0..<3).map { r.score(node: k2, unit: $0) } == [50, 100, 25])
    }

    @Test func theMostSpecificTargetApplies() throws {
        var set = pointsSet()
        set.targets = TargetTable(entries: [
            entry("k1", 100, line: 2), entry("k1", 50, unit: "b", line: 3), entry("k1", 40, period: .year(2024), line: 4),
            entry("k1", 20, unit: "unit C", period: .year(2024), line: 5), entry("k1", 10, unit: "unit C", period: .year(2023), line: 6),
        ])
        // a: the period's target (40); b: its own (50); c (matched by its name, "Unit c"): its own in 2024 (20).
        let r = try Scorer(criteria: set).score(data([("a", ["k1": 40]), ("b", ["k1": 40]), ("c", ["k1": 18])]))
        #expect((0..<3).map { r.score(node: 3, unit: $0) } == [100, 75, 75])
        let used = r.targetsUsed.map { ($0.target, $0.units) }
        #expect(used.count == 3)
        #expect(Set(r.targetsUsed.map(\.place.line)) == [3, 4, 5])
        let other = try Scorer(criteria: set).score(data([("a", ["k1": 40])], period: .year(2023)))
        #expect(other.score(node: 3, unit: 0) == 50)  // 40 of the general 100
    }

    @Test func aValueWithoutATargetIsLeftOutWithAFlagAndOneWarning() throws {
        var set = pointsSet()
        set.targets = TargetTable(entries: [entry("k1", 100, line: 2), entry("k3", 100, line: 3)])
        let r = try Scorer(criteria: set).score(data([("a", ["k1": 100, "k2": 5, "k3": 10]), ("b", ["k1": 50, "k2": 7])]))
        let k2 = try #require(set.index(of: "k2")), d1 = try #require(set.index(of: "D1"))
        #expect(r.score(node: k2, unit: 0) == nil)
        #expect(r.flags(node: k2, unit: 0).contains(.noTarget) && r.flags(node: k2, unit: 1).contains(.noTarget))
        // a: k1 100 and k3 25 → 62.5, k2 left out of points and maximum.
        #expect(r.score(node: d1, unit: 0) == 62.5)
        #expect(r.warnings.contains(.missingTargets(indicators: ["k2"], values: 2)))
        #expect(r.targetsUsed.allSatisfy { $0.indicator != k2 })
    }

    @Test func theSetsOwnTargetIsUsedWhenTheFileHasNone() throws {
        var set = pointsSet(targets: ["k1": 50])
        set.targets = TargetTable(entries: [entry("k1", 100, unit: "b", line: 2)])
        let r = try Scorer(criteria: set).score(data([("a", ["k1": 50]), ("b", ["k1": 50])]))
        #expect((0..<2).map { r.score(node: 3, unit: $0) } == [100, 50])
        let fromSet = try #require(r.targetsUsed.first { if case .criteriaSet = $0.origin { true } else { false } })
        #expect(fromSet.units == [0] && fromSet.target == 50 && fromSet.source == nil)
    }

    @Test func aViewScoresTheTaggedIndicatorsAndDropsEmptyAggregates() throws {
        var set = pointsSet(tags: ["k1": ["core"], "C3": ["core"], "k3": ["advanced"]])
        set.targets = TargetTable(entries: ["k1", "k2", "k3", "p1", "p2"].enumerated().map { entry($0.element, 100, line: $0.offset + 2) })
        let view = try set.view(only: "core")
        #expect(view.scoredIndicatorIndices.map { view.nodes[$0].id } == ["k1", "p1", "p2"])
        #expect(view.view?.leftOut == ["k2", "k3", "C2"])
        #expect(view.view?.indicatorsKept == 3 && view.view?.indicatorsInSet == 5)
        let r = try Scorer(criteria: view).score(data([("a", ["k1": 100, "k2": 10, "k3": 10, "p1": 20, "p2": 50])]))
        let d1 = try #require(view.index(of: "D1")), c2 = try #require(view.index(of: "C2"))
        #expect(r.score(node: d1, unit: 0) == 100)
        #expect(r.score(node: c2, unit: 0) == nil)
        #expect(r.score(node: 0, unit: 0) == 58.33)  // (100 + 25 + 50) / 3
        #expect(view.relativeWeights(of: 1).map(\.weight) == [1])
        // The values outside the view are still read (data-only), so imports accept them.
        #expect(view.indicatorIDs.count == set.indicatorIDs.count)
    }

    @Test func anUnknownTagIsRefusedWithTheClosestOne() {
        let set = pointsSet(tags: ["k1": ["core"], "k3": ["advanced"]])
        #expect(throws: CriteriaViewError.unknownTag(tag: "cor", known: ["advanced", "core"], suggestion: "core")) { try set.view(only: "cor") }
        #expect(
            "\(CriteriaViewError.unknownTag(tag: "cor", known: ["advanced", "core"], suggestion: "core"))"
                == "--only cor: no node of the criteria set carries the tag \"cor\"; did you mean \"core\"? (tags of the set: advanced, core)")
    }

    @Test func effectiveWeightsUnderAPoolingNodeAreSharesOfItsIndicators() {
        let set = pointsSet()
        let ids = ["k1", "k2", "k3", "p1", "p2"]
        let weights = ids.compactMap { set.index(of: $0) }.map { set.effectiveWeight(of: $0) }
        #expect(weights.allSatisfy { abs($0 - 0.2) < 1e-12 })
        #expect(abs(set.effectiveWeight(of: 1) - 0.6) < 1e-12)  // D1 holds three of five
    }
}
