import Foundation
import Testing

/// `cityindex sensitivity` and `cityindex audit` end to end.
@Suite struct AnalysisCommandTests {
    static let criteria = """
        id: tiny
        name: {en: Tiny index}
        scale: 100
        precision: 2
        root:
          id: index
          children:
            - id: A
              children:
                - {id: a1}
                - {id: a2, direction: lower}
            - id: B
              children:
                - {id: b1}
                - {id: b2}
        """

    static let data = """
        unit,name,period,a1,a2,b1,b2
        P,"Pho <Noi> & Co",2024,1,10,5,3
        Q,Quang,2024,3,30,0,1
        R,Rach,2024,2,20,10,7
        S,Son,2024,4,12,6,2
        T,Tay,2024,5,25,2,9
        """

    struct Fixture {
        let tmp: TemporaryFolder
        var criteria: String { tmp.path("tiny.yaml") }
        var data: String { tmp.path("data.csv") }
        var db: String { tmp.path("store.sqlite") }

        init() throws {
            tmp = try TemporaryFolder()
            try AnalysisCommandTests.criteria.write(toFile: criteria, atomically: true, encoding: .utf8)
            try AnalysisCommandTests.data.write(toFile: data, atomically: true, encoding: .utf8)
        }

        func run(_ arguments: [String]) -> Invocation { cityindex(arguments + ["--db", db]) }
        func read(_ folder: String, _ name: String) throws -> String {
            try String(contentsOfFile: tmp.path(folder + "/" + name), encoding: .utf8)
        }
    }

    @Test func withoutUncertaintyEveryIntervalIsTheNominalRank() throws {
        let f = try Fixture()
        defer { f.tmp.cleanUp() }
        let score = f.run(["score", "--criteria", f.criteria, "--data", f.data])
        #expect(score.status == 0, "\(score.stderr)")
        let ranks = Dictionary(uniqueKeysWithValues: parseCSV(score.stdout).compactMap { r in r["unit"].map { ($0, r["rank"] ?? "") } })
        let run = f.run(["sensitivity", "--criteria", f.criteria, "--runs", "40", "--out", f.tmp.path("s")])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = parseCSV(try f.read("s", "sensitivity-units.csv"))
        #expect(rows.count == 5)
        for r in rows {
            let nominal = try #require(r["nominal_rank"])
            #expect(nominal == ranks[r["unit"] ?? ""])
            #expect(r["median_rank"] == nominal && r["p5_rank"] == nominal && r["p95_rank"] == nominal)
            #expect(r["mean_abs_shift"] == "0")
        }
        #expect(parseCSV(try f.read("s", "sensitivity-indices.csv")).isEmpty)
        let svg = try f.read("s", "rank-intervals.svg")
        #expect(svg.hasPrefix("<svg") && svg.contains("Pho &lt;Noi&gt; &amp; Co") && !svg.contains("<Noi>"))
        #expect(try f.read("s", "sensitivity.md").contains("No uncertain input was declared"))
    }

    @Test func runsAreReproducibleAndDoNotDependOnThreads() throws {
        let f = try Fixture()
        defer { f.tmp.cleanUp() }
        let options = [
            "--criteria", f.criteria, "--data", f.data, "--runs", "300", "--seed", "7", "--weights", "0.5", "--normalise", "min-max,rank",
            "--aggregate", "arithmetic,geometric", "--leave-out", "indicator", "--bootstrap", "30",
        ]
        let first = f.run(["sensitivity"] + options + ["--out", f.tmp.path("a")])
        #expect(first.status == 0, "\(first.stderr)")
        let second = f.run(["sensitivity"] + options + ["--serial", "--out", f.tmp.path("b")])
        #expect(second.status == 0, "\(second.stderr)")
        for name in ["sensitivity-units.csv", "sensitivity-indices.csv", "sensitivity.md", "rank-intervals.svg"] {
            #expect(try f.read("a", name) == f.read("b", name), "\(name)")
        }
        let indices = parseCSV(try f.read("a", "sensitivity-indices.csv"))
        let overall = indices.filter { $0["output"] == "mean-rank-shift" }
        #expect(overall.map { $0["input"] ?? "" } == ["weights", "normalisation", "aggregation", "leave-out"])
        let units = parseCSV(try f.read("a", "sensitivity-units.csv"))
        #expect(units.contains { $0["p5_rank"] != $0["p95_rank"] })
    }

