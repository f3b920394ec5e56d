import CityIndexFormats
import Foundation
import Testing

/// The 2025 merger on the shipped registries (issue 3, done-when): 2024 figures for the 34 units
/// built from data on all 63 provinces through `report --period 2024 --units 2025`, each checked
/// against an independent computation from `Indicators/units/vn-crosswalk-2025.csv`; and a 2025
/// report compared with 2024 through the crosswalk.
@Suite struct MergerRegistryTests {
    /// One province's synthetic 2024 figures, derived from its code so every value is known.
    struct Figures {
        var patents: Double
        var rate: Double
        var score: Double
        var population: Double

        init(code: String) {
            let k = Int(code) ?? 0
            patents = Double((k * 37) % 101 + 1)
            rate = 10 + Double((k * 53) % 87) + 0.25
            score = 5 + Double((k * 29) % 89) + 0.5
            population = Double(200_000 + k * 12_347)
        }
    }

    /// `code → (name_en)` of a registry CSV, in file order.
    static func registry(_ path: String) throws -> [(code: String, name: String)] {
        try parseCSV(String(contentsOfFile: repo(path), encoding: .utf8)).map { ($0["code"] ?? "", $0["name_en"] ?? "") }
    }

    /// Whether `a` and `b` agree to a relative 1e-12 (the tool may add in another order).
    static func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= 1e-12 * max(1, abs(b))
    }

    /// The `## Ranking` table of a report.md as dictionaries keyed by its header, cells trimmed.
    static func rankingTable(_ markdown: String) -> [[String: String]] {
        let rows = rankingRows(markdown)
        guard let header = rows.first else { return [] }
        return rows.dropFirst(2).map { Dictionary(zip(header, $0), uniquingKeysWith: { a, _ in a }) }
    }

    /// The rows of the `## Ranking` table of a report.md (header and alignment rows first), as
    /// cells without the outer pipes.
    static func rankingRows(_ markdown: String) -> [[String]] {
        guard let start = markdown.range(of: "## Ranking\n") else { return [] }
        var rows: [[String]] = []
        for line in markdown[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
            guard line.hasPrefix("|") else {
                if rows.isEmpty { continue } else { break }
            }
            rows.append(line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return rows
    }

    @Test("2024 figures for the 34 units from data on the 63: sum, population-weighted mean and plain mean, marked combined")
    func thirtyFourFromSixtyThree() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let provinces63 = try Self.registry("Indicators/units/vn-provinces-2024.csv")
        let units34 = try Self.registry("Indicators/units/vn-provinces-2025.csv")
        #expect(provinces63.count == 63 && units34.count == 34)

        // The expected figures, from the crosswalk read here, not through the tool.
        let crosswalk = parseCSV(try String(contentsOfFile: repo("Indicators/units/vn-crosswalk-2025.csv"), encoding: .utf8))
        #expect(crosswalk.count == 63)
        #expect(Set(crosswalk.compactMap { $0["from_code"] }) == Set(provinces63.map(\.code)))
        var predecessors: [String: [String]] = [:]
        for row in crosswalk { predecessors[row["to_code"] ?? "", default: []].append(row["from_code"] ?? "") }
        #expect(Set(predecessors.keys) == Set(units34.map(\.code)))
        struct Expected {
            var patents = 0.0, rate = 0.0, score = 0.0, population = 0.0, combined = false
        }
        var expected: [String: Expected] = [:]
        for (target, from) in predecessors {
            let figures = from.map(Figures.init(code:))
            let population = figures.map(\.population).reduce(0, +)
            expected[target] = Expected(
                patents: figures.map(\.patents).reduce(0, +),
                rate: figures.map { $0.rate * $0.population }.reduce(0, +) / population,
                score: figures.map(\.score).reduce(0, +) / Double(figures.count),
                population: population,
                combined: from.count > 1 || from != [target])
        }
        let merged = expected.filter { $0.value.combined }.keys
        #expect(merged.count == 23, "Resolution 202/2025/QH15 left 11 of the 34 units unchanged")

        var data = "unit,period,patents,rate,score,population\n"
        for (code, _) in provinces63 {
            let f = Figures(code: code)
            data += "\(code),2024,\(f.patents),\(f.rate),\(f.score),\(f.population)\n"
        }
        try PeriodsTests.mergerSet(stage: "observations").write(toFile: tmp.path("m.yaml"), atomically: true, encoding: .utf8)
        try data.write(toFile: tmp.path("d63.csv"), atomically: true, encoding: .utf8)
        let db = tmp.path("s.sqlite")

        // Every node of every one of the 34 units.
        let run = cityindex([
            "score", "--criteria", tmp.path("m.yaml"), "--data", tmp.path("d63.csv"), "--period", "2024", "--units", "2025",
            "--levels", "all", "--db", db,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = parseCSV(run.stdout)
        #expect(Set(rows.compactMap { $0["unit"] }) == Set(units34.map(\.code)))
        func row(_ unit: String, _ node: String) -> [String: String]? { rows.first { $0["unit"] == unit && $0["node"] == node } }
        for (code, name) in units34 {
            let e = try #require(expected[code])
            for (node, value) in [("patents", e.patents), ("rate", e.rate), ("score", e.score)] {
                let r = row(code, node)
                #expect(Self.close(r.flatMap { Double($0["score"] ?? "") }, value), "\(code) \(node): \(r?["score"] ?? "-"), worked out \(value)")
                #expect((r?["flags"] ?? "").contains("combined") == e.combined, "\(code) \(node) flags: \(r?["flags"] ?? "-")")
            }
            // normalise: none and equal weights: index = mean(patents, mean(rate, score)).
            let index = (e.patents + (e.rate + e.score) / 2) / 2
            #expect(Self.close(row(code, "index").flatMap { Double($0["score"] ?? "") }, index), "\(code) index")
            #expect(row(code, "index")?["unit_name"] == name)
        }

        // The report: ranking.csv, report.md and the workbook's values (population is data only).
        let report = cityindex([
            "report", "--criteria", tmp.path("m.yaml"), "--period", "2024", "--units", "2025", "--out", tmp.path("out24"),
            "--db", db, "--lang", "en", "--no-charts", "--no-html", "--no-sensitivity", "--xlsx",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let ranking24 = parseCSV(try String(contentsOfFile: tmp.path("out24/ranking.csv"), encoding: .utf8))
        #expect(ranking24.count == 34)
        for r in ranking24 {
            let combined = expected[r["unit"] ?? ""]?.combined ?? false
            #expect((r["flags"] ?? "") == (combined ? "combined: patents rate score" : ""), "ranking.csv \(r["unit"] ?? ""): \(r["flags"] ?? "")")
        }
        let table = Self.rankingTable(try String(contentsOfFile: tmp.path("out24/report.md"), encoding: .utf8))
        #expect(table.count == 34)
        for (code, name) in units34 {
            let row = try #require(table.first { $0["Unit"] == name }, "report.md has no row for \(name)")
            let notes = row["Notes"] ?? "-"
            #expect(notes.contains("combined") == (expected[code]?.combined ?? false), "report.md \(name): notes \"\(notes)\"")
        }
        let values = try XLSXReader(path: tmp.path("out24/report.xlsx")).table(sheet: "values").records
        let header = try #require(values.first?.fields)
        let column = { (name: String) in header.firstIndex(of: name) ?? -1 }
        var populations = 0
        for record in values.dropFirst() where record.fields[column("indicator")] == "population" {
            let code = record.fields[column("unit")]
            let e = try #require(expected[code])
            #expect(Self.close(Double(record.fields[column("value")]), e.population), "values sheet: population of \(code)")
            #expect((record.fields[column("combined")] == "combined") == e.combined, "values sheet: population of \(code)")
            populations += 1
        }
        #expect(populations == 34)

        // In Vietnamese the combined values are "gộp", counted, with their legend entry.
        let vi = cityindex([
            "report", "--criteria", tmp.path("m.yaml"), "--period", "2024", "--units", "2025", "--out", tmp.path("out24vi"),
            "--db", db, "--lang", "vi", "--no-charts", "--no-html", "--no-sensitivity",
        ])
        #expect(vi.status == 0, "\(vi.stderr)")
        let markdownVI = try String(contentsOfFile: tmp.path("out24vi/report.md"), encoding: .utf8)
        let notesVI = markdownVI.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.hasSuffix(" |") }
        #expect(notesVI.contains { $0.hasSuffix("| gộp ×3 |") }, "no row notes a combined unit as \"gộp ×3\"")
        #expect(!notesVI.contains { $0.contains("combined") })
        #expect(markdownVI.contains("*gộp* = giá trị gộp từ số liệu của các đơn vị hợp nhất thành đơn vị này"))

        // 2025 on the 34 compared with 2024 on the 63: through the crosswalk, every unit has a
        // base rank and a change (a merged unit is not "new").
        var data2025 = "unit,period,patents,rate,score,population\n"
        for (code, _) in units34 {
            let k = Int(code) ?? 0
            data2025 += "\(code),2025,\((k * 41) % 211 + 1),\(12 + (k * 17) % 83).75,\(7 + (k * 31) % 91).5,\(500_000 + k * 23_456)\n"
        }
        try data2025.write(toFile: tmp.path("d34.csv"), atomically: true, encoding: .utf8)
        #expect(cityindex(["import", "--criteria", tmp.path("m.yaml"), "--data", tmp.path("d34.csv"), "--db", db]).status == 0)
        let compared = cityindex([
            "report", "--criteria", tmp.path("m.yaml"), "--period", "2025", "--compare", "2024", "--out", tmp.path("out25"),
            "--db", db, "--lang", "en", "--no-charts", "--no-html", "--no-sensitivity",
        ])
        #expect(compared.status == 0, "\(compared.stderr)")
        let ranking25 = parseCSV(try String(contentsOfFile: tmp.path("out25/ranking.csv"), encoding: .utf8))
        #expect(ranking25.count == 34)
        let base = Dictionary(uniqueKeysWithValues: ranking24.map { ($0["unit"] ?? "", $0) })
        var mergedWithChange = 0
        for r in ranking25 {
            let code = r["unit"] ?? ""
            let before = try #require(base[code], "\(code) has no 2024 figure on the 34 units")
            #expect(r["base_period"] == "2024", "\(code): base period \(r["base_period"] ?? "-")")
            #expect(r["base_rank"] == before["rank"], "\(code): base rank \(r["base_rank"] ?? "-"), 2024 rank on the 34 \(before["rank"] ?? "-")")
            let change = Int(r["rank_change"] ?? "")
            let worked = (Int(before["rank"] ?? "") ?? 0) - (Int(r["rank"] ?? "") ?? 0)
            #expect(change != nil && change == worked, "\(code): rank change \(r["rank_change"] ?? "-"), worked out \(worked)")
            let scoreChange = (Double(r["score"] ?? "") ?? .nan) - (Double(before["score"] ?? "") ?? .nan)
            #expect(abs((Double(r["score_change"] ?? "") ?? .nan) - scoreChange) < 1e-9, "\(code): score change \(r["score_change"] ?? "-")")
            if expected[code]?.combined == true && change != nil { mergedWithChange += 1 }
        }
        #expect(mergedWithChange == 23)
        let markdown25 = try String(contentsOfFile: tmp.path("out25/report.md"), encoding: .utf8)
        let table25 = Self.rankingTable(markdown25)
        #expect(table25.count == 34)
        for row in table25 {
            let change = row["Change vs 2024"] ?? "-"
            #expect(change.hasPrefix("▲") || change.hasPrefix("▼") || change == "=", "report.md \(row["Unit"] ?? "?"): change \"\(change)\"")
        }
    }
}
