import Foundation
import Testing

/// U4SSC-style scoring through the command line: the worked example of the U4SSC README
/// (four education KPIs scoring 1, 3, 4, 1 → 56.25 %; 3, 4, 2 with one unreported → 75 %),
/// targets files, and views by tag.
enum WorkedExample {
    /// Points 1-4 as 25-100 by the share of target; every aggregate points over the maximum of
    /// the KPIs reported with a target. ed1 and ed2 are core.
    static let criteria = """
        id: u4ssc-tiny
        name: {en: Education example}
        scale: 100
        precision: 2
        targets: external
        charts: [wheel]
        groups:
          method: bands
          bands:
            - {name: "95 %+", min: 0.95}
            - {name: "66-95 %", min: 0.66}
            - {name: "33-66 %", min: 0.33}
            - {name: "0-33 %", min: 0}
        defaults:
          normalise: {method: bands, of: target, thresholds: [0.33, 0.66, 0.95], points: [25, 50, 75, 100]}
          aggregate: {method: arithmetic, over: indicators}
        root:
          id: all
          children:
            - id: SC
              name: Society
              children:
                - id: ED
                  name: Education
                  children:
                    - {id: ed1, name: Student ICT Access, unit: "%", tags: [core]}
                    - {id: ed2, name: School Enrollment, unit: "%", tags: [core]}
                    - {id: ed3, name: Higher Education Degrees, unit: "%"}
                    - {id: ed4, name: Adult Literacy, unit: "%"}
        """

    /// Against targets of 100: A reaches 20, 80, 99, 10 % (1, 3, 4, 1 points); B 70, 96, 50 %
    /// (3, 4, 2 points) and does not report ed4.
    static let data = """
        unit,indicator,period,value
        A,ed1,2024,20
        A,ed2,2024,80
        A,ed3,2024,99
        A,ed4,2024,10
        B,ed1,2024,70
        B,ed2,2024,96
        B,ed3,2024,50
        """

    static let targets = """
        indicator,target,source
        ed1,100,worked example
        ed2,100,worked example
        ed3,100,worked example
        ed4,100,worked example
        """

    /// Writes the set, the data and `targets` into `tmp`.
    static func write(in tmp: TemporaryFolder, criteria: String = criteria, targets: String = targets) throws {
        try criteria.write(toFile: tmp.path("set.yaml"), atomically: true, encoding: .utf8)
        try data.write(toFile: tmp.path("data.csv"), atomically: true, encoding: .utf8)
        try targets.write(toFile: tmp.path("targets.csv"), atomically: true, encoding: .utf8)
    }

    /// `score --levels all` as rows keyed by unit and node.
    static func scores(_ run: Invocation) -> [String: String] {
        var out: [String: String] = [:]
        for row in parseCSV(run.stdout) { out["\(row["unit"] ?? "") \(row["node"] ?? "")"] = row["score"] }
        return out
    }
}

@Suite(.serialized) struct TargetsCommandTests {
    func score(_ tmp: TemporaryFolder, _ extra: [String] = []) -> Invocation {
        cityindex([
            "score", "--criteria", tmp.path("set.yaml"), "--data", tmp.path("data.csv"), "--period", "2024", "--format", "csv",
            "--levels", "all", "--db", tmp.path("store.sqlite"),
        ] + extra)
    }

