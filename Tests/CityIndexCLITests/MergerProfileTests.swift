import Foundation
import Testing

/// Issue 3: "Every combined figure is marked in the reports, with the predecessors named in the
/// unit profile". The DTI set scored on 2024 data for the 63 provinces, re-expressed on the 34
/// units of 2025 through the registries' crosswalk (Indicators/units/vn-crosswalk-2025.csv).
@Suite(.serialized) struct MergerProfileTests {
    /// 2024 main-indicator points for Hà Nội (01), Hà Giang (02), Cao Bằng (04) and Tuyên Quang
    /// (08); Hà Giang and Tuyên Quang became Tuyên Quang (08) on 1 July 2025.
    static let dti2024 = """
        unit,period,digital_awareness,digital_institutions,digital_infrastructure,digital_human_resources,cybersecurity,smart_city,digital_government,digital_economy,digital_society
        01,2024,90,85,80,75,70,10,180,130,120
        02,2024,40,45,50,35,30,0,90,60,50
        04,2024,50,55,45,40,35,0,100,70,60
        08,2024,60,65,55,50,45,5,120,80,70
        """

    func write(in tmp: TemporaryFolder) throws -> String {
        try Self.dti2024.write(toFile: tmp.path("dti-2024.csv"), atomically: true, encoding: .utf8)
        return tmp.path("dti-2024.csv")
    }

    @Test func mergedUnitsProfileNamesItsPredecessors() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let data = try write(in: tmp)
        let common = [
            "--criteria", repo("Indicators/dti-provinces-2022.yaml"), "--data", data, "--period", "2024", "--units", "2025",
            "--db", tmp.path("s.sqlite"),
        ]
        let profile = cityindex(["profile", "Tuyên Quang"] + common)
        #expect(profile.status == 0, "\(profile.stderr)")
        #expect(profile.stdout.contains("- Hợp nhất từ: Hà Giang (`02`), Tuyên Quang (`08`)"), "\(profile.stdout)")
        #expect(profile.stdout.contains("Đơn vị này được hợp nhất từ Hà Giang (`02`), Tuyên Quang (`08`)"))
        #expect(profile.stdout.contains("combined"))
        // A unit that was not merged names no predecessor.
        let hanoi = cityindex(["profile", "01"] + common)
        #expect(hanoi.status == 0, "\(hanoi.stderr)")
        #expect(!hanoi.stdout.contains("Hợp nhất từ"))

        let english = cityindex(["profile", "08", "--lang", "en"] + common)
        #expect(english.stdout.contains("- Formed by merging: Ha Giang (`02`), Tuyen Quang (`08`)"), "\(english.stdout)")

        // The same in the profiles report --profiles writes.
        let report = cityindex(["report", "--profiles", "--out", tmp.path("out"), "--as-of", "2025-01-01"] + common)
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOfFile: tmp.path("out/profiles/08.md"), encoding: .utf8)
        #expect(page.contains("- Hợp nhất từ: Hà Giang (`02`), Tuyên Quang (`08`)"))
        let other = try String(contentsOfFile: tmp.path("out/profiles/04.md"), encoding: .utf8)
        #expect(!other.contains("Hợp nhất từ"))
    }

    @Test(arguments: ["observations", "scores"])
    func predecessorsAreNamedWhicheverStageCombines(stage: String) throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try PeriodsTests.mergerSet(stage: stage).write(toFile: tmp.path("m.yaml"), atomically: true, encoding: .utf8)
        try PeriodsTests.data63.write(toFile: tmp.path("d.csv"), atomically: true, encoding: .utf8)
        let profile = cityindex([
            "profile", "08", "--criteria", tmp.path("m.yaml"), "--data", tmp.path("d.csv"), "--period", "2024", "--units", "2025",
            "--db", tmp.path("s.sqlite"), "--lang", "en",
        ])
        #expect(profile.status == 0, "\(profile.stderr)")
        #expect(profile.stdout.contains("- Formed by merging: Ha Giang (`02`), Tuyen Quang (`08`)"), "\(stage): \(profile.stdout)")
        #expect(profile.stdout.contains("This unit was formed by merging Ha Giang (`02`), Tuyen Quang (`08`)"), "\(stage)")
    }
}
