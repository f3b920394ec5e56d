import CityIndexCore
import Foundation
import Testing

@testable import CityIndexReports

/// The profile's radar chart: the rings' values stay readable over the series drawn on the axis
/// they sit on.
@Suite struct RadarChartTests {
    @Test("the rings' values are drawn over the series, with a halo")
    func ringValuesOverTheSeries() throws {
        let result = try ReportFixture.result(units: 34)
        #expect(result.pillars.count >= 3)
        // The unit best on the first pillar: its outline runs through the values on that axis.
        let first = result.pillars[0]
        let unit = try #require(result.units.indices.filter { result.isRanked($0) }.max {
            (result.score(node: first, unit: $0) ?? 0) < (result.score(node: first, unit: $1) ?? 0)
        })
        let svg = RadarChart(result: result, unit: unit, language: .en).svg
        let group = try #require(svg.range(of: "<g class=\"ring-values\""))
        let lastSeries = try #require(svg.range(of: "fill-opacity=\"0.18\"", options: .backwards))
        #expect(group.lowerBound > lastSeries.upperBound, "ring values drawn before the series")
        let values = String(svg[group.lowerBound...]).components(separatedBy: "</g>")[0]
        #expect(values.contains("paint-order=\"stroke\"") && values.contains("stroke=\"#ffffff\""))
        // The four rings' values, 25 to 100 of the scale, all inside the group.
        for ring in 1...4 {
            let label = DisplayNumber.format(result.criteria.scale * Double(ring) / 4, decimals: 0, language: .en)
            #expect(values.contains(">\(label)</text>"), "ring \(ring) (\(label))")
        }
    }
}
