import Testing
@testable import CityIndexCore

@Suite struct ComparisonTests {
    private func result(_ period: Int, _ rows: [(String, [Double?])]) throws -> ScoreResult {
        var data = sampleData(rows)
        data.period = .year(period)
        return try Scorer(criteria: sampleSet()).score(data)
    }

    @Test func rankChangeIsPlacesUpAndNewUnitsAreNotMovers() throws {
        let before = try result(2024, [("X", [1, 10, 5]), ("Y", [3, 30, 0]), ("Z", [2, 20, 10])])
        let after = try result(2025, [("X", [1, 10, 0]), ("Y", [3, 30, 10]), ("Z", [2, 20, 5]), ("W", [2, 20, 7])])
        let c = PeriodComparison(current: after, base: before)
        let code = { (u: Int) in after.units[u].code }
        let byCode = Dictionary(uniqueKeysWithValues: after.units.indices.map { (code($0), $0) })
        let y = try #require(byCode["Y"]), w = try #require(byCode["W"]), x = try #require(byCode["X"])
        #expect(c.baseRank(node: 0, unit: y) == 3)
        #expect(c.rankChange(node: 0, unit: y) == 3 - (after.rank(node: 0, unit: y) ?? 0))
        #expect(c.status(unit: w) == .new)
        #expect(c.rankChange(node: 0, unit: w) == nil)
        #expect(c.status(unit: x) == .continuing)
        let (rises, falls) = c.movers(limit: 5)
        #expect(!rises.contains(w) && !falls.contains(w))
        #expect(rises.contains(y))
    }

    @Test func droppedUnitsAreListedWithTheirBaseRank() throws {
        let before = try result(2024, [("X", [1, 10, 5]), ("Y", [3, 30, 0]), ("Z", [2, 20, 10])])
        let after = try result(2025, [("X", [1, 10, 5]), ("Z", [2, 20, 10])])
        let c = PeriodComparison(current: after, base: before)
        #expect(c.dropped.map(\.unit.code) == ["Y"])
        #expect(c.dropped.first?.baseRank == 3)
    }

    @Test func crosswalkFollowsSuccessorChains() {
        let cw = Crosswalk(successor: ["02": "08", "08": "08", "A": "B", "B": "C"])
        #expect(cw.target(of: "02") == "08")
        #expect(cw.target(of: "A") == "C")
        #expect(cw.target(of: "01") == "01")
    }

    @Test(arguments: [
        (CombineRule.Method.sum, 40.0), (.mean, 20), (.max, 30), (.min, 10), (.weightedMean, 25),
    ])
    func combineRules(method: CombineRule.Method, expected: Double) {
        // Weights 1 and 3: the weighted mean is (10 · 1 + 30 · 3) / 4 = 25.
        let rule = CombineRule(method: method, by: "population")
        #expect(rule.combine([10, 30], weights: [1, 3]) == expected)
    }

    @Test func compoundAnnualGrowthOverYears() throws {
        let g = try #require(Trend.compoundAnnualGrowth([(.year(2020), 100), (.year(2022), 121)]))
        #expect(abs(g - 0.1) < 1e-12)
        #expect(Trend.compoundAnnualGrowth([(.year(2020), 0), (.year(2022), 5)]) == nil)
    }

    @Test func frozenBoundsClipAndKeepScoresComparable() throws {
        let place = SourcePlace(file: "t")
        let nodes = [
            CriteriaNode(id: "i", place: place),
            CriteriaNode(id: "a", settings: StepSettings(bounds: .fixed(.year(2024))), parent: 0, place: place),
        ]
        let set = CriteriaSet(id: "f", scale: 100, nodes: nodes)
        func data(_ year: Int, _ values: [Double]) -> PeriodData {
            var d = PeriodData(period: .year(year), units: values.indices.map { UnitInfo(code: "U\($0)", name: "U\($0)") }, indicators: ["a"])
            for (u, v) in values.enumerated() { d.set(v, unit: u, column: 0) }
            return d
        }
        let results = try PanelScorer(criteria: set).score(
            periods: [.year(2024), .year(2025)], panel: [data(2024, [0, 10]), data(2025, [5, 20])])
        #expect((0..<2).map { results[1].score(node: 1, unit: $0) } == [50, 100])
        #expect(results[1].flags(node: 1, unit: 1).contains(.clipped))
        #expect(results[1].boundsUsed["a"] == .fixed(.year(2024)))
    }
}