    @Test func theWorkedExampleComesOutOfTheEngine() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try WorkedExample.write(in: tmp)
        let run = score(tmp, ["--targets", tmp.path("targets.csv")])
        #expect(run.status == 0, "\(run.stderr)")
        let s = WorkedExample.scores(run)
        #expect(["ed1", "ed2", "ed3", "ed4"].map { s["A \($0)"] } == ["25.00", "75.00", "100.00", "25.00"])
        #expect(s["A ED"] == "56.25")
        #expect(s["B ED"] == "75.00")
        #expect(s["B ed4"] == "")
        #expect(s["A all"] == "56.25" && s["B all"] == "75.00")
    }

    @Test func theReportShowsTheBandsTheWheelAndEveryTargetWithItsSource() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try WorkedExample.write(in: tmp)
        let out = tmp.path("out")
        let run = cityindex([
            "report", "--criteria", tmp.path("set.yaml"), "--data", tmp.path("data.csv"), "--targets", tmp.path("targets.csv"), "--period", "2024",
            "--db", tmp.path("store.sqlite"), "--out", out, "--as-of", "2026-01-01", "--profiles",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(md.contains("| \u{2003}\u{2003}Education (ED) | 75.00 (66-95 %) | 56.25 (33-66 %) |"), "\(md)")
        #expect(md.contains("![Benchmarking wheel: B](charts/wheel-B.svg)"))
        #expect(md.contains("## Targets"))
        #expect(md.contains("| Adult Literacy (`ed4`) | 100 | % | every unit, every period | 1 | worked example (`\(tmp.path("targets.csv")):5:1`) |"))
        let targets = parseCSV(try String(contentsOfFile: out + "/targets.csv", encoding: .utf8))
        #expect(targets.map { $0["indicator"] ?? "" } == ["ed1", "ed2", "ed3", "ed4"])
        #expect(targets.map { $0["applied_to"] ?? "" } == ["A;B", "A;B", "A;B", "A"])
        #expect(targets.allSatisfy { $0["source"] == "worked example" && $0["target"] == "100" })
        for file in ["charts/wheel-A.svg", "charts/wheel-B.svg"] {
            let svg = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            #expect(svg.contains("Student ICT Access") && svg.contains("95 %+"))
        }
        let profile = try String(contentsOfFile: out + "/profiles/A.md", encoding: .utf8)
        #expect(profile.contains("](../charts/wheel-A.svg)") && profile.contains("| 56.25 (33-66 %) |"))
        let html = try String(contentsOfFile: out + "/profiles/A.html", encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("Benchmarking wheel: A"))
    }

    @Test func aKPIWithoutATargetIsLeftOutOfItsCategoryWithANote() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try WorkedExample.write(in: tmp, targets: "indicator,target,source\ned1,100,plan\ned2,100,plan\ned3,100,plan\n")
        let run = score(tmp, ["--targets", tmp.path("targets.csv")])
        #expect(run.status == 0, "\(run.stderr)")
        let s = WorkedExample.scores(run)
        #expect(s["A ED"] == "66.67")  // 1, 3, 4 points: 8 / 12
        #expect(s["B ED"] == "75.00")
        #expect(run.stderr.contains("warning: 2024: indicator \"ed4\" needs a target and has none for 1 value(s): they are left out of its aggregates (give targets in a targets file)"))
        let flags = parseCSV(run.stdout).first { $0["unit"] == "A" && $0["node"] == "ed4" }?["flags"]
        #expect(flags == "no-target")
        let out = tmp.path("out")
        let report = cityindex([
            "report", "--criteria", tmp.path("set.yaml"), "--targets", tmp.path("targets.csv"), "--period", "2024", "--db", tmp.path("store.sqlite"),
            "--out", out,
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(md.contains("### Indicators without a target"))
        #expect(md.contains("| Adult Literacy (`ed4`) | A |"))
    }

    @Test func withoutAnyTargetNothingIsScoredAndTheWheelShowsWhatWasReported() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try WorkedExample.write(in: tmp)
        let out = tmp.path("out")
        let run = cityindex([
            "report", "--criteria", tmp.path("set.yaml"), "--data", tmp.path("data.csv"), "--period", "2024", "--db", tmp.path("store.sqlite"),
            "--out", out,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: 2024: 4 indicators need a target and have none for 7 value(s)"))
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(md.contains("| Adult Literacy (`ed4`) | A |") && md.contains("| Student ICT Access (`ed1`) | A, B |"))
        #expect(md.contains("| \u{2003}\u{2003}Education (ED) | – (reported, no target (left out)) | – (reported, no target (left out)) |"))
        let svg = try String(contentsOfFile: out + "/charts/wheel-A.svg", encoding: .utf8)
        #expect(svg.contains("fill=\"url(#wheel-no-target)\""))
        #expect(!FileManager.default.fileExists(atPath: out + "/targets.csv"))
    }

    @Test func aTargetForOneUnitAndPeriodTakesPrecedence() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try WorkedExample.write(
            in: tmp,
            targets: """
                indicator,target,source,unit,period
                ed1,100,worked example,,
                ed2,100,worked example,,
                ed3,100,worked example,,
                ed4,100,worked example,,
                ed3,60,the city's plan,B,2024
                ed3,50,the city's plan,B,2023
                """)
        let run = score(tmp, ["--targets", tmp.path("targets.csv")])
        #expect(run.status == 0, "\(run.stderr)")
        let s = WorkedExample.scores(run)
        // B's ed3: 50 of its own 60 (83 %) → 3 points: 3 + 4 + 3 over 12.
        #expect(s["B ED"] == "83.33")
        #expect(s["A ED"] == "56.25")
    }

    @Test func theSetNamesItsTargetsFileAndTargetsReplacesIt() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try FileManager.default.createDirectory(atPath: tmp.path("sets"), withIntermediateDirectories: true)
        let named = WorkedExample.criteria.replacingOccurrences(of: "targets: external", with: "targets: plan.csv")
        try WorkedExample.write(in: tmp, criteria: named)
        try named.write(toFile: tmp.path("sets/set.yaml"), atomically: true, encoding: .utf8)
        try WorkedExample.targets.replacingOccurrences(of: "ed3,100", with: "ed3,50")
            .write(toFile: tmp.path("sets/plan.csv"), atomically: true, encoding: .utf8)
        let base = ["score", "--criteria", tmp.path("sets/set.yaml"), "--data", tmp.path("data.csv"), "--period", "2024", "--format", "csv", "--levels", "all"]
        let fromSet = cityindex(base + ["--db", tmp.path("a.sqlite")])
        #expect(fromSet.status == 0, "\(fromSet.stderr)")
        #expect(WorkedExample.scores(fromSet)["B ED"] == "91.67")  // ed3 50 of 50 → 4 points: 11 / 12
        let replaced = cityindex(base + ["--db", tmp.path("b.sqlite"), "--targets", tmp.path("targets.csv")])
        #expect(WorkedExample.scores(replaced)["B ED"] == "75.00")
        try FileManager.default.removeItem(atPath: tmp.path("sets/plan.csv"))
        let missing = cityindex(base + ["--db", tmp.path("c.sqlite")])
        #expect(missing.status == 1)
        #expect(
            missing.stderr
                == "error: \(tmp.path("sets/set.yaml")):5:10 (targets): cannot read the targets file \(tmp.path("sets/plan.csv")) named by the set (No such file or directory); give a CSV file with columns indicator, target, source\n")
    }

    @Test func aViewScoresTheTaggedKPIsAndTheReportSaysSo() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try WorkedExample.write(in: tmp)
        let run = score(tmp, ["--targets", tmp.path("targets.csv"), "--only", "core"])
        #expect(run.status == 0, "\(run.stderr)")
        let s = WorkedExample.scores(run)
        #expect(s["A ED"] == "50.00" && s["B ED"] == "87.50")  // (1 + 3) / 8 and (3 + 4) / 8
        #expect(s["A ed3"] == nil)  // outside the view: not scored, not printed
        let out = tmp.path("out")
        let report = cityindex([
            "report", "--criteria", tmp.path("set.yaml"), "--targets", tmp.path("targets.csv"), "--period", "2024", "--db", tmp.path("store.sqlite"),
            "--out", out, "--only", "core",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(md.contains("> View: only the indicators tagged \"core\" (--only core): 2 of 4 scored indicators; weights re-normalised over what remains"), "\(md)")
        #expect(md.contains("- **Higher Education Degrees** (`ed3`) — weight 1, outside the view"))
        // A tag on an aggregate selects everything below it.
        let tagged = WorkedExample.criteria.replacingOccurrences(of: "          name: Education\n", with: "          name: Education\n          tags: [education]\n")
        try tagged.write(toFile: tmp.path("set.yaml"), atomically: true, encoding: .utf8)
        let all = score(tmp, ["--targets", tmp.path("targets.csv"), "--only", "education"])
        #expect(WorkedExample.scores(all)["A ED"] == "56.25")
    }

    @Test func anUnknownTagIsAUsageErrorWithASuggestion() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try WorkedExample.write(in: tmp)
        let run = score(tmp, ["--targets", tmp.path("targets.csv"), "--only", "cor"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: --only cor: no node of the criteria set carries the tag \"cor\"; did you mean \"core\"? (tags of the set: core)\n")
    }

    @Test func aViewAndATargetsFileChangeTheRunsCriteriaHash() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try WorkedExample.write(in: tmp)
        _ = score(tmp, ["--targets", tmp.path("targets.csv")])
        _ = score(tmp, ["--targets", tmp.path("targets.csv"), "--only", "core"])
        try WorkedExample.targets.replacingOccurrences(of: "ed1,100", with: "ed1,90").write(toFile: tmp.path("targets.csv"), atomically: true, encoding: .utf8)
        _ = score(tmp, ["--targets", tmp.path("targets.csv")])
        let runs = parseCSV(cityindex(["runs", "--db", tmp.path("store.sqlite")]).stdout)
        #expect(runs.count == 3)
        #expect(Set(runs.compactMap { $0["criteria_sha256"] }).count == 3)
    }

    @Test func illustrativeTargetsAreLabelledInEveryReport() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try WorkedExample.write(in: tmp, targets: WorkedExample.targets.replacingOccurrences(of: "worked example", with: "ILLUSTRATIVE: made up"))
        let out = tmp.path("out")
        let run = cityindex([
            "report", "--criteria", tmp.path("set.yaml"), "--data", tmp.path("data.csv"), "--targets", tmp.path("targets.csv"), "--period", "2024",
            "--db", tmp.path("store.sqlite"), "--out", out, "--profiles", "--xlsx",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let notice = "Illustrative targets (\(tmp.path("targets.csv"))): neither U4SSC targets nor official ones"
        for file in ["report.md", "report.html", "profiles/A.md", "profiles/B.html"] {
            #expect(try String(contentsOfFile: out + "/" + file, encoding: .utf8).contains(notice), "\(file)")
        }
    }
}