    /// The set's `uncertainty:` block runs exactly as the same options given on the command line,
    /// and an option overrides its input.
    @Test func declaredUncertaintyRunsLikeTheSameOptions() throws {
        let f = try Fixture()
        defer { f.tmp.cleanUp() }
        let declared = f.tmp.path("declared.yaml")
        let block = "uncertainty:\n  weights: 0.5\n  normalise: [min-max, rank]\n  leave-out: indicator\n  runs: 200\n  seed: 7\n"
        try (block + Self.criteria).write(toFile: declared, atomically: true, encoding: .utf8)
        let fromSet = f.run(["sensitivity", "--criteria", declared, "--data", f.data, "--bootstrap", "20", "--out", f.tmp.path("a")])
        #expect(fromSet.status == 0, "\(fromSet.stderr)")
        let fromFlags = f.run([
            "sensitivity", "--criteria", f.criteria, "--runs", "200", "--seed", "7", "--weights", "0.5", "--normalise", "min-max,rank",
            "--leave-out", "indicator", "--bootstrap", "20", "--out", f.tmp.path("b"),
        ])
        #expect(fromFlags.status == 0, "\(fromFlags.stderr)")
        for name in ["sensitivity-units.csv", "sensitivity-indices.csv"] {
            #expect(try f.read("a", name) == f.read("b", name), "\(name)")
        }
        let inputs = parseCSV(try f.read("a", "sensitivity-indices.csv")).filter { $0["output"] == "mean-rank-shift" }.map { $0["input"] ?? "" }
        #expect(inputs == ["weights", "normalisation", "leave-out"])
        // Options override the declaration input by input.
        let overridden = f.run([
            "sensitivity", "--criteria", declared, "--weights", "0", "--leave-out", "none", "--aggregate", "arithmetic,geometric",
            "--bootstrap", "20", "--out", f.tmp.path("c"),
        ])
        #expect(overridden.status == 0, "\(overridden.stderr)")
        let changed = parseCSV(try f.read("c", "sensitivity-indices.csv")).filter { $0["output"] == "mean-rank-shift" }.map { $0["input"] ?? "" }
        #expect(changed == ["normalisation", "aggregation"])
    }

