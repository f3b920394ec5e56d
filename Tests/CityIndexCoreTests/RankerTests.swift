import Testing
@testable import CityIndexCore

@Suite struct RankerTests {
    @Test(arguments: [
        (TieMethod.competition, [1, 2, 2, 4]),
        (.dense, [1, 2, 2, 3]),
        (.ordinal, [1, 2, 3, 4]),
    ])
    func tiesFollowTheMethod(ties: TieMethod, expected: [Int]) {
        let ranks = Ranker(ties: ties).ranks([0.9, 0.5, 0.5, 0.1], codes: ["A", "B", "C", "D"])
        #expect(ranks == expected)
    }

    @Test func ordinalBreaksTiesByCode() {
        let ranks = Ranker(ties: .ordinal).ranks([0.5, 0.5], codes: ["Z", "A"])
        #expect(ranks == [2, 1])
    }

    @Test(arguments: [
        (0.7845, 3, 0.785), (0.78449, 3, 0.784), (-1.25, 1, -1.3), (0.0004, 3, 0), (68.375, 2, 68.38),
    ])
    func roundsHalfAwayFromZero(x: Double, decimals: Int, expected: Double) {
        #expect(Rounding.round(x, decimals: decimals) == expected)
    }
}
