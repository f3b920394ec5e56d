import Foundation
import Testing
@testable import CityIndexCore

@Suite struct NormaliserTests {
    private func scores(_ method: NormaliseStep, _ x: [Double], direction: Direction = .higher, scale: Double = 100, transform: Transform = .none, target: Double? = nil) -> [Double] {
        Normaliser(method: method, direction: direction, scale: scale, transform: transform, target: target).scores(x).values
    }

    @Test func minMaxHonoursDirection() {
        #expect(scores(.minMax, [1, 2, 3]) == [0, 50, 100])
        #expect(scores(.minMax, [1, 2, 3], direction: .lower) == [100, 50, 0])
    }

    @Test func constantIndicatorGivesMidpointNotNaN() {
        let out = Normaliser(method: .minMax, direction: .higher, scale: 100).scores([4, 4, 4])
        #expect(out.values == [50, 50, 50])
        #expect(out.constantValue == 50)
    }

    @Test func goalpostsClipAndTransform() {
        let out = Normaliser(method: .goalposts(min: 20, max: 85), direction: .higher, scale: 1).scores([85.5, 52.5, 10])
        #expect(out.values == [1, 0.5, 0])
        #expect(out.clipped == [true, false, true])
        let income = scores(.goalposts(min: 100, max: 75000), [log(75000.0), log(100.0)], scale: 1, transform: .ln)
        #expect(income == [1, 0])
    }

    @Test func targetCapsAtOne() {
        #expect(scores(.target(nil), [15, 30, 60], scale: 1, target: 30) == [0.5, 1, 1])
        #expect(scores(.target(10), [20, 5], direction: .lower, scale: 1) == [0.5, 1])
    }

    @Test func zScoreRescales() {
        let s = scores(.zScore(mean: 100, sd: 10), [1, 2, 3])
        #expect(s == [90, 100, 110])
    }

    @Test func rankAndPercentileShareTies() {
        #expect(scores(.rank, [10, 20, 20, 30]) == [1, 2.5, 2.5, 4])
        #expect(scores(.percentile, [10, 20, 30]) == [0, 50, 100])
    }

    @Test(arguments: [(0.2, 1.0), (0.5, 2), (0.7, 3), (0.95, 4), (1.2, 4)])
    func u4sscBandsOfTarget(share: Double, points: Double) {
        let method = NormaliseStep.bands(basis: .target, target: 80, thresholds: [0.33, 0.66, 0.95], points: [1, 2, 3, 4])
        #expect(scores(method, [share * 80]) == [points])
    }

    @Test func ratioAndYesNoArePoints() {
        #expect(scores(.ratio(maxPoints: 20), [0.5, 1.5, -1]) == [10, 20, 0])
        #expect(scores(.yesNo(maxPoints: 5), [1, 0]) == [5, 0])
    }
}
