import Foundation
import Testing

/// Periodic reports: many periods in one run, rank change, frozen bounds, roll-ups, imputation
/// over time, the 2025 merger (issue 3).
@Suite struct PeriodsTests {
    /// `scores.csv`-style rows of `score --levels all` by period.
    static func byPeriod(_ output: String) -> [String: [[String: String]]] {
        Dictionary(grouping: parseCSV(output), by: { $0["period"] ?? "" })
    }

    @Test(.enabled(if: sharedDataAvailable, sharedDataMissing))
    func asemPanelScoresFiveYearsAndKeeps2018() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let run = cityindex([
            "score", "--criteria", repo("Indicators/asem.yaml"), "--data", shared("validation/asem/iData_panel.csv"),
            "--all-periods", "--levels", "all", "--format", "csv", "--db", tmp.path("s.sqlite"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let periods = Self.byPeriod(run.stdout)
        #expect(periods.keys.sorted() == ["2018", "2019", "2020", "2021", "2022"])
        var writer = "period,unit,unit_name,node,level,score,rank,flags\n"
        for r in periods["2018"] ?? [] {
            writer += [r["period"], r["unit"], "x", r["node"], r["level"], r["score"], r["rank"], ""].map { $0 ?? "" }.joined(separator: ",") + "\n"
        }
        try expectASEMScores(writer)
    }

    @Test(.enabled(if: sharedDataAvailable, sharedDataMissing))
    func asemBoundsFrozenOn2018GiveConsistentChanges() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let frozen = tmp.path("asem-frozen.yaml")
        let text = try String(contentsOfFile: repo("Indicators/asem.yaml"), encoding: .utf8)
        #expect(text.contains("normalise: {method: min-max}"))
        try text.replacingOccurrences(of: "normalise: {method: min-max}", with: "normalise: {method: min-max, reference: 2018}")
            .write(toFile: frozen, atomically: true, encoding: .utf8)
        let db = tmp.path("s.sqlite")
        let all = cityindex([
            "score", "--criteria", frozen, "--data", shared("validation/asem/iData_panel.csv"), "--all-periods",
            "--levels", "all", "--db", db,
        ])
        #expect(all.status == 0, "\(all.stderr)")
        let periods = Self.byPeriod(all.stdout)
        // 2018 is its own reference: the published figures still hold.
        var rows2018 = "period,unit,unit_name,node,level,score,rank,flags\n"
        for r in periods["2018"] ?? [] {
            rows2018 += [r["period"], r["unit"], "x", r["node"], r["level"], r["score"], r["rank"], ""].map { $0 ?? "" }.joined(separator: ",") + "\n"
        }
        try expectASEMScores(rows2018)
        // Frozen bounds clip at the 2018 range: indicator scores stay within 0-100.
        for (_, rows) in periods {
            for r in rows where r["level"] == "1" {
                let s = Double(r["score"] ?? "") ?? -1
                #expect(s >= 0 && s <= 100, "\(r)")
            }
        }
        // The ranking's change columns agree with the two periods' own ranks and scores.
        let ranking = cityindex(["score", "--criteria", frozen, "--periods", "2018..2022", "--db", db])
        #expect(ranking.status == 0, "\(ranking.stderr)")
        let rows = parseCSV(ranking.stdout)
        let index = Dictionary(uniqueKeysWithValues: rows.map { (($0["period"] ?? "") + "/" + ($0["unit"] ?? ""), $0) })
        var checked = 0
        for r in rows where r["period"] != "2018" {
            let previous = String((Int(r["period"] ?? "") ?? 0) - 1)
            guard let base = index[previous + "/" + (r["unit"] ?? "")] else { continue }
            #expect(r["base_period"] == previous)
            #expect(Int(r["rank_change"] ?? "") == (Int(base["rank"] ?? "") ?? 0) - (Int(r["rank"] ?? "") ?? 0))
            let change = (Double(r["score"] ?? "") ?? 0) - (Double(base["score"] ?? "") ?? 0)
            #expect(abs((Double(r["score_change"] ?? "") ?? .nan) - change) < 0.0051)
            checked += 1
        }
        #expect(checked == 4 * 51)
    }

    @Test func demoReportShowsRankChanges() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let run = cityindex([
            "report", "--criteria", repo("Indicators/qd2244-provinces.yaml"), "--data", repo("Indicators/demo/qd2244-demo.csv"),
            "--out", tmp.path("out"), "--db", tmp.path("s.sqlite"), "--lang", "en",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let ranking = parseCSV(try String(contentsOfFile: tmp.path("out/ranking.csv"), encoding: .utf8))
        #expect(ranking.count == 34)
        #expect(ranking.allSatisfy { $0["base_period"] == "2024" })
        #expect(ranking.contains { (Int($0["rank_change"] ?? "") ?? 0) != 0 })
        let report = try String(contentsOfFile: tmp.path("out/report.md"), encoding: .utf8)
        #expect(report.contains("## Movers since 2024"))
    }

    /// A set scored on the 34 units from data on the 63 (Resolution 202/2025/QH15).
    static func mergerSet(stage: String) -> String {
        """
        id: merger
        name: {en: Merger check}
        scale: 100
        units: [\(repo("Indicators/units/vn-provinces-2025.csv")), \(repo("Indicators/units/vn-provinces-2024.csv"))]
        defaults:
          normalise: none
          combine: {method: mean, stage: \(stage)}
        root:
          id: index
          children:
            - id: counts
              children:
                - {id: patents, unit: count, combine: {method: sum, stage: \(stage)}}
            - id: rates
              children:
                - {id: rate, unit: "%", combine: {method: weighted-mean, by: population, stage: \(stage)}}
                - {id: score, unit: points}
            - {id: population, unit: people, scored: false, combine: {method: sum, stage: \(stage)}}
        """
    }

    /// Hà Giang (02) and Tuyên Quang (08) became Tuyên Quang (08); Hà Nội (01) and Cao Bằng (04) stayed.
    static let data63 = """
        unit,period,patents,rate,score,population
        01,2024,100,50,80,8000
        02,2024,10,20,40,900
        08,2024,30,40,60,800
        04,2024,5,10,30,500
        """

    @Test func mergerCombinesPredecessorsByEachIndicatorsRule() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try Self.mergerSet(stage: "observations").write(toFile: tmp.path("m.yaml"), atomically: true, encoding: .utf8)
        try Self.data63.write(toFile: tmp.path("d.csv"), atomically: true, encoding: .utf8)
        let run = cityindex([
            "score", "--criteria", tmp.path("m.yaml"), "--data", tmp.path("d.csv"), "--period", "2024", "--units", "2025",
            "--levels", "all", "--db", tmp.path("s.sqlite"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = parseCSV(run.stdout)
        func value(_ unit: String, _ node: String) -> Double? {
            rows.first { $0["unit"] == unit && $0["node"] == node }.flatMap { Double($0["score"] ?? "") }
        }
        // Worked by hand: sum 10 + 30; population-weighted (20·900 + 40·800) / 1700; plain mean (40 + 60) / 2.
        #expect(value("08", "patents") == 40)
        #expect(abs((value("08", "rate") ?? 0) - 50_000.0 / 1_700) < 1e-9)
        #expect(value("08", "score") == 50)
        #expect(value("01", "patents") == 100)
        #expect(Set(rows.compactMap { $0["unit"] }) == ["01", "04", "08"])
        let flags = rows.first { $0["unit"] == "08" && $0["node"] == "patents" }?["flags"] ?? ""
        #expect(flags.contains("combined"))
        let flags01 = rows.first { $0["unit"] == "01" && $0["node"] == "patents" }?["flags"] ?? "?"
        #expect(flags01.isEmpty)
        let names = Set(rows.filter { $0["unit"] == "08" }.compactMap { $0["unit_name"] })
        #expect(names == ["Tuyen Quang"])  // English names: the set's language is en

        let report = cityindex([
            "report", "--criteria", tmp.path("m.yaml"), "--period", "2024", "--units", "2025", "--out", tmp.path("out"),
            "--db", tmp.path("s.sqlite"), "--lang", "en",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let ranking = try String(contentsOfFile: tmp.path("out/ranking.csv"), encoding: .utf8)
        #expect(ranking.contains("combined: patents rate score"))
    }

    @Test func mergerCanCombineScoresAfterScoring() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try Self.mergerSet(stage: "scores").write(toFile: tmp.path("m.yaml"), atomically: true, encoding: .utf8)
        try Self.data63.write(toFile: tmp.path("d.csv"), atomically: true, encoding: .utf8)
        let run = cityindex([
            "score", "--criteria", tmp.path("m.yaml"), "--data", tmp.path("d.csv"), "--period", "2024", "--units", "2025",
            "--levels", "all", "--db", tmp.path("s.sqlite"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = parseCSV(run.stdout)
        let index08 = rows.first { $0["unit"] == "08" && $0["node"] == "index" }.flatMap { Double($0["score"] ?? "") }
        // Index of 02: mean(10, mean(20, 40)) = 20; of 08: mean(30, mean(40, 60)) = 40; combined by plain mean: 30.
        #expect(index08 == 30)
        #expect(rows.first { $0["unit"] == "08" && $0["node"] == "index" }?["flags"]?.contains("combined") == true)
    }

    @Test func quarterlyDataRollUpToAYear() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let set = """
            id: rollup
            scale: 1
            defaults: {normalise: none}
            root:
              id: index
              children:
                - {id: flow, over-time: sum}
                - {id: level, over-time: last}
            """
        try set.write(toFile: tmp.path("r.yaml"), atomically: true, encoding: .utf8)
        try """
            unit,indicator,period,value
            A,flow,2025-Q1,1
            A,flow,2025-Q2,2
            A,flow,2025-Q3,3
            A,flow,2025-Q4,4
            A,level,2025-Q1,7
            A,level,2025-Q4,9
            """.write(toFile: tmp.path("q.csv"), atomically: true, encoding: .utf8)
        let run = cityindex([
            "score", "--criteria", tmp.path("r.yaml"), "--data", tmp.path("q.csv"), "--period", "2025", "--levels", "all",
            "--db", tmp.path("s.sqlite"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = parseCSV(run.stdout)
        #expect(rows.first { $0["node"] == "flow" }?["score"] == "10")
        #expect(rows.first { $0["node"] == "level" }?["score"] == "9")
    }

    @Test func imputationOverTimeFillsAndFlags() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let set = """
            id: time
            scale: 1
            defaults: {normalise: none}
            root:
              id: index
              children:
                - {id: carried, impute: {method: carry-forward, max-periods: 1}}
                - {id: between, impute: interpolate}
            """
        try set.write(toFile: tmp.path("t.yaml"), atomically: true, encoding: .utf8)
        try """
            unit,period,carried,between
            A,2022,5,10
            A,2023,,
            A,2024,,30
            B,2022,1,1
            B,2023,1,1
            B,2024,1,1
            """.write(toFile: tmp.path("t.csv"), atomically: true, encoding: .utf8)
        let run = cityindex([
            "score", "--criteria", tmp.path("t.yaml"), "--data", tmp.path("t.csv"), "--all-periods", "--levels", "all",
            "--db", tmp.path("s.sqlite"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = parseCSV(run.stdout).filter { $0["unit"] == "A" }
        func cell(_ period: String, _ node: String) -> [String: String]? { rows.first { $0["period"] == period && $0["node"] == node } }
        #expect(cell("2023", "carried")?["score"] == "5")
        #expect(cell("2023", "carried")?["flags"]?.contains("imputed") == true)
        #expect(cell("2024", "carried")?["score"] == "")  // two periods back: beyond max-periods 1
        #expect(cell("2023", "between")?["score"] == "20")
        #expect(cell("2023", "between")?["flags"]?.contains("imputed") == true)
    }

    @Test func trendAndRunsDiffExplainChanges() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let db = tmp.path("s.sqlite")
        let set = repo("Indicators/qd2244-provinces.yaml")
        let first = cityindex(["score", "--criteria", set, "--data", repo("Indicators/demo/qd2244-demo.csv"), "--period", "2025", "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        let trend = cityindex(["trend", "--criteria", set, "--unit", "Hà Nội", "--format", "csv", "--db", db])
        #expect(trend.status == 0, "\(trend.stderr)")
        #expect(trend.stdout.hasPrefix("node,level,2024_score,2024_rank,2025_score,2025_rank\n"))
        #expect(trend.stdout.contains("annual_growth"))
        // A correction to one value, then the same period again: runs --diff shows what moved.
        try "unit,indicator,period,value\n01,inp_st_investment,2025,0.1\n".write(toFile: tmp.path("fix.csv"), atomically: true, encoding: .utf8)
        let fix = cityindex(["import", "--criteria", set, "--data", tmp.path("fix.csv"), "--replace", "--db", db])
        #expect(fix.status == 0, "\(fix.stderr)")
        let second = cityindex(["score", "--criteria", set, "--period", "2025", "--db", db])
        #expect(second.status == 0)
        let runs = parseCSV(cityindex(["runs", "--db", db]).stdout)
        let ids = runs.filter { $0["periods"] == "2025" }.compactMap { $0["id"] }
        #expect(ids.count == 2)
        let diff = cityindex(["runs", "--diff", ids[0], ids[1], "--db", db])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stderr.contains("the data changed"))
        let changed = parseCSV(diff.stdout)
        #expect(changed.contains { $0["unit"] == "01" && $0["node"] == "inp_st_investment" })
    }
}
