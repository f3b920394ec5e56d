import CityIndexCore
import Foundation
import Testing

@testable import CityIndexReports

/// The reports' number texts are built without `String(format:)`; they must be exactly what
/// `printf` gives.
@Suite("Number texts")
struct NumberTextTests {
    @Test("fixed decimals equal %.Nf of the rounded value", arguments: 0...6)
    func fixedMatchesPrintf(decimals: Int) {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, 0.5, 1, 9.995, 99.995, 1234.5, 0.05, 0.015, 1e14, 123_456_789.123_456]
        for _ in 0..<20_000 {
            let magnitude = pow(10, Double.random(in: -4...13, using: &generator))
            values.append(Double.random(in: 0...magnitude, using: &generator))
        }
        for value in values {
            let rounded = Rounding.round(value, decimals: decimals)
            #expect(
                DisplayNumber.fixed(rounded, decimals: decimals) == String(format: "%.\(decimals)f", rounded),
                "\(value) at \(decimals) decimals")
        }
    }

    @Test("grouped and localised", arguments: [
        (1234.5, 1, Language.en, "1234.5"), (12345.678, 2, .en, "12,345.68"), (12345.678, 2, .vi, "12.345,68"),
        (-0.004, 2, .en, "0.00"), (-2.5, 0, .en, "−3"), (1_000_000, 0, .vi, "1.000.000"), (.nan, 2, .en, "–"),
    ])
    func format(value: Double, decimals: Int, language: Language, expected: String) {
        #expect(DisplayNumber.format(value, decimals: decimals, language: language) == expected)
    }

    @Test("SVG coordinates: one decimal, integers bare, as before")
    func coordinates() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.25, -12.35, 1e6 + 0.05, .nan, .infinity]
        for _ in 0..<50_000 { values.append(Double.random(in: -5_000...5_000, using: &generator)) }
        for x in values {
            let expected: String
            if !x.isFinite {
                expected = "0"
            } else {
                let r = (x * 10).rounded() / 10
                expected = r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
            }
            #expect(SVGMarkup.n(x) == expected, "\(x)")
        }
    }
}
