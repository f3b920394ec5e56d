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

    /// `--all-periods` reads the periods at once, each on a connection of its own: every
    /// period's rows must equal those of that period scored alone (read on one connection).
    @Test(.enabled(if: sharedDataAvailable, sharedDataMissing))
    func periodsReadAtOnceEqualEachPeriodAlone() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let db = tmp.path("s.sqlite")
        let all = cityindex([
            "score", "--criteria", repo("Indicators/asem.yaml"), "--data", shared("validation/asem/iData_panel.csv"),
            "--all-periods", "--levels", "all", "--format", "csv", "--db", db,
        ])
        #expect(all.status == 0, "\(all.stderr)")
        let periods = Self.byPeriod(all.stdout)
        #expect(periods.count == 5)
        for (period, rows) in periods {
            let alone = cityindex([
                "score", "--criteria", repo("Indicators/asem.yaml"), "--period", period, "--levels", "all", "--format", "csv",
                "--db", db,
            ])
            #expect(alone.status == 0, "\(alone.stderr)")
            // A period scored alone has no change columns when no earlier period is scored.
            func line(_ r: [String: String]) -> String {
                ["period", "unit", "node", "level", "score", "rank", "flags"].map { r[$0] ?? "?" }.joined(separator: ",")
            }
            let mismatched = zip(parseCSV(alone.stdout).map(line), rows.map(line)).filter { $0 != $1 }
            #expect(parseCSV(alone.stdout).count == rows.count, "period \(period)")
            #expect(mismatched.isEmpty, "period \(period): \(mismatched.prefix(3))")
        }
    }

    /// Bounds frozen on 2018 (`reference: 2018`) must change what 2019-2022 score: each
    /// indicator is normalised with 2018's minimum and maximum, values outside that range are
    /// clipped and flagged, and the report says so. Every check below fails when the reference is
    /// ignored (per-period bounds): the scores would equal the per-period run's, no value would be
    /// clipped, and LPI would follow each year's own range.
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
        let panel = shared("validation/asem/iData_panel.csv")
        let all = cityindex(["score", "--criteria", frozen, "--data", panel, "--all-periods", "--levels", "all", "--db", db])
        #expect(all.status == 0, "\(all.stderr)")
        let periods = Self.byPeriod(all.stdout)
        // The same data with each period's own bounds (the shipped set), for contrast.
        let own = cityindex(["score", "--criteria", repo("Indicators/asem.yaml"), "--all-periods", "--levels", "all", "--db", db])
        #expect(own.status == 0, "\(own.stderr)")
        let ownRows = parseCSV(own.stdout)
        func key(_ r: [String: String]) -> String { (r["period"] ?? "") + "/" + (r["unit"] ?? "") + "/" + (r["node"] ?? "") }
        let ownScore = Dictionary(ownRows.map { (key($0), $0["score"] ?? "") }, uniquingKeysWith: { a, _ in a })

        // 2018 is its own reference: the published figures still hold, and equal the per-period run's.
        var rows2018 = "period,unit,unit_name,node,level,score,rank,flags\n"
        for r in periods["2018"] ?? [] {
            rows2018 += [r["period"], r["unit"], "x", r["node"], r["level"], r["score"], r["rank"], ""].map { $0 ?? "" }.joined(separator: ",") + "\n"
        }
        try expectASEMScores(rows2018)
        #expect((periods["2018"] ?? []).allSatisfy { ownScore[key($0)] == $0["score"] }, "2018 differs from the per-period run")
        #expect(!(periods["2018"] ?? []).contains { ($0["flags"] ?? "").contains("clipped") }, "a 2018 value is clipped at 2018's own bounds")
        #expect(!ownRows.contains { ($0["flags"] ?? "").contains("clipped") }, "per-period bounds clipped a value")

        // Later years move away from the per-period scores: at almost every node, and for Austria
        // (AUT) at its index in every year.
        for period in ["2019", "2020", "2021", "2022"] {
            let rows = periods[period] ?? []
            let differing = rows.filter { ownScore[key($0)] != $0["score"] }.count
            #expect(rows.count == 51 * 60, "\(period): \(rows.count) node scores")
            #expect(differing * 10 >= rows.count * 9, "\(period): \(differing) of \(rows.count) node scores differ from per-period bounds")
            let austria = rows.filter { $0["unit"] == "AUT" }
            let index = try #require(austria.first { $0["node"] == "Index" })
            #expect(index["score"] != ownScore[key(index)], "\(period): AUT's index \(index["score"] ?? "") equals the per-period one")
            #expect(austria.filter { ownScore[key($0)] != $0["score"] }.count * 10 >= austria.count * 9, "\(period): AUT")
            #expect(rows.contains { ($0["flags"] ?? "").contains("clipped") }, "\(period): no value clipped at 2018's bounds")
        }

        // By hand, from the raw panel: LPI (no denominator, imputation or treatment, higher is
        // better) normalised with 2018's min and max over the units scored in 2018, clipped to 0-100.
        var raw: [String: Double] = [:]
        for r in parseCSV(try String(contentsOfFile: panel, encoding: .utf8)) {
            if let v = Double(r["LPI"] ?? "") { raw[(r["Time"] ?? "") + "/" + (r["uCode"] ?? "")] = v }
        }
        let units2018 = (periods["2018"] ?? []).filter { $0["node"] == "Index" }.compactMap { $0["unit"] }
        #expect(units2018.count == 51)
        let lpi2018 = units2018.compactMap { raw["2018/" + $0] }
        try #require(lpi2018.count == units2018.count, "LPI is missing for a unit in 2018")
        let low = try #require(lpi2018.min()), high = try #require(lpi2018.max())
        var clipped = 0, checked = 0, ownRange = 0
        for period in ["2019", "2020", "2021", "2022"] {
            let values = units2018.compactMap { raw[period + "/" + $0] }
            let (periodLow, periodHigh) = (values.min() ?? .nan, values.max() ?? .nan)
            for r in periods[period] ?? [] where r["node"] == "LPI" {
                let x = try #require(raw[period + "/" + (r["unit"] ?? "")], "no raw LPI for \(key(r))")
                let expected = min(max((x - low) / (high - low) * 100, 0), 100)
                let got = try #require(Double(r["score"] ?? ""))
                #expect(abs(got - expected) <= 0.005 + 1e-9, "\(key(r)): LPI \(x) with 2018 bounds \(low)-\(high) is \(expected), got \(got)")
                let outside = x < low || x > high
                #expect((r["flags"] ?? "").contains("clipped") == outside, "\(key(r)): LPI \(x), 2018 bounds \(low)-\(high), flags \(r["flags"] ?? "")")
                if outside { clipped += 1 }
                // Each year's own bounds would give another value: the per-period run has it.
                let byOwnBounds = (x - periodLow) / (periodHigh - periodLow) * 100
                if let o = Double(ownScore[key(r)] ?? ""), abs(o - byOwnBounds) <= 0.005 + 1e-9, abs(byOwnBounds - expected) > 0.01 { ownRange += 1 }
                checked += 1
            }
        }
        #expect(checked == 4 * 51)
        #expect(clipped > 0, "no LPI value of 2019-2022 lies outside 2018's range: the check would not see clipping")
        #expect(ownRange > checked / 2, "only \(ownRange) of \(checked) LPI scores tell frozen from per-period bounds")

        // The ranking's change columns agree with the two periods' own ranks and scores.
        let ranking = cityindex(["score", "--criteria", frozen, "--periods", "2018..2022", "--db", db])
        #expect(ranking.status == 0, "\(ranking.stderr)")
        let rows = parseCSV(ranking.stdout)
        let index = Dictionary(uniqueKeysWithValues: rows.map { (($0["period"] ?? "") + "/" + ($0["unit"] ?? ""), $0) })
        var compared = 0
        for r in rows where r["period"] != "2018" {
            let previous = String((Int(r["period"] ?? "") ?? 0) - 1)
            guard let base = index[previous + "/" + (r["unit"] ?? "")] else { continue }
            #expect(r["base_period"] == previous)
            #expect(Int(r["rank_change"] ?? "") == (Int(base["rank"] ?? "") ?? 0) - (Int(r["rank"] ?? "") ?? 0))
            let change = (Double(r["score"] ?? "") ?? 0) - (Double(base["score"] ?? "") ?? 0)
            #expect(abs((Double(r["score_change"] ?? "") ?? .nan) - change) < 0.0051)
            compared += 1
        }
        #expect(compared == 4 * 51)

        // The report states the bounds it used.
        let report = cityindex([
            "report", "--criteria", frozen, "--period", "2022", "--db", db, "--out", tmp.path("out"), "--lang", "en",
            "--no-charts", "--no-html", "--no-sensitivity",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let markdown = try String(contentsOfFile: tmp.path("out/report.md"), encoding: .utf8)
        #expect(markdown.contains("Normalisation bounds: frozen on 2018"), "report.md does not state the frozen bounds")
    }

    @Test func demoReportShowsRankChanges() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let run = cityindex([
            "report", "--criteria", repo("Indicators/qd2244-provinces.yaml"), "--data", repo("Indicators/demo/qd2244-demo.csv"), "--data-basis", "2025",
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
        // Every unit in force at the end of 2024 takes part; only these three have data.
        #expect(Set(rows.filter { !($0["score"] ?? "").isEmpty }.compactMap { $0["unit"] }) == ["01", "04", "08"])
        #expect(Set(rows.compactMap { $0["unit"] }).count == 34)
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
        let first = cityindex(["score", "--criteria", set, "--data", repo("Indicators/demo/qd2244-demo.csv"), "--data-basis", "2025", "--period", "2025", "--db", db])
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
