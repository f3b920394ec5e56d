import Foundation
import Testing

/// Concurrency (issue 8, item 3): processes importing into and scoring from one store at the
/// same time. Each either waits for the other (SQLite's busy timeout, 5 s) and succeeds, or
/// stops with exit code 3 and the locked message, having written nothing; no row is lost and the
/// store stays intact.
@Suite(.serialized) struct ConcurrencyTests {
    /// The message of a process that gave up waiting for the store.
    static func lockedMessage(_ db: String) -> String {
        "error: the store \(db) is locked: another cityindex process is using it; retry when it has finished\n"
    }

    @Test(
        "two imports and a scoring run at once: each succeeds or exits 3, nothing is lost",
        .enabled(if: cityindexExecutable != nil, cityindexExecutableMissing),
        .enabled(if: sqlite3Executable != nil, sqlite3Missing),
        arguments: [2_000, 60_000])
    func importsAndScoringAtOnce(rows: Int) throws {
        let exe = try #require(cityindexExecutable)
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let criteria = tmp.path("big.yaml"), db = tmp.path("store.sqlite")
        try bigCriteria.write(toFile: criteria, atomically: true, encoding: .utf8)
        // Disjoint data: A and B use different units, C seeds the store for the scoring run.
        try writeBigLongFile(to: tmp.path("a.csv"), rows: rows, seed: 1, unitPrefix: "A", firstYear: 2000)
        try writeBigLongFile(to: tmp.path("b.csv"), rows: rows, seed: 2, unitPrefix: "B", firstYear: 2000)
        try writeBigLongFile(to: tmp.path("c.csv"), rows: 10_000, seed: 3, unitPrefix: "C", firstYear: 2024)
        let seed = try ChildRun(exe, ["import", "--criteria", criteria, "--data", tmp.path("c.csv"), "--db", db], folder: tmp.url, name: "seed")
        try #require(seed.wait() == 0, "\(seed.stderr)")

        for round in 0..<3 {
            let a = try ChildRun(exe, ["import", "--criteria", criteria, "--data", tmp.path("a.csv"), "--db", db], folder: tmp.url, name: "a\(round)")
            let b = try ChildRun(exe, ["import", "--criteria", criteria, "--data", tmp.path("b.csv"), "--db", db], folder: tmp.url, name: "b\(round)")
            let s = try ChildRun(exe, ["score", "--criteria", criteria, "--period", "2024", "--db", db], folder: tmp.url, name: "s\(round)")
            var imported = 0
            for (name, child) in [("a", a), ("b", b)] {
                let status = child.wait()
                if status == 0 {
                    imported += 1
                    #expect(child.stdout.contains("\(name).csv: "), "\(child.stdout)")
                } else {
                    #expect(status == 3, "import \(name), round \(round): exit \(status): \(child.stderr)")
                    #expect(child.stderr == Self.lockedMessage(db))
                }
            }
            let scoreStatus = s.wait()
            if scoreStatus == 0 {
                #expect(s.stdout.hasPrefix("rank,unit,name,score,"), "\(s.stdout.prefix(200))")
                #expect(s.stdout.split(separator: "\n").count == 1 + 1000, "the 1000 C units are ranked")
            } else {
                #expect(scoreStatus == 3, "score, round \(round): exit \(scoreStatus): \(s.stderr)")
                #expect(s.stderr == Self.lockedMessage(db))
            }
            #expect(try sqlite3(db, "PRAGMA integrity_check") == "ok")
            // Each file's rows are there in full or not at all.
            for prefix in ["A", "B"] {
                let n = Int(try sqlite3(db, "SELECT count(*) FROM observation WHERE unit LIKE '\(prefix)%'")) ?? -1
                #expect(n == 0 || n == rows, "\(prefix): \(n) rows")
            }
            #expect(Int(try sqlite3(db, "SELECT count(*) FROM observation WHERE unit LIKE 'C%'")) == 10_000)
        }
        // Retried one after another, everything lands exactly once.
        for name in ["a", "b"] {
            let retry = try ChildRun(exe, ["import", "--criteria", criteria, "--data", tmp.path("\(name).csv"), "--db", db], folder: tmp.url, name: "retry-\(name)")
            #expect(retry.wait() == 0, "\(retry.stderr)")
        }
        #expect(Int(try sqlite3(db, "SELECT count(*) FROM observation")) == 10_000 + 2 * rows)
        #expect(Int(try sqlite3(db, "SELECT count(*) FROM import_file")) == 3)
        #expect(try sqlite3(db, "PRAGMA integrity_check") == "ok")
    }

    @Test(
        "a writer that holds the store longer than the busy timeout makes the other stop with exit 3 and the locked message",
        .enabled(if: cityindexExecutable != nil, cityindexExecutableMissing),
        .enabled(if: sqlite3Executable != nil, sqlite3Missing))
    func lockHeldPastTheTimeout() throws {
        let exe = try #require(cityindexExecutable)
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let criteria = tmp.path("big.yaml"), db = tmp.path("store.sqlite")
        try bigCriteria.write(toFile: criteria, atomically: true, encoding: .utf8)
        try writeBigLongFile(to: tmp.path("a.csv"), rows: 500, seed: 1, unitPrefix: "A", firstYear: 2024)
        let seed = try ChildRun(exe, ["import", "--criteria", criteria, "--data", tmp.path("a.csv"), "--db", db], folder: tmp.url, name: "seed")
        try #require(seed.wait() == 0, "\(seed.stderr)")
        try writeBigLongFile(to: tmp.path("b.csv"), rows: 500, seed: 2, unitPrefix: "B", firstYear: 2024)

        // Another program holds the write lock for 8 s (longer than the 5 s busy timeout).
        let holder = Process()
        holder.executableURL = sqlite3Executable
        holder.arguments = ["-batch", db]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        input.fileHandleForWriting.write(Data("PRAGMA busy_timeout=100;\nBEGIN IMMEDIATE;\nINSERT INTO unit(code) VALUES ('HOLD');\n".utf8))
        // Wait until the lock is taken (the held row is not visible to others until commit).
        Thread.sleep(forTimeInterval: 0.5)

        let started = Date()
        let blocked = try ChildRun(exe, ["import", "--criteria", criteria, "--data", tmp.path("b.csv"), "--db", db], folder: tmp.url, name: "blocked")
        let status = blocked.wait()
        let waited = Date().timeIntervalSince(started)
        let scorer = try ChildRun(exe, ["score", "--criteria", criteria, "--period", "2024", "--db", db], folder: tmp.url, name: "score")
        let scoreStatus = scorer.wait()
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()

        #expect(status == 3, "\(blocked.stderr)")
        #expect(blocked.stderr == Self.lockedMessage(db))
        #expect(waited >= 4.5, "the import waited \(waited) s: the busy timeout is 5 s")
        // Scoring stores its run, so it too waits and then stops with the same message.
        #expect(scoreStatus == 3 || scoreStatus == 0, "\(scorer.stderr)")
        if scoreStatus == 3 { #expect(scorer.stderr == Self.lockedMessage(db)) }
        #expect(Int(try sqlite3(db, "SELECT count(*) FROM observation WHERE unit LIKE 'B%'")) == 0)
        #expect(try sqlite3(db, "PRAGMA integrity_check") == "ok")

        // With the lock released, the same import succeeds.
        let retry = try ChildRun(exe, ["import", "--criteria", criteria, "--data", tmp.path("b.csv"), "--db", db], folder: tmp.url, name: "retry")
        #expect(retry.wait() == 0, "\(retry.stderr)")
        #expect(Int(try sqlite3(db, "SELECT count(*) FROM observation")) == 1000)
    }
}
