import Foundation
import Testing

/// `compare`, `profile`, `what-it-takes` and `report --profiles` on the shipped demo.
@Suite(.serialized) struct ReportsCommandTests {
    /// Runs `cityindex` on the demo (criteria and data from the repository) in a fresh store.
    func demo(_ arguments: [String], in tmp: TemporaryFolder) -> Invocation {
        cityindex(arguments + [
            "--criteria", repo("Indicators/qd2244-provinces.yaml"), "--data", repo("Indicators/demo/qd2244-demo.csv"), "--data-basis", "2025",
            "--db", tmp.path("store.sqlite"),
        ])
    }

    @Test func compareFindsUnitsByCodeOrName() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let md = demo(["compare", "01", "Thanh pho Ho Chi Minh", "--lang", "en"], in: tmp)
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.contains("Ha Noi") && md.stdout.contains("Ho Chi Minh City"))
        #expect(md.stdout.contains("gap to best"))
        let csv = demo(["compare", "01", "79", "--format", "csv"], in: tmp)
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("period,node,level,unit,unit_name,score,rank,best_unit"))
        let unknown = demo(["compare", "01", "Atlantis"], in: tmp)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Atlantis"))
    }

    @Test func profileAndWhatItTakes() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let profile = demo(["profile", "48", "--lang", "en"], in: tmp)
        #expect(profile.status == 0, "\(profile.stderr)")
        for heading in ["Score and rank at every level", "Strengths", "Weaknesses", "What it takes", "Performance group"] {
            #expect(profile.stdout.contains(heading), "\(heading)")
        }
        let wit = demo(["what-it-takes", "75", "--lang", "vi"], in: tmp)
        #expect(wit.status == 0, "\(wit.stderr)")
        #expect(wit.stdout.contains("Cần gì để tăng hạng"))
        let bad = demo(["what-it-takes", "75", "--rank", "99"], in: tmp)
        #expect(bad.status == 2)
    }

    @Test func reportWritesHTMLChartsAndProfiles() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let out = tmp.path("out")
        let run = demo(["report", "--profiles", "--out", out, "--as-of", "2025-01-01"], in: tmp)
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: out)
        for name in ["report.md", "report.html", "charts/ranking.svg", "charts/heat.svg", "profiles/01.md", "charts/radar-01.svg"] {
            #expect(files.contains(name), "\(name)")
        }
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(md.contains("](charts/ranking.svg)"))
        #expect(md.contains("](profiles/01.md)"))
        let profile = try String(contentsOfFile: out + "/profiles/01.md", encoding: .utf8)
        #expect(profile.contains("](../charts/radar-01.svg)"))
    }
}

/// Named performance bands declared in the criteria set (U4SSC-style shares of the scale).
@Suite struct NamedBandsTests {
    @Test func bandsFromTheCriteriaSetNameTheGroups() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let set = """
            id: banded
            scale: 100
            groups:
              method: bands
              bands:
                - {name: {en: "95 %+", vi: "Từ 95 %"}, min: 0.95}
                - {name: "66-95 %", min: 0.66}
                - {name: "33-66 %", min: 0.33}
                - {name: "below 33 %", min: 0}
            defaults: {normalise: none}
            root:
              id: index
              children:
                - {id: a}
            """
        try set.write(toFile: tmp.path("b.yaml"), atomically: true, encoding: .utf8)
        try "unit,period,a\nP,2024,97\nQ,2024,70\nR,2024,40\nS,2024,10\n".write(toFile: tmp.path("d.csv"), atomically: true, encoding: .utf8)
        let run = cityindex([
            "report", "--criteria", tmp.path("b.yaml"), "--data", tmp.path("d.csv"), "--out", tmp.path("out"),
            "--db", tmp.path("s.sqlite"), "--lang", "en",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try String(contentsOfFile: tmp.path("out/report.md"), encoding: .utf8)
        for band in ["95 %+", "66-95 %", "33-66 %", "below 33 %"] { #expect(report.contains(band), "\(band)") }
        let bad = set.replacingOccurrences(of: "min: 0.33}", with: "min: 0.7}")
        try bad.write(toFile: tmp.path("bad.yaml"), atomically: true, encoding: .utf8)
        let refused = cityindex(["validate", "--criteria", tmp.path("bad.yaml")])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bands must be listed from the highest min down"))
    }
}
