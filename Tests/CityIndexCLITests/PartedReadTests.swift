import CityIndexCore
import CityIndexEngine
import CityIndexStore
import Foundation
import Testing

/// A large period is read in parts on several cores (``MatrixPart``) when the periods would not
/// share the cores evenly; the panel must be the one a read of each period whole gives: the
/// same units in the same order, the same values, sources and digest (the digest keys stored
/// runs, so a repeated run must still be found).
@Suite("Periods read in parts")
struct PartedReadTests {
    @Test("a panel read in parts equals the panel read whole", arguments: [["2022"], ["2022", "2023"], ["2022", "2023", "2024"]])
    func partedPanelEqualsWhole(periodTexts: [String]) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let indicators = (0..<25).map { "i\($0)" }
        let set = folder.path("set.yaml")
        try """
            id: parted
            root:
              id: index
              children:
                - id: P
                  children: [\(indicators.map { "{id: \($0)}" }.joined(separator: ", "))]
            """.write(toFile: set, atomically: true, encoding: .utf8)
        // 900 units × 25 indicators: 22,500 values a period, above the parted-read minimum. The
        // units come in an order that is not their codes' (keys follow the file, rows the codes),
        // about one value in nine is missing, a few carry a source, and one unit is named in
        // 2023 without any value.
        var csv = "unit,indicator,period,value,source\n"
        for period in ["2022", "2023", "2024"] {
            for k in 0..<900 {
                let unit = "U\((k * 7919) % 900)"
                for (i, indicator) in indicators.enumerated() where (k + i) % 9 != 0 {
                    csv += "\(unit),\(indicator),\(period),\(Double(k * 31 + i) / 7),\(k % 100 == 0 ? "GSO" : "")\n"
                }
            }
        }
        csv += "Z-named,i0,2023,NA,\n"
        let data = folder.path("values.csv")
        try csv.write(toFile: data, atomically: true, encoding: .utf8)
        let db = folder.path("store.sqlite")
        let imported = cityindex(["import", "--criteria", set, "--data", data, "--db", db])
        try #require(imported.status == 0, "\(imported.stderr)")

        let criteria = try LoadedCriteria.load(path: set)
        let store = try Store(path: db)
        let periods = try periodTexts.map { try #require(Period($0)) }
        var whole = PanelBuilder(criteria: criteria, store: store)
        whole.partedReadMinimum = .max
        var parted = PanelBuilder(criteria: criteria, store: store)
        parted.partedReadMinimum = 0
        let a = try whole.build(periods: periods)
        let b = try parted.build(periods: periods)
        #expect(a.data.map(\.period) == periods)
        #expect(a.data.map(\.units.count) == periods.map { $0.description == "2023" ? 901 : 900 })
        #expect(b.data.map(\.period) == a.data.map(\.period))
        for (x, y) in zip(a.data, b.data) {
            #expect(y.units.map(\.code) == x.units.map(\.code), "\(x.period): units")
            #expect(y.values.map(\.bitPattern) == x.values.map(\.bitPattern), "\(x.period): values")
        }
        #expect(b.sources == a.sources)
        #expect(b.sha256 == a.sha256)
    }
}
