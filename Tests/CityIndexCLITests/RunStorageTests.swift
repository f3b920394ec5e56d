import Foundation
import Testing

/// Runs are stored compactly and once (issue 14, deliverable 2).
@Suite struct RunStorageTests {
    /// A set of 4 pillars × 5 indicators and data for `units` units in two periods.
    static func write(units: Int, in tmp: TemporaryFolder) throws -> (set: String, data: String) {
        var yaml = "id: runs\nscale: 100\nprecision: 2\nroot:\n  id: index\n  children:\n"
        for p in 0..<4 {
            yaml += "    - id: p\(p)\n      children:\n"
            for i in 0..<5 { yaml += "        - {id: i\(p)\(i)}\n" }
        }
        var csv = "unit,indicator,period,value\n"
        var rng = SplitMixRNG(seed: 14)
        for period in ["2024", "2025"] {
            for u in 0..<units {
                for p in 0..<4 { for i in 0..<5 { csv += "u\(u),i\(p)\(i),\(period),\(Double(rng.next() % 10_000) / 100)\n" } }
            }
        }
        try yaml.write(toFile: tmp.path("set.yaml"), atomically: true, encoding: .utf8)
        try csv.write(toFile: tmp.path("data.csv"), atomically: true, encoding: .utf8)
        return (tmp.path("set.yaml"), tmp.path("data.csv"))
    }

    /// Bytes of the store and its write-ahead log.
    static func size(_ db: String) -> Int {
        ["", "-wal"].map { (try? FileManager.default.attributesOfItem(atPath: db + $0)[.size] as? Int) ?? 0 }.reduce(0, +)
    }

    @Test("a run takes at most 16 bytes a score, and the same run again adds nothing")
    func compactAndDeduplicated() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let (set, data) = try Self.write(units: 600, in: tmp)
        let db = tmp.path("s.sqlite")
        #expect(cityindex(["import", "--criteria", set, "--data", data, "--db", db]).status == 0)
        // Checkpointed sizes: the store file alone, after each command.
        let before = Self.size(db)
        let first = cityindex(["score", "--criteria", set, "--all-periods", "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        let after = Self.size(db)
        let scores = 2 * 600 * (1 + 4 + 20)
        #expect(Double(after - before) / Double(scores) <= 16, "\(after - before) bytes for \(scores) scores")
        let again = cityindex(["score", "--criteria", set, "--all-periods", "--db", db])
        #expect(again.status == 0)
        #expect(again.stderr.contains("run 1 reused"), "\(again.stderr)")
        #expect(Self.size(db) == after)
        #expect(again.stdout == first.stdout)
        // Another selection is another run.
        let other = cityindex(["score", "--criteria", set, "--period", "2024", "--db", db])
        #expect(!other.stderr.contains("reused"))
        #expect(parseCSV(cityindex(["runs", "--db", db]).stdout).count == 2)
    }

    @Test("runs --show gives back every score and rank of the run, as score --levels all printed them")
    func showRoundTrips() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let (set, data) = try Self.write(units: 40, in: tmp)
        let db = tmp.path("s.sqlite")
        let scored = cityindex(["score", "--criteria", set, "--data", data, "--period", "2025", "--levels", "all", "--db", db])
        #expect(scored.status == 0)
        let shown = cityindex(["runs", "--show", "1", "--db", db])
        #expect(shown.status == 0, "\(shown.stderr)")
        func key(_ r: [String: String]) -> String { [r["period"], r["unit"], r["node"]].map { $0 ?? "" }.joined(separator: "/") }
        let stored = Dictionary(parseCSV(shown.stdout).map { (key($0), ($0["score"] ?? "", $0["rank"] ?? "")) }, uniquingKeysWith: { a, _ in a })
        let printed = parseCSV(scored.stdout)
        #expect(printed.count == stored.count)
        for r in printed {
            let s = stored[key(r)]
            #expect(s.map { Double($0.0) == Double(r["score"] ?? "") && $0.1 == r["rank"] } == true, "\(key(r)): \(String(describing: s)) against \(r)")
        }
    }

    @Test("runs lists each run's options; --prune keeps the newest; --diff names the values a correction changed")
    func pruneAndDiff() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let (set, data) = try Self.write(units: 30, in: tmp)
        let db = tmp.path("s.sqlite")
        #expect(cityindex(["score", "--criteria", set, "--data", data, "--period", "2025", "--db", db]).status == 0)
        let fix = tmp.path("fix.csv")
        try "unit,indicator,period,value\nu3,i00,2025,99.5\n".write(toFile: fix, atomically: true, encoding: .utf8)
        #expect(cityindex(["score", "--criteria", set, "--data", fix, "--replace", "--period", "2025", "--db", db]).status == 0)
        let list = parseCSV(cityindex(["runs", "--db", db]).stdout)
        #expect(list.map { $0["options"] ?? "" } == Array(repeating: "score levels=index periods=2025 compare=2025:2024", count: 2))
        let diff = cityindex(["runs", "--diff", "1", "2", "--db", db])
        #expect(diff.status == 0)
        #expect(diff.stderr.contains("the data changed"))
        #expect(diff.stderr.contains("2025 u3 i00:"), "\(diff.stderr)")
        #expect(diff.stderr.contains("→ 99.5 (\(fix))"), "\(diff.stderr)")
        let pruned = cityindex(["runs", "--prune", "--keep", "1", "--db", db])
        #expect(pruned.status == 0)
        #expect(pruned.stderr.contains("deleted 1 run(s); 1 kept"))
        #expect(parseCSV(cityindex(["runs", "--db", db]).stdout).map { $0["id"] ?? "" } == ["2"])
        #expect(cityindex(["runs", "--prune", "--db", db]).status == 2)
    }
}
