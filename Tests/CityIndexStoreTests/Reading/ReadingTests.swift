import CityIndexCore
import CityIndexStore
import Foundation
import Testing

@Suite("Reading")
struct ReadingTests {
    @Test("periods come back in chronological order, coarser first at the same start")
    func periodOrdering() throws {
        let shuffled = ["2025-Q1", "2024-Q4", "2025", "2024", "2024-H2", "2024-07", "2023", "2024-Q3", "2024-12"]
        let expected = ["2023", "2024", "2024-H2", "2024-Q3", "2024-07", "2024-Q4", "2024-12", "2025", "2025-Q1"]
        try withStorePath { path in
            let store = try Store(path: path)
            let values = try shuffled.enumerated().map { try observation("01", "x", $1, Double($0), line: $0 + 2) }
            _ = try store.importBatch(batch("periods.csv", values), replace: false)
            let periods = try store.periods()
            #expect(periods.map(\.description) == expected)
            #expect(periods == periods.sorted())
            #expect(try store.observations(indicators: nil, periods: nil).map(\.period.description) == expected)
        }
    }

    @Test(
        "the stored order agrees with Period's order",
        arguments: [
            ("2024-Q4", "2025-Q1"), ("2024", "2024-Q1"), ("2024", "2024-H1"), ("2024-H1", "2024-Q1"),
            ("2024-Q1", "2024-01"), ("2024-Q4", "2025"), ("2024-12", "2025"), ("2024-H2", "2024-Q4"),
            ("1999-12", "2000"), ("2024-H2", "2024-10"),
        ])
    func orderPairs(earlier: String, later: String) throws {
        let a = try period(earlier)
        let b = try period(later)
        #expect(a < b)
        try withStorePath { path in
            let store = try Store(path: path)
            _ = try store.importBatch(
                batch("pair.csv", [try observation("01", "x", later, 1), try observation("01", "x", earlier, 2)]),
                replace: false)
            #expect(try store.periods() == [a, b])
        }
    }

    @Test("observations filter by indicators and periods (NFC-normalised)")
    func filters() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            let values = try [
                observation("01", "dti", "2023", 1), observation("01", "dti", "2024", 2),
                observation("01", "chỉ_số", "2024", 3), observation("79", "pii", "2024", 4),
            ]
            _ = try store.importBatch(batch("mixed.csv", values), replace: false)
            let nfdIndicator = "chi\u{0309}_so\u{0302}\u{0301}"
            let some = try store.observations(indicators: ["dti", nfdIndicator], periods: [try period("2024")])
            #expect(some.map(\.value) == [3, 2])
            #expect(try store.observations(indicators: [], periods: nil).isEmpty)
            #expect(try store.observations(indicators: nil, periods: [try period("2023")]).map(\.value) == [1])
            #expect(try store.observations(indicators: ["pii"], periods: nil).map(\.unit) == ["79"])
        }
    }

    @Test("a unit's later import updates names it gives and keeps the others")
    func unitUpsert() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            _ = try store.importBatch(
                batch("a.csv", [], units: [UnitUpsert(code: "01", name: "Hà Nội", nameEN: "Hanoi", type: "city")]),
                replace: false)
            _ = try store.importBatch(
                batch("b.csv", [], units: [UnitUpsert(code: "01", nameEN: "Ha Noi")],
                      attributes: [UnitAttributeInput(unit: "01", name: "population", value: "8500000")]),
                replace: false)
            #expect(try store.units() == [StoredUnit(
                code: "01", name: "Hà Nội", nameEN: "Ha Noi", type: "city", attributes: ["population": "8500000"])])
        }
    }
}
