import Foundation
import Testing

/// The command line's contract: exit codes, idempotent imports, conflicts, determinism.
@Suite struct CommandLineTests {
    /// The two-pillar test set and its data (`Support.swift`).
    static let criteria = TwoPillarSet.criteria
    static let data = TwoPillarSet.observations

    struct Fixture {
        let tmp: TemporaryFolder
        var criteria: String { tmp.path("tiny.yaml") }
        var data: String { tmp.path("data.csv") }
        var db: String { tmp.path("store.sqlite") }

        init() throws {
            tmp = try TemporaryFolder()
            try CommandLineTests.criteria.write(toFile: criteria, atomically: true, encoding: .utf8)
            try CommandLineTests.data.write(toFile: data, atomically: true, encoding: .utf8)
        }

        func run(_ arguments: [String]) -> Invocation { cityindex(arguments + ["--db", db]) }
    }

    @Test func scorePrintsTheRankingWithPillarColumns() throws {
        let f = try Fixture()
        defer { f.tmp.cleanUp() }
        let run = f.run(["score", "--criteria", f.criteria, "--data", f.data])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            rank,unit,name,score,A,B
            1,Z,Zeta,75.00,50.00,100.00
            2,X,Xuân Thủy,50.00,50.00,50.00
            3,Y,Yên Bái,25.00,50.00,0.00

            """)
    }

    @Test func levelsAllPrintsEveryNodeAsJSON() throws {
        let f = try Fixture()
        defer { f.tmp.cleanUp() }
        let run = f.run(["score", "--criteria", f.criteria, "--data", f.data, "--levels", "all", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let rows = json?["rows"] as? [[String: Any]] ?? []
        #expect(rows.count == 3 * 6)
        #expect(rows.first?["node"] as? String == "index")
        #expect(rows.first?["score"] as? Double == 75)
    }

    @Test func reimportingTheSameFileChangesNothing() throws {
        let f = try Fixture()
        defer { f.tmp.cleanUp() }
        let first = f.run(["import", "--criteria", f.criteria, "--data", f.data])
        #expect(first.status == 0)
        #expect(first.stdout.contains("9 new, 0 replaced, 0 unchanged"))
        let second = f.run(["import", "--criteria", f.criteria, "--data", f.data])
        #expect(second.status == 0)
        #expect(second.stdout.contains("already imported"))
    }

    @Test func aConflictingValueIsRefusedWithExitCode3UnlessReplace() throws {
        let f = try Fixture()
        defer { f.tmp.cleanUp() }
        #expect(f.run(["import", "--criteria", f.criteria, "--data", f.data]).status == 0)
        let changed = f.tmp.path("changed.csv")
        try CommandLineTests.data.replacingOccurrences(of: "Y,Yên Bái,2024,3,30,0", with: "Y,Yên Bái,2024,4,30,0")
            .write(toFile: changed, atomically: true, encoding: .utf8)
        let refused = f.run(["import", "--criteria", f.criteria, "--data", changed])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("changed.csv:3:"))
        #expect(refused.stderr.contains("--replace"))
        let before = f.run(["score", "--criteria", f.criteria])
        #expect(before.stdout.contains("3,Y,Yên Bái,25.00"))
        let replaced = f.run(["import", "--criteria", f.criteria, "--data", changed, "--replace"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stdout.contains("1 replaced"))
    }

    @Test func unitsMatchByNameWithoutDiacriticsOrPrefix() throws {
        let f = try Fixture()
        defer { f.tmp.cleanUp() }
        #expect(f.run(["import", "--criteria", f.criteria, "--data", f.data]).status == 0)
        let byName = f.tmp.path("byname.csv")
        try "unit,indicator,period,value\nTỉnh YEN BAI,a1,2025,7\nxuan thuy,a1,2025,8\n".write(toFile: byName, atomically: true, encoding: .utf8)
        let run = f.run(["import", "--criteria", f.criteria, "--data", byName])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2 new"))
        let scored = f.run(["score", "--criteria", f.criteria, "--period", "2025", "--format", "csv"])
        #expect(scored.stdout.contains(",Y,Yên Bái,"))
        #expect(scored.stdout.contains(",X,Xuân Thủy,"))
    }

    @Test(arguments: [
        (["score"], 2),
        (["score", "--criteria", "x.yaml", "--period", "2024Q3"], 2),
        (["frobnicate"], 2),
        (["score", "--criteria", "/nonexistent/set.yaml"], 1),
        (["--help"], 0),
        (["--version"], 0),
    ] as [([String], Int32)])
    func exitCodesFollowTheDesign(arguments: [String], status: Int32) {
        #expect(cityindex(arguments).status == status)
    }

    @Test func badCriteriaNameFileLineColumnAndPath() throws {
        let f = try Fixture()
        defer { f.tmp.cleanUp() }
        try CommandLineTests.criteria.replacingOccurrences(of: "- {id: b1}", with: "- {id: b1, normalise: minmax}")
            .write(toFile: f.criteria, atomically: true, encoding: .utf8)
        let run = cityindex(["validate", "--criteria", f.criteria])
        #expect(run.status == 1)
        #expect(run.stderr.contains("tiny.yaml:14:31 (root.children[1].children[0].normalise): unknown method \"minmax\""), "\(run.stderr)")
        #expect(run.stderr.contains("did you mean \"min-max\"?"))
    }

    @Test func aBadRowStoresNothingAndNamesEveryPlace() throws {
        let f = try Fixture()
        defer { f.tmp.cleanUp() }
        try (CommandLineTests.data + "\nW,Wu,2024,12%,1,1\nV,Vu,2024x,1,1,1\n").write(toFile: f.data, atomically: true, encoding: .utf8)
        let run = f.run(["import", "--criteria", f.criteria, "--data", f.data])
        #expect(run.status == 1)
        #expect(run.stderr.contains("data.csv:5:"), "\(run.stderr)")
        #expect(run.stderr.contains("data.csv:6:"), "\(run.stderr)")
        let listed = f.run(["score", "--criteria", f.criteria])
        #expect(listed.status == 1)
        #expect(listed.stderr.contains("has no data"), "\(listed.stderr)")
    }

    @Test func reportsAreByteIdenticalForTheSameInputs() throws {
        let f = try Fixture()
        defer { f.tmp.cleanUp() }
        let args = ["report", "--criteria", f.criteria, "--data", f.data, "--as-of", "2025-01-01"]
        #expect(f.run(args + ["--out", f.tmp.path("one")]).status == 0)
        #expect(f.run(args + ["--out", f.tmp.path("two")]).status == 0)
        for name in ["ranking.csv", "scores.csv", "report.md"] {
            let one = try Data(contentsOf: URL(fileURLWithPath: f.tmp.path("one/" + name)))
            let two = try Data(contentsOf: URL(fileURLWithPath: f.tmp.path("two/" + name)))
            #expect(one == two, "\(name)")
            #expect(!one.isEmpty)
        }
        let report = try String(contentsOfFile: f.tmp.path("one/report.md"), encoding: .utf8)
        #expect(report.contains("# Tiny index — 2024"))
        #expect(report.contains("2025-01-01"))
    }

    @Test func runsAreStoredWithTheirHashes() throws {
        let f = try Fixture()
        defer { f.tmp.cleanUp() }
        #expect(f.run(["score", "--criteria", f.criteria, "--data", f.data]).status == 0)
        let list = f.run(["runs"])
        #expect(list.status == 0)
        let rows = parseCSV(list.stdout)
        #expect(rows.count == 1)
        #expect(rows.first?["criteria"] == "tiny")
        #expect(rows.first?["criteria_sha256"]?.count == 64)
        let shown = f.run(["runs", "--show", "1"])
        #expect(parseCSV(shown.stdout).filter { $0["node"] == "index" && $0["unit"] == "Z" }.first?["rank"] == "1")
    }
}
