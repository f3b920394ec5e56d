import CityIndexCore
import CityIndexStore
import Foundation
import Testing

/// ``Store/matrix(period:indicators:)`` reads the integer-keyed values without a type check per
/// cell: it must give exactly what the observations say.
@Suite("Reading the matrix of a period")
struct MatrixReadingTests {
    @Test("the matrix equals the stored observations", arguments: ["2023", "2024", "2025"])
    func matrixEqualsObservations(periodText: String) throws {
        try withStorePath { path in
            let store = try Store(path: path)
            var values: [ObservationInput] = []
            var state: UInt64 = 11
            func next() -> UInt64 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return state >> 33
            }
            let sources = [nil, "", "UNDP", "GSO"]
            for (line, (unit, (indicator, period))) in product(
                (1...40).map { String(format: "%02d", $0) }, product(["a", "b", "c", "d"], ["2023", "2024", "2025"])
            ).enumerated() where next() % 4 != 0 {
                // Whole numbers, negatives and fractions; a source on some.
                let value = next() % 3 == 0 ? Double(Int(next() % 200) - 100) : Double(next()) / 7919
                values.append(
                    try observation(unit, indicator, period, value, source: sources[Int(next() % 4)], line: line + 2))
            }
            _ = try store.importBatch(batch("values.csv", values), replace: false)
            let period = try period(periodText)
            let indicators = ["c", "a", "absent", "d"]
            let matrix = try store.matrix(period: period, indicators: indicators)
            let stored = try store.observations(indicators: nil, periods: [period])
            let units = Set(stored.filter { indicators.contains($0.indicator) }.map(\.unit)).sorted()
            #expect(matrix.units == units)
            #expect(matrix.indicators == indicators)
            var expected = [Double](repeating: .nan, count: units.count * indicators.count)
            for o in stored {
                guard let c = indicators.firstIndex(of: o.indicator), let r = units.firstIndex(of: o.unit) else {
                    continue
                }
                expected[c * units.count + r] = o.value
            }
            #expect(matrix.values.map(\.bitPattern) == expected.map(\.bitPattern))
            let expectedSources = Set(
                stored.filter { indicators.contains($0.indicator) }.compactMap(\.source).filter { !$0.isEmpty })
            #expect(matrix.sources == expectedSources)
        }
    }

    /// Every pair of `a` and `b`, `a` outermost.
    func product<A, B>(_ a: [A], _ b: [B]) -> [(A, B)] {
        a.flatMap { x in b.map { (x, $0) } }
    }
}
