import CityIndexFormats
import Foundation
import Testing

/// Score and rank change at every node of the criteria tree, not only the index (issue 3):
/// `scores.csv`, `score --levels all` and the workbook's `scores` sheet gain `rank_change,
/// score_change, base_period` when the period is compared with a base, and nothing otherwise.
@Suite("Change columns at every node of scores.csv")
struct ScoresChangeColumnsTests {
    /// The columns of `scores.csv` without a comparison (as before issue 3).
    static let plainHeader = "period,unit,unit_name,node,level,score,rank,flags"
    /// The columns with a comparison: the change columns follow `rank`, as in `ranking.csv`.
    static let changeHeader = "period,unit,unit_name,node,level,score,rank,rank_change,score_change,base_period,flags"

    // MARK: - A small set checked by hand

    /// Scores are the values (`normalise: none`) and each parent is the mean of its children,
    /// so every change below is worked out by hand. V has no `b1` in 2024 (so no `B` either);
    /// U has one value of three in 2024, below the coverage required, so is not ranked; W first
    /// appears in 2025.
    static let criteria = """
        id: change
        name: {en: Change check}
        scale: 100
        precision: 1
        defaults:
          normalise: none
          screen: {min-coverage: 0.5}
        root:
          id: index
          children:
            - id: A
              children:
                - {id: a1}
                - {id: a2}
            - id: B
              children:
                - {id: b1}
        """

    static let observations = """
        unit,name,period,a1,a2,b1
        X,Xuân,2024,50,70,40
        Y,Yên,2024,80,60,20
        Z,Zeta,2024,30,40,90
        V,Vinh,2024,10,20,
        U,Uông,2024,60,,
        X,Xuân,2025,90,70,40
        Y,Yên,2025,80,60,20
        Z,Zeta,2025,30,40,90
        V,Vinh,2025,10,20,50
        U,Uông,2025,60,60,60
        W,Wu,2025,100,100,100
        """

    /// `score --all-periods --levels all` on the small set, once for every case.
    static let handSet: Result<Invocation, any Error> = Result {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try criteria.write(toFile: tmp.path("c.yaml"), atomically: true, encoding: .utf8)
        try observations.write(toFile: tmp.path("d.csv"), atomically: true, encoding: .utf8)
        return cityindex([
            "score", "--criteria", tmp.path("c.yaml"), "--data", tmp.path("d.csv"), "--all-periods", "--levels", "all",
            "--db", tmp.path("s.sqlite"),
        ])
    }

    /// 2025 against 2024, worked out by hand (competition ranks). 2024: index Z 62.5, X 50,
    /// Y 45, V 15; A Y 70, X 60, Z 35, V 15; a1 Y 80, X 50, Z 30, V 10; a2 X 70, Y 60, Z 40,
    /// V 20; B Z 90, X 40, Y 20 (V none; U not ranked anywhere). 2025: index W 100, Z 62.5,
    /// U = X 60, Y 45, V 32.5; A W 100, X 80, Y 70, U 60, Z 35, V 15; a1 W 100, X 90, Y 80,
    /// U 60, Z 30, V 10; a2 W 100, X 70, U = Y 60, Z 40, V 20; B W 100, Z 90, U 60, V 50, X 40, Y 20.
    static let handCases: [(unit: String, node: String, rankChange: String, scoreChange: String)] = [
        // New: absent in 2024 (W) or present but not ranked (U), at every node.
        ("W", "index", "new", ""), ("W", "A", "new", ""), ("W", "b1", "new", ""),
        ("U", "index", "new", ""), ("U", "a1", "new", ""), ("U", "B", "new", ""),
        // Places up are base rank − current rank: negative when a unit falls.
        ("Z", "index", "-1", "0.0"), ("Z", "A", "-2", "0.0"), ("Z", "B", "-1", "0.0"),
        ("X", "index", "-1", "10.0"), ("X", "A", "0", "20.0"), ("X", "a1", "0", "40.0"), ("X", "a2", "-1", "0.0"),
        ("X", "B", "-3", "0.0"), ("Y", "index", "-2", "0.0"), ("Y", "A", "-2", "0.0"), ("Y", "a2", "-1", "0.0"),
        // V: ranked both years, so its index moves; its B had no score in 2024: no change there.
        ("V", "index", "-2", "17.5"), ("V", "A", "-2", "0.0"), ("V", "B", "", ""), ("V", "b1", "", ""),
    ]

    @Test("a hand-checked change at each node", arguments: handCases)
    func handCheckedChange(unit: String, node: String, rankChange: String, scoreChange: String) throws {
        let run = try Self.handSet.get()
        try #require(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix(Self.changeHeader + "\n"))
        let rows = parseCSV(run.stdout)
        let row = try #require(rows.first { $0["period"] == "2025" && $0["unit"] == unit && $0["node"] == node })
        #expect(row["rank_change"] == rankChange, "\(unit)/\(node)")
        #expect(row["score_change"] == scoreChange, "\(unit)/\(node)")
        #expect(row["base_period"] == "2024")
        // The first period has no base: its change cells are empty.
        #expect(rows.filter { $0["period"] == "2024" }.allSatisfy { $0["rank_change"] == "" && $0["base_period"] == "" })
    }

