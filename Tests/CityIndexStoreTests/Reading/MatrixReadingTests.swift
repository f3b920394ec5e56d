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

    /// A period read in parts (on several cores, ``MatrixPart``) is the period read whole: the
    /// parts share no unit, and put together they give the same units, values and sources,
    /// also with more parts than units and with units named in the period without a value.
    @Test("the parts of a period put together equal the whole", arguments: [1, 2, 3, 5, 64])
    func partsCombineToTheWhole(parts: Int) throws {
        try withStorePath { path in
            let store = try Store(path: path)
            var values: [ObservationInput] = []
            // Codes whose order is not the order of their keys: keys follow the file, rows the codes.
            let units = (1...23).map { "U\(($0 * 7) % 23)" }
            for (u, unit) in units.enumerated() {
                for (i, indicator) in ["a", "b", "c"].enumerated() where (u + i) % 4 != 0 {
                    values.append(try observation(unit, indicator, "2024", Double(u * 10 + i) / 3, source: u % 3 == 0 ? "S\(u % 2)" : nil, line: 2 + u * 3 + i))
                }
            }
            let listed = [UnitPeriodInput(unit: "Z-listed", period: try period("2024"))]
            _ = try store.importBatch(
                ImportBatch(sha256: String(repeating: "1", count: 64), fileName: "v.csv", observations: values, unitsWithoutValues: listed),
                replace: false)
            let indicators = ["c", "a", "b"]
            let whole = try store.matrix(period: try period("2024"), indicators: indicators)
            let read = try (0..<parts).map {
                try store.matrix(period: try period("2024"), indicators: indicators, part: MatrixPart(index: $0, count: parts))
            }
            let all = read.flatMap(\.units)
            #expect(all.count == Set(all).count, "a unit in two parts")
            if parts > 1 { #expect(read.filter { !$0.units.isEmpty }.count > 1, "the parts did not divide the units") }
            let combined = StoredMatrix(combining: read)
            #expect(whole.units.count == 24)
            #expect(combined.units == whole.units)
            #expect(combined.values.map(\.bitPattern) == whole.values.map(\.bitPattern))
            #expect(combined.sources == whole.sources)
        }
    }

    /// Every pair of `a` and `b`, `a` outermost.
    func product<A, B>(_ a: [A], _ b: [B]) -> [(A, B)] {
        a.flatMap { x in b.map { (x, $0) } }
    }
}
