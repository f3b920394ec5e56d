import CityIndexCore
import CityIndexFormats
import Testing

@testable import CityIndexReports

/// The one rule for the decimals of every number written, kind by kind.
@Suite("Number kinds")
struct NumberKindTests {
    /// A cell as the `data` CSV dialect writes it.
    static func written(_ kind: NumberKind, _ x: Double) -> String { CSVWriter.field(kind.cell(x), dialect: .data) }

    @Test("cells: each kind's decimals, never binary noise", arguments: [
        (NumberKind.score(precision: 2), 75.2, "75.20"), (.score(precision: 2), 49.199999999999996, "49.20"),
        (.score(precision: 0), 12.5, "13"), (.score(precision: 2), 32.745, "32.75"), (.score(precision: nil), 0.7334567891, "0.7334567891"),
        (.rank, 17.0, "17"), (.simulatedRank, 18.049999999999955, "18"), (.simulatedRank, 17.5, "17.5"),
        (.simulatedRank, 19.950000000000003, "20"), (.coefficient, 0.94412, "0.944"), (.coefficient, -0.0801, "-0.080"),
        (.statistic, 151.9312, "151.9"), (.statistic, 0.26391, "0.2639"), (.statistic, 0.039000000000001, "0.039"),
        (.statistic, 804.1, "804.1"), (.statistic, 9.99996, "10"), (.statistic, 123456.7, "123457"), (.statistic, 0, "0"),
        (.statistic, 18.049999999999955, "18.05"), (.share, 0.991176, "0.9912"), (.share, 1, "1.0000"),
        (.value, 0.1 + 0.2, "0.3"), (.value, 126.3, "126.3"), (.value, 4018, "4018"), (.value, 0.000123456789, "0.000123456789"),
    ])
    func cells(kind: NumberKind, value: Double, expected: String) {
        #expect(Self.written(kind, value) == expected, "\(kind) \(value)")
    }

    @Test("text: the language's marks, a share as a percentage", arguments: [
        (NumberKind.score(precision: 2), 75.2, Language.vi, "75,20"), (.score(precision: 2), 1234.5, .vi, "1.234,50"),
        (.score(precision: nil), 0.73346, .en, "0.73"), (.simulatedRank, 17.5, .vi, "17,5"), (.simulatedRank, 18.0, .en, "18"),
        (.coefficient, -0.0801, .vi, "−0,080"), (.statistic, 102.83, .vi, "102,8"), (.share, 0.991176, .vi, "99,1 %"),
        (.share, 0.5, .en, "50.0 %"), (.value, 0.1 + 0.2, .vi, "0,3"), (.value, 100000, .vi, "100.000"), (.rank, 3, .en, "3"),
    ])
    func text(kind: NumberKind, value: Double, language: Language, expected: String) {
        #expect(kind.text(value, language: language) == expected)
    }

    @Test("NaN and nil are empty cells and a dash in text")
    func missing() {
        for kind in [NumberKind.score(precision: 2), .rank, .simulatedRank, .coefficient, .statistic, .share, .value] {
            #expect(kind.cell(Double.nan) == .empty)
            #expect(kind.cell(nil as Double?) == .empty)
            #expect(kind.text(nil as Double?, language: .vi) == "–")
        }
    }
}