    /// `report` adds the declared analysis (section, chart, CSVs) by default, leaves it out with
    /// `--no-sensitivity`, refuses `--sensitivity` when nothing is declared, and adds the audit with `--audit`.
    @Test func reportCarriesTheDeclaredAnalysisAndTheAudit() throws {
        let f = try Fixture()
        defer { f.tmp.cleanUp() }
        let declared = f.tmp.path("declared.yaml")
        try ("uncertainty: {weights: 0.5, aggregate: [arithmetic, geometric], runs: 100}\n" + Self.criteria)
            .write(toFile: declared, atomically: true, encoding: .utf8)
        let report = f.run(["report", "--criteria", declared, "--data", f.data, "--audit", "--out", f.tmp.path("r")])
        #expect(report.status == 0, "\(report.stderr)")
        let markdown = try f.read("r", "report.md")
        let sensitivity = try #require(markdown.range(of: "## Uncertainty and sensitivity of the ranking"))
        let audit = try #require(markdown.range(of: "## Statistical audit"))
        let method = try #require(markdown.range(of: "\n## ", options: .backwards))
        #expect(sensitivity.lowerBound < audit.lowerBound && audit.lowerBound < method.lowerBound, "the analyses come before the methodology")
        #expect(markdown.contains("![Rank intervals](charts/rank-intervals.svg)"))
        #expect(try f.read("r", "charts/rank-intervals.svg").hasPrefix("<svg"))
        #expect(parseCSV(try f.read("r", "sensitivity-units.csv")).count == 5)
        #expect(parseCSV(try f.read("r", "audit-indicators.csv")).count == 4)
        // The nominal ranks of the analysis are the report's ranks.
        let ranks = Dictionary(uniqueKeysWithValues: parseCSV(try f.read("r", "ranking.csv")).map { ($0["unit"] ?? "", $0["rank"] ?? "") })
        for row in parseCSV(try f.read("r", "sensitivity-units.csv")) { #expect(row["nominal_rank"] == ranks[row["unit"] ?? ""]) }

        let without = f.run(["report", "--criteria", declared, "--no-sensitivity", "--out", f.tmp.path("n")])
        #expect(without.status == 0, "\(without.stderr)")
        #expect(!(try f.read("n", "report.md")).contains("Uncertainty and sensitivity"))
        #expect(!FileManager.default.fileExists(atPath: f.tmp.path("n/sensitivity-units.csv")))

        let refused = f.run(["report", "--criteria", f.criteria, "--sensitivity", "--out", f.tmp.path("x")])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("declares no uncertainty"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        let f = try Fixture()
        defer { f.tmp.cleanUp() }
        #expect(f.run(["sensitivity", "--criteria", f.criteria, "--normalise", "min-maxx"]).status == 2)
        #expect(f.run(["sensitivity", "--criteria", f.criteria, "--weights", "0.2", "--dirichlet", "3"]).status == 2)
        #expect(f.run(["sensitivity", "--criteria", f.criteria, "--impute", "maybe"]).status == 2)
    }

    /// The audit of COINr's ASEM example against statistics computed here independently: the
    /// descriptive statistics from `iData.csv` (value / denominator) by two-pass formulas, and
    /// the correlations, Cronbach's alpha and first principal component from COINr's published
    /// normalised values (`expected_normalised.csv`), with power iteration for the eigenvalue.
    @Test(.enabled(if: sharedDataAvailable, sharedDataMissing))
    func asemAuditMatchesIndependentComputation() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let run = cityindex([
            "audit", "--criteria", repo("Indicators/asem.yaml"), "--data", shared("validation/asem/iData.csv"),
            "--out", tmp.path("audit"), "--db", tmp.path("store.sqlite"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let stats = Dictionary(uniqueKeysWithValues: parseCSV(
            try String(contentsOfFile: tmp.path("audit/audit-indicators.csv"), encoding: .utf8)).map { ($0["indicator"] ?? "", $0) })
        #expect(stats.count == 49)
        let raw = parseCSV(try String(contentsOfFile: shared("validation/asem/iData.csv"), encoding: .utf8))
        #expect(raw.count == 51)
        let denominators = ["LPI": nil, "Flights": "Population", "Goods": "GDP", "Bord": "Area", "Elec": "Energy", "CO2": nil, "NGOs": "Population", "Renew": nil]
        for (indicator, denominator) in denominators {
            let values = raw.compactMap { row -> Double? in
                guard let v = Double(row[indicator] ?? "") else { return nil }
                guard let d = denominator else { return v }
                return Double(row[d] ?? "").map { v / $0 }
            }
            let n = Double(values.count)
            let mean = values.reduce(0, +) / n
            let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
            let skew = n / ((n - 1) * (n - 2)) * values.reduce(0) { $0 + pow(($1 - mean) / sd, 3) }
            let kurt = n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * values.reduce(0) { $0 + pow(($1 - mean) / sd, 4) }
                - 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3))
            let row = try #require(stats[indicator])
            #expect(Int(row["count"] ?? "") == values.count, "\(indicator) count")
            // Written as a person writes them: a share with 4 decimals, statistics with 4 significant digits.
            #expect(close(row["missing_share"], Double(51 - values.count) / 51, 0.5e-4 + 1e-12), "\(indicator) missing")
            #expect(fourDigits(row["mean"], mean), "\(indicator) mean \(row["mean"] ?? "") vs \(mean)")
            #expect(fourDigits(row["sd"], sd), "\(indicator) sd \(row["sd"] ?? "") vs \(sd)")
            #expect(fourDigits(row["min"], values.min() ?? .nan), "\(indicator) min")
            #expect(fourDigits(row["max"], values.max() ?? .nan), "\(indicator) max")
            #expect(fourDigits(row["skew"], skew), "\(indicator) skew \(row["skew"] ?? "") vs \(skew)")
            #expect(fourDigits(row["kurtosis"], kurt), "\(indicator) kurtosis \(row["kurtosis"] ?? "") vs \(kurt)")
        }

        // Normalised values published by COINr (after imputation and treatment).
        var normalised: [String: [String: Double]] = [:]
        for r in parseCSV(try String(contentsOfFile: shared("validation/asem/expected_normalised.csv"), encoding: .utf8)) {
            if let u = r["unit"], let i = r["indicator"], let v = Double(r["normalised"] ?? "") { normalised[i, default: [:]][u] = v }
        }
        let unitCodes = raw.compactMap { $0["uCode"] }.sorted()
        func column(_ id: String) -> [Double] { unitCodes.map { normalised[id]?[$0] ?? .nan } }
        let correlations = parseCSV(try String(contentsOfFile: tmp.path("audit/audit-correlations.csv"), encoding: .utf8))
        let pillars = Dictionary(uniqueKeysWithValues: parseCSV(
            try String(contentsOfFile: tmp.path("audit/audit-pillars.csv"), encoding: .utf8)).map { ($0["pillar"] ?? "", $0) })
        let members = [
            "Physical": ["LPI", "Flights", "Ship", "Bord", "Elec", "Gas", "ConSpeed", "Cov4G"],
            "Political": ["Embs", "IGOs", "UNVote"],
            "Environ": ["Renew", "PrimEner", "CO2", "MatCon", "Forest"],
        ]
        for (pillar, ids) in members {
            let cols = ids.map(column)
            for a in ids.indices {
                for b in (a + 1)..<ids.count {
                    let expected = pearson(cols[a], cols[b])
                    let row = try #require(correlations.first { $0["kind"] == "within-pillar" && $0["first"] == ids[a] && $0["second"] == ids[b] })
                    #expect(close(row["pearson"], expected, 2e-3), "\(ids[a])-\(ids[b]) r \(row["pearson"] ?? "") vs \(expected)")
                }
            }
            // Cronbach's alpha, two-pass.
            let k = Double(ids.count)
            let totals = unitCodes.indices.map { u in cols.reduce(0) { $0 + $1[u] } }
            let alpha = k / (k - 1) * (1 - cols.reduce(0) { $0 + variance($1) } / variance(totals))
            let row = try #require(pillars[pillar])
            #expect(close(row["cronbach_alpha"], alpha, 2e-3), "\(pillar) alpha \(row["cronbach_alpha"] ?? "") vs \(alpha)")
            // The largest eigenvalue of the correlation matrix by power iteration.
            let m = ids.indices.map { a in ids.indices.map { b in a == b ? 1 : pearson(cols[a], cols[b]) } }
            var v = [Double](repeating: 1, count: ids.count)
            var lambda = 0.0
            for _ in 0..<2000 {
                let w = m.map { r in zip(r, v).reduce(0) { $0 + $1.0 * $1.1 } }
                let norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
                lambda = norm / v.reduce(0) { $0 + $1 * $1 }.squareRoot()
                v = w.map { $0 / norm }
            }
            #expect(close(row["pc1_share"], lambda / k, 2e-3), "\(pillar) PC1 \(row["pc1_share"] ?? "") vs \(lambda / k)")
        }
        #expect(try String(contentsOfFile: tmp.path("audit/audit.md"), encoding: .utf8).contains("Cronbach"))
    }

    @Test(.enabled(if: sharedDataAvailable, sharedDataMissing))
    func asemSensitivityKeepsTheNominalRanks() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let run = cityindex([
            "sensitivity", "--criteria", repo("Indicators/asem.yaml"), "--data", shared("validation/asem/iData.csv"),
            "--runs", "100", "--weights", "0.25", "--aggregate", "arithmetic,geometric", "--bootstrap", "20",
            "--out", tmp.path("s"), "--db", tmp.path("store.sqlite"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let units = parseCSV(try String(contentsOfFile: tmp.path("s/sensitivity-units.csv"), encoding: .utf8))
        #expect(units.count == 51)
        #expect(units.first?["unit"] == "CHE" && units.first?["nominal_rank"] == "1")
        #expect(units.contains { $0["unit"] == "IND" && $0["nominal_rank"] == "45" })
    }
}

private func close(_ text: String?, _ expected: Double, _ tolerance: Double) -> Bool {
    guard let text, let value = Double(text) else { return false }
    return abs(value - expected) <= tolerance
}

/// Whether `text` is `expected` written with 4 significant digits: within half a unit of the
/// fourth digit, and with no more digits than that.
private func fourDigits(_ text: String?, _ expected: Double) -> Bool {
    guard let text, expected.isFinite, expected != 0 else { return text == "0" && expected == 0 }
    let unit = pow(10, floor(log10(abs(expected))) - 3)
    let digits = text.filter(\.isNumber).drop { $0 == "0" }.count
    return close(text, expected, unit / 2 * (1 + 1e-9)) && (digits <= 4 || !text.contains("."))
}

private func pearson(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
    let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
    let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }, syy = y.reduce(0) { $0 + ($1 - my) * ($1 - my) }
    return sxy / (sxx * syy).squareRoot()
}

private func variance(_ x: [Double]) -> Double {
    let m = x.reduce(0, +) / Double(x.count)
    return x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)
}
