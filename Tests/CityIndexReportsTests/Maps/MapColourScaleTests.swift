import Testing

@testable import CityIndexReports

/// Score classes with round edges, about five of them.
@Suite struct MapColourScaleTests {
    @Test(arguments: [
        ([5.75, 94.41], [0.0, 20, 40, 60, 80, 100], 0),
        ([40.0, 94.0], [40.0, 50, 60, 70, 80, 90, 100], 0),
        ([0.12, 0.97], [0.0, 0.2, 0.4, 0.6, 0.8, 1.0], 1),
        ([61.3, 72.9], [60.0, 62.5, 65, 67.5, 70, 72.5, 75], 1),
    ])
    func edges(scores: [Double], expected: [Double], decimals: Int) {
        let scale = MapColourScale(scores: scores)
        #expect(scale.edges.count == expected.count)
        for (a, b) in zip(scale.edges, expected) { #expect(abs(a - b) < 1e-9, "\(scale.edges)") }
        #expect(scale.decimals == decimals)
    }

    @Test func aClassIncludesItsLowerEdgeAndTheLastItsUpperEdge() {
        let scale = MapColourScale(scores: [5.75, 94.41])
        #expect(scale.classIndex(of: 19.99) == 0)
        #expect(scale.classIndex(of: 20) == 1)
        #expect(scale.classIndex(of: 100) == 4)
        #expect(Set((0..<scale.count).map { scale.colour(ofClass: $0) }).count == scale.count)
        #expect(scale.label(ofClass: 1, language: .vi) == "20–40")
    }

    @Test func equalScoresMakeOneClass() {
        let scale = MapColourScale(scores: [3.5, 3.5])
        #expect(scale.count == 1)
        #expect(scale.classIndex(of: 3.5) == 0)
        #expect(scale.label(ofClass: 0, language: .en) == "3.50")
    }

    /// Labels stay readable: white on the dark end of the ramp, black on the light end.
    @Test func textColourContrastsWithTheFill() {
        #expect(MapColourScale.textColour(on: "#440154") == "#FFFFFF")
        #expect(MapColourScale.textColour(on: "#FDE725") == "#1A1A1A")
    }
}
