import CityIndexCore
import CityIndexFormats
import Foundation
import Testing

/// The criteria sets, registries and demo data in `Indicators/` are valid and agree with the
/// reference data in `../shared/data/vn`.
@Suite struct ShippedContentTests {
    @Test(arguments: ["hdi.yaml", "asem.yaml", "qd2244-provinces.yaml", "dti-provinces-2022.yaml", "u4ssc/u4ssc-kpis.yaml"])
    func shippedCriteriaSetsValidate(file: String) {
        let run = cityindex(["validate", "--criteria", repo("Indicators/" + file)])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("is valid"))
    }

    @Test func demoDataValidateAgainstTheDemoSet() {
        let run = cityindex([
            "validate", "--criteria", repo("Indicators/qd2244-provinces.yaml"), "--data", repo("Indicators/demo/qd2244-demo.csv"), "--data-basis", "2025",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("34 units, periods 2024, 2025"))
    }

    @Test(arguments: [("2025", 34), ("2024", 63)])
    func unitsCommandListsTheUnitsInForce(period: String, count: Int) {
        let run = cityindex(["units", "--criteria", repo("Indicators/qd2244-provinces.yaml"), "--in", period])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(parseCSV(run.stdout).count == count)
    }

    @Test func registriesHoldThe34And63Units() throws {
        let now = try UnitRegistry.read(path: repo("Indicators/units/vn-provinces-2025.csv"))
        let before = try UnitRegistry.read(path: repo("Indicators/units/vn-provinces-2024.csv"))
        #expect(now.entries.count == 34)
        #expect(before.entries.count == 63)
        let newCodes = Set(now.entries.map(\.unit.code))
        for entry in before.entries {
            #expect(entry.successors.count == 1 && newCodes.contains(entry.successors[0]), "\(entry.unit.code) → \(entry.successors)")
        }
        #expect(now.entries.allSatisfy { $0.isValid(in: .year(2026)) && !$0.isValid(in: .year(2024)) })
        #expect(before.entries.allSatisfy { $0.isValid(in: .year(2024)) && !$0.isValid(in: .year(2026)) })
        #expect(now.entries.allSatisfy { Double($0.unit.attributes["population"] ?? "") != nil })
    }

    @Test(.enabled(if: sharedDataAvailable, sharedDataMissing))
    func registriesAgreeWithTheReferenceData() throws {
        let now = try UnitRegistry.read(path: repo("Indicators/units/vn-provinces-2025.csv"))
        let before = try UnitRegistry.read(path: repo("Indicators/units/vn-provinces-2024.csv"))
        let ref2025 = parseCSV(try String(contentsOfFile: shared("data/vn/provinces-2025.csv"), encoding: .utf8))
        let ref2024 = parseCSV(try String(contentsOfFile: shared("data/vn/provinces-2024.csv"), encoding: .utf8))
        let nowByCode = Dictionary(uniqueKeysWithValues: now.entries.map { ($0.unit.code, $0) })
        let beforeByCode = Dictionary(uniqueKeysWithValues: before.entries.map { ($0.unit.code, $0) })
        #expect(Set(ref2025.compactMap { $0["code"] }) == Set(nowByCode.keys))
        #expect(Set(ref2024.compactMap { $0["code"] }) == Set(beforeByCode.keys))
        for r in ref2025 {
            let mine = try #require(nowByCode[r["code"] ?? ""])
            #expect(UnitNameKey.key(mine.unit.name) == UnitNameKey.key(r["name"] ?? ""), "\(r)")
            #expect(mine.unit.attributes["population"] == r["population"])
            let predecessors = Set((r["predecessor_codes"] ?? "").split(separator: ";").map(String.init))
            let mineFrom = Set(before.entries.filter { $0.successors.contains(mine.unit.code) }.map(\.unit.code))
            #expect(predecessors == mineFrom, "predecessors of \(mine.unit.code)")
        }
        for r in ref2024 {
            let mine = try #require(beforeByCode[r["code"] ?? ""])
            #expect(UnitNameKey.key(mine.unit.name) == UnitNameKey.key(r["name"] ?? ""), "\(r)")
            #expect(mine.successors == [r["successor_code"] ?? ""])
        }
        let crosswalk = parseCSV(try String(contentsOfFile: repo("Indicators/units/vn-crosswalk-2025.csv"), encoding: .utf8))
        #expect(crosswalk.count == 63)
        #expect(crosswalk.allSatisfy { beforeByCode[$0["from_code"] ?? ""]?.successors == [$0["to_code"] ?? ""] })
    }
}
