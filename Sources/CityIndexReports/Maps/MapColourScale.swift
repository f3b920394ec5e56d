import CityIndexCore
import Foundation

/// The colour classes of a map: equal-width score classes with round edges, coloured by steps of
/// viridis (sequential, readable with colour-blindness and in grey), light for low scores and
/// dark for high ones, as in the heat chart.
///
/// A class includes its lower edge; the last class also includes its upper edge.
struct MapColourScale: Sendable, Equatable {
    /// The class edges, lowest first (classes + 1 values).
    var edges: [Double]
    /// Decimals that show the edges exactly.
    var decimals: Int

    /// Classes over `scores`: the step among 1, 2, 2.5 and 5 × 10ⁿ that gives closest to five
    /// classes (three to seven), the fewer on a tie; one class when every score is equal.
    init(scores: [Double]) {
        let finite = scores.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), high > low else {
            let v = finite.first ?? 0
            edges = [v, v]
            decimals = MapColourScale.decimals(of: v)
            return
        }
        var best: (step: Double, count: Int, mantissa: Double)?
        let exponent = Int(floor(log10(high - low)))
        for e in (exponent - 2)...(exponent + 1) {
            for m in [1.0, 2.0, 2.5, 5.0] {
                let step = m * pow(10, Double(e))
                let count = Int((high / step - 1e-9).rounded(.up)) - Int((low / step + 1e-9).rounded(.down))
                guard (3...7).contains(count) else { continue }
                if let b = best, abs(count - 5) > abs(b.count - 5) || (abs(count - 5) == abs(b.count - 5) && step < b.step) { continue }
                best = (step, count, m)
            }
        }
        let step = best?.step ?? (high - low) / 5
        let first = ((low / step + 1e-9).rounded(.down)) * step
        let count = best?.count ?? 5
        edges = (0...count).map { first + Double($0) * step }
        decimals = max(0, -Int(floor(log10(step) + 1e-9))) + (best?.mantissa == 2.5 ? 1 : 0)
    }

    private static func decimals(of v: Double) -> Int {
        v == v.rounded() ? 0 : 2
    }

    /// The number of classes.
    var count: Int { edges.count - 1 }

    /// The class of `score`: the last whose lower edge it reaches.
    func classIndex(of score: Double) -> Int {
        var k = 0
        while k + 1 < count && score >= edges[k + 1] { k += 1 }
        return k
    }

    /// The fill of class `k`: viridis at the middle of the class's share of the ramp.
    func colour(ofClass k: Int) -> String {
        SVGMarkup.ramp((Double(k) + 0.5) / Double(max(count, 1)))
    }

    /// The fill of `score`.
    func colour(of score: Double) -> String { colour(ofClass: classIndex(of: score)) }

    /// The legend text of class `k`: `40–50`.
    func label(ofClass k: Int, language: Language) -> String {
        let a = DisplayNumber.format(edges[k], decimals: decimals, language: language)
        let b = DisplayNumber.format(edges[k + 1], decimals: decimals, language: language)
        return a == b ? a : a + "–" + b
    }

    /// Text colour readable on `fill` (`#RRGGBB`): near-black on light fills, white on dark ones.
    static func textColour(on fill: String) -> String {
        let hex = fill.dropFirst()
        guard hex.count == 6, let v = Int(hex, radix: 16) else { return "#1A1A1A" }
        func channel(_ shift: Int) -> Double {
            let c = Double((v >> shift) & 0xFF) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
        return luminance > 0.18 ? "#1A1A1A" : "#FFFFFF"
    }
}
