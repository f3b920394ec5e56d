import CityIndexAnalysis
import CityIndexCore
import Testing

@Suite struct WhatItTakesTests {
    @Test func rebuiltDataReproduceTheResult() throws {
        let result = try ReportFixture.result()
        let again = try Scorer(criteria: result.criteria).score(PeriodData(rebuiltFrom: result))
        #expect(again.ranks == result.ranks)
        #expect(zip(again.scores, result.scores).allSatisfy { $0.isNaN && $1.isNaN || $0 == $1 })
    }

    /// Every figure, set into the original data and scored again from scratch, reaches the target.
    @Test(arguments: [true, false])
    func everyFigureReachesTheTargetWhenRescored(treat: Bool) throws {
        let result = try ReportFixture.result(treat: treat)
        let data = ReportFixture.data(units: 34)
        let solver = WhatItTakes(result: result, data: data)
        var exact = 0, bisection = 0, unreachable = 0
        for u in result.ordering().filter({ result.isRanked($0) }).dropFirst().prefix(12) {
            let plan = try solver.solve(unit: u)
            #expect(plan.targetRank == plan.currentRank - 1 || plan.alreadyReached)
            for a in plan.answers {
                guard let needed = a.needed else {
                    unreachable += 1
                    continue
                }
                a.method == .exact ? (exact += 1) : (bisection += 1)
                var changed = data
                let column = try #require(changed.column(of: result.criteria.nodes[a.indicator].id))
                changed.set(needed, unit: u, column: column)
                let rescored = try Scorer(criteria: result.criteria).score(changed)
                let rank = try #require(rescored.rank(node: 0, unit: u))
                #expect(rank <= plan.targetRank, "unit \(u) indicator \(a.indicator): \(needed) gives rank \(rank), target \(plan.targetRank)")
                #expect(a.verifiedRank == rank)
                if let current = a.current {
                    let sign: Double = result.criteria.effectiveSettings(of: a.indicator).direction == .lower ? -1 : 1
                    #expect((needed - current) * sign > 0)
                }
            }
        }
        #expect(exact > 0)
        #expect(unreachable > 0)  // articles are capped by goalposts
        if treat { #expect(bisection > 0) }
    }

    @Test func firstPlaceHasNothingToClimb() throws {
        let result = try ReportFixture.result()
        let first = try #require(result.ordering().first)
        let plan = try WhatItTakes(result: result).solve(unit: first)
        #expect(plan.alreadyReached)
        #expect(plan.answers.isEmpty)
    }

    @Test func badTargetsAreRefused() throws {
        let result = try ReportFixture.result()
        let u = result.ordering()[5]
        #expect(throws: WhatItTakesError.targetOutOfRange(rank: 99, rankedCount: result.rankedCount)) {
            try WhatItTakes(result: result).solve(unit: u, targetRank: 99)
        }
    }
}
