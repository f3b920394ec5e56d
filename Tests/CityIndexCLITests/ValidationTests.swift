import Foundation
import Testing

/// The engine reproduces published indices from a criteria file and the raw data alone,
/// through the same command line a user runs (`../shared/validation/README.md`).
@Suite(.enabled(if: sharedDataAvailable, sharedDataMissing), .serialized)
struct ValidationTests {
    @Test func hdi2022MatchesUNDPForEveryCountry() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let run = cityindex([
            "score", "--criteria", repo("Indicators/hdi.yaml"), "--data", shared("validation/hdi/inputs-2022.csv"),
            "--period", "2022", "--format", "csv", "--db", tmp.path("store.sqlite"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let got = Dictionary(uniqueKeysWithValues: parseCSV(run.stdout).map { ($0["unit"] ?? "", $0) })
        let published = parseCSV(try String(contentsOfFile: shared("validation/hdi/expected-2022.csv"), encoding: .utf8))
            .filter { !($0["hdi_published"] ?? "").isEmpty }
        #expect(published.count == 193)
        var valuesEqual = 0, ranksEqual = 0
        for row in published {
            let unit = row["unit"] ?? ""
            if got[unit]?["score"] == String(format: "%.3f", Double(row["hdi_published"] ?? "") ?? -1) { valuesEqual += 1 }
            if let rank = got[unit]?["rank"], Int(rank) == Int(Double(row["hdi_rank_published"] ?? "") ?? -1) { ranksEqual += 1 }
        }
        #expect(valuesEqual == 193)
        #expect(ranksEqual == 193)
    }

    @Test func hdiTimeSeriesMatchesEveryPublishedCountryYear() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let db = tmp.path("store.sqlite")
        let series = shared("validation/hdi/timeseries-1990-2022.csv")
        let imported = cityindex(["import", "--criteria", repo("Indicators/hdi.yaml"), "--data", series, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let rows = parseCSV(try String(contentsOfFile: series, encoding: .utf8))
        let complete = rows.filter { r in
            r["is_aggregate"] == "False" && ["le", "eys", "mys", "gnipc"].allSatisfy { !(r[$0] ?? "").isEmpty }
        }
        let published = complete.filter { !($0["hdi_published"] ?? "").isEmpty }
        #expect(published.count == 5808)
        var equal = 0
        var mismatches: [String] = []
        for year in 1990...2022 {
            let run = cityindex(["score", "--criteria", repo("Indicators/hdi.yaml"), "--period", String(year), "--db", db])
            #expect(run.status == 0, "\(year): \(run.stderr)")
            let got = Dictionary(uniqueKeysWithValues: parseCSV(run.stdout).map { ($0["unit"] ?? "", $0["score"] ?? "") })
            for r in published where r["period"] == String(year) {
                let expected = String(format: "%.3f", Double(r["hdi_published"] ?? "") ?? -1)
                if got[r["unit"] ?? ""] == expected { equal += 1 } else { mismatches.append("\(year) \(r["unit"] ?? "")") }
            }
        }
        #expect(equal == 5808, "mismatches: \(mismatches.prefix(10))")
    }

    @Test func asemMatchesCOINrAtEveryNode() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let run = cityindex([
            "score", "--criteria", repo("Indicators/asem.yaml"), "--data", shared("validation/asem/iData.csv"),
            "--levels", "all", "--format", "csv", "--db", tmp.path("store.sqlite"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        try expectASEMScores(run.stdout)
    }
}

/// Every aggregate of every unit within 0.01 of COINr's, and equal ranks.
func expectASEMScores(_ output: String) throws {
    let got = Dictionary(uniqueKeysWithValues: parseCSV(output).map { (($0["unit"] ?? "") + "/" + ($0["node"] ?? ""), $0) })
    let expected = parseCSV(try String(contentsOfFile: shared("validation/asem/expected_scores.csv"), encoding: .utf8))
    #expect(expected.count == 561)
    var within = 0, ranksEqual = 0
    for e in expected {
        let g = got[(e["unit"] ?? "") + "/" + (e["node"] ?? "")]
        if let s = g?["score"].flatMap(Double.init), let x = e["score"].flatMap(Double.init), abs(s - x) <= 0.01 { within += 1 }
        if let r = g?["rank"], r == e["rank"] { ranksEqual += 1 }
    }
    #expect(within == 561)
    #expect(ranksEqual == 561)
    let normalised = parseCSV(try String(contentsOfFile: shared("validation/asem/expected_normalised.csv"), encoding: .utf8))
    let close = normalised.filter { e in
        let s = got[(e["unit"] ?? "") + "/" + (e["indicator"] ?? "")]?["score"].flatMap(Double.init)
        return s.map { abs($0 - (Double(e["normalised"] ?? "") ?? .nan)) <= 0.01 } ?? false
    }
    #expect(close.count == normalised.count, "normalised indicator values after treatment")
}