    @Test("a single period has no change columns: scores.csv, score --levels all and the workbook")
    func singlePeriodHasNoChangeColumns() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try Self.criteria.write(toFile: tmp.path("c.yaml"), atomically: true, encoding: .utf8)
        let onePeriod = Self.observations.split(separator: "\n").filter { !$0.contains(",2025,") }.joined(separator: "\n")
        try onePeriod.write(toFile: tmp.path("d.csv"), atomically: true, encoding: .utf8)
        let report = cityindex([
            "report", "--criteria", tmp.path("c.yaml"), "--data", tmp.path("d.csv"), "--db", tmp.path("s.sqlite"),
            "--out", tmp.path("out"), "--xlsx", "--no-charts", "--no-html", "--as-of", "2025-01-01",
        ])
        try #require(report.status == 0, "\(report.stderr)")
        let scores = try String(contentsOfFile: tmp.path("out/scores.csv"), encoding: .utf8)
        #expect(scores.hasPrefix(Self.plainHeader + "\n"))
        #expect(!scores.contains("rank_change"))
        let ranking = try String(contentsOfFile: tmp.path("out/ranking.csv"), encoding: .utf8)
        #expect(!ranking.contains("rank_change"))
        let sheet = try XLSXReader(path: tmp.path("out/report.xlsx")).table(sheet: "scores")
        #expect(sheet.rows[0].cells.map(\.csvText).joined(separator: ",") == Self.plainHeader)
        let printed = cityindex(["score", "--criteria", tmp.path("c.yaml"), "--levels", "all", "--db", tmp.path("s.sqlite")])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.hasPrefix(Self.plainHeader + "\n"))
    }

    // MARK: - The ASEM panel, 2018-2022

    /// The ASEM panel with Austria (AUT) left out of 2018, so that it is new in 2019.
    static func editedPanel(in tmp: TemporaryFolder) throws -> String {
        let text = try String(contentsOfFile: shared("validation/asem/iData_panel.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let time = try #require(header.firstIndex(of: "Time")), code = try #require(header.firstIndex(of: "uCode"))
        lines = lines.compactMap { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return fields.count == header.count && fields[time] == "2018" && fields[code] == "AUT" ? nil : line
        }
        let path = tmp.path("panel.csv")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// For every node and unit of `period`: `rank_change` is the base rank minus the current
    /// rank, both read from the two periods' own `scores.csv` (`new` for a unit ranked now and
    /// not in the base, empty where a rank is missing); `score_change` is the difference of the
    /// scores, with their decimals; index rows agree with `ranking.csv`.
    /// - Returns: the rows compared and the units found new.
    static func expectChanges(
        _ rows: [[String: String]], base: [[String: String]], ranking: [[String: String]], period: String, basePeriod: String
    ) -> (rows: Int, new: Set<String>) {
        func key(_ r: [String: String]) -> String { (r["unit"] ?? "") + "/" + (r["node"] ?? "") }
        let baseRows = Dictionary(base.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let rankedBefore = Set(base.filter { $0["node"] == "Index" && $0["rank"] != "" }.compactMap { $0["unit"] })
        let rankedNow = Set(rows.filter { $0["node"] == "Index" && $0["rank"] != "" }.compactMap { $0["unit"] })
        let rankingRows = Dictionary(ranking.map { ($0["unit"] ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        var new: Set<String> = []
        for r in rows {
            let unit = r["unit"] ?? "", place = "\(period) \(key(r))"
            #expect(r["base_period"] == basePeriod, "\(place)")
            let then = baseRows[key(r)]
            if rankedNow.contains(unit) && !rankedBefore.contains(unit) {
                #expect(r["rank_change"] == "new", "\(place)")
                new.insert(unit)
            } else if let before = then.flatMap({ Int($0["rank"] ?? "") }), let now = Int(r["rank"] ?? "") {
                #expect(Int(r["rank_change"] ?? "") == before - now, "\(place): ranks \(before) then \(now), change \(r["rank_change"] ?? "")")
            } else {
                #expect(r["rank_change"] == "", "\(place): no rank in one period, change \(r["rank_change"] ?? "")")
            }
            let change = r["score_change"] ?? ""
            if let before = then.flatMap({ Double($0["score"] ?? "") }), let now = Double(r["score"] ?? "") {
                let got = Double(change) ?? .nan
                #expect(abs(got - (now - before)) < 1e-9, "\(place): scores \(before) then \(now), change \(change)")
                let decimals = { (s: String) in s.split(separator: ".").dropFirst().first?.count ?? 0 }
                #expect(decimals(change) == decimals(r["score"] ?? ""), "\(place): \(change) is not rounded like \(r["score"] ?? "")")
            } else {
                #expect(change == "", "\(place): no score in one period, change \(change)")
            }
            if r["node"] == "Index" {
                let ranked = rankingRows[unit]
                for column in ["rank_change", "score_change", "base_period"] {
                    #expect(ranked?[column] == r[column], "\(place): ranking.csv \(column) \(ranked?[column] ?? "none"), scores.csv \(r[column] ?? "")")
                }
            }
        }
        return (rows.count, new)
    }

    @Test(.enabled(if: sharedDataAvailable, sharedDataMissing))
    func asemPanelChangesAtEveryNodeMatchEachPeriodsOwnRanks() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let panel = try Self.editedPanel(in: tmp)
        let db = tmp.path("s.sqlite"), out = tmp.path("out")
        let report = cityindex([
            "report", "--criteria", repo("Indicators/asem.yaml"), "--data", panel, "--all-periods", "--db", db, "--out", out,
            "--xlsx", "--no-charts", "--no-html", "--no-sensitivity", "--lang", "en", "--as-of", "2025-01-01",
        ])
        try #require(report.status == 0, "\(report.stderr)")
        func text(_ period: String, _ file: String) throws -> String {
            try String(contentsOfFile: out + "/" + period + "/" + file, encoding: .utf8)
        }
        // 2018 is the first period with data: no base, no change columns.
        #expect(try text("2018", "scores.csv").hasPrefix(Self.plainHeader + "\n"))
        let units2018 = Set(parseCSV(try text("2018", "scores.csv")).compactMap { $0["unit"] })
        #expect(!units2018.contains("AUT") && units2018.count == 50)
        var new: [String: Set<String>] = [:]
        for year in 2019...2022 {
            let (period, previous) = (String(year), String(year - 1))
            let scores = try text(period, "scores.csv")
            #expect(scores.hasPrefix(Self.changeHeader + "\n"), "\(period)")
            let compared = Self.expectChanges(
                parseCSV(scores), base: parseCSV(try text(previous, "scores.csv")), ranking: parseCSV(try text(period, "ranking.csv")),
                period: period, basePeriod: previous)
            #expect(compared.rows == 51 * 60, "\(period): \(compared.rows) rows")
            new[period] = compared.new
        }
        // Austria, absent in 2018, is new in 2019 at every node; no unit is new later.
        #expect(new["2019"] == ["AUT"])
        #expect(new["2020"] == [] && new["2021"] == [] && new["2022"] == [])
        let austria = parseCSV(try text("2019", "scores.csv")).filter { $0["unit"] == "AUT" }
        #expect(austria.count == 60)
        #expect(austria.allSatisfy { $0["rank_change"] == "new" && $0["score_change"] == "" && $0["base_period"] == "2018" })

        // `score --levels all` prints the same rows, the first period's change cells empty.
        let printed = cityindex(["score", "--criteria", repo("Indicators/asem.yaml"), "--all-periods", "--levels", "all", "--db", db])
        try #require(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.hasPrefix(Self.changeHeader + "\n"))
        let byPeriod = Dictionary(grouping: parseCSV(printed.stdout), by: { $0["period"] ?? "" })
        #expect((byPeriod["2018"] ?? []).allSatisfy { $0["rank_change"] == "" && $0["score_change"] == "" && $0["base_period"] == "" })
        for period in ["2019", "2020", "2021", "2022"] {
            #expect(byPeriod[period] == parseCSV(try text(period, "scores.csv")), "\(period): printed rows differ from scores.csv")
        }

        // The workbook's scores sheet: the same columns, numbers as numeric cells, "new" as text.
        let sheet = try XLSXReader(path: out + "/2019/report.xlsx").table(sheet: "scores")
        #expect(sheet.rows[0].cells.map(\.csvText).joined(separator: ",") == Self.changeHeader)
        let csv = parseCSV(try text("2019", "scores.csv"))
        #expect(sheet.rows.count == csv.count + 1)
        for (row, record) in zip(sheet.rows.dropFirst(), csv) {
            var cells = row.cells
            cells += Array(repeating: .empty, count: max(0, 11 - cells.count))
            for (column, name) in [(7, "rank_change"), (8, "score_change")] {
                let field = record[name] ?? ""
                switch cells[column] {
                case .number(let v): #expect(Double(field) == v, "row \(row.number) \(name): sheet \(v), CSV \(field)")
                case .text(let t): #expect(t == "new" && field == "new", "row \(row.number) \(name): sheet \(t), CSV \(field)")
                case .empty: #expect(field == "", "row \(row.number) \(name): empty in the sheet, CSV \(field)")
                default: Issue.record("row \(row.number) \(name): \(cells[column])")
                }
            }
            #expect(cells[9] == .text("2018"))
        }
    }
}
