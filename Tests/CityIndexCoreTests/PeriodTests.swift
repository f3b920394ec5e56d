import Testing
@testable import CityIndexCore

@Suite struct PeriodTests {
    @Test(arguments: [
        ("2024", "2024"), ("2024-q3", "2024-Q3"), (" 2024-H1 ", "2024-H1"), ("2024-07", "2024-07"), ("2024.0", "2024"),
    ])
    func parsesCanonicalForms(text: String, canonical: String) throws {
        let p = try #require(Period(text))
        #expect(p.description == canonical)
    }

    @Test(arguments: ["2024Q3", "24", "2024-Q5", "2024-13", "2024-H3", "abc", "", "2024-7"])
    func rejectsMalformed(text: String) {
        #expect(Period(text) == nil)
    }

    @Test func previousCrossesYears() throws {
        #expect(try #require(Period("2025-Q1")).previous.description == "2024-Q4")
        #expect(try #require(Period("2025-01")).previous.description == "2024-12")
        #expect(Period.year(2025).previous == .year(2024))
    }

    @Test func ordersChronologically() throws {
        let texts = ["2025-Q1", "2024", "2024-Q4", "2024-12", "2024-H2", "2025"]
        let sorted = texts.compactMap(Period.init).sorted().map(\.description)
        #expect(sorted == ["2024", "2024-H2", "2024-Q4", "2024-12", "2025", "2025-Q1"])
    }
}
