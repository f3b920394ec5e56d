import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built `cityindex` executable beside the test bundle (or `$CITYINDEX_BIN`), for tests
/// that need a real child process; `nil` when it has not been built.
let cityindexExecutable: URL? = {
    let fm = FileManager.default
    var candidates: [URL] = []
    if let path = ProcessInfo.processInfo.environment["CITYINDEX_BIN"] { candidates.append(URL(fileURLWithPath: path)) }
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = runner.deletingLastPathComponent()
    // On Linux the runner is `<bin>/CityIndexPackageTests.xctest`; on macOS it sits inside a bundle.
    for _ in 0..<4 {
        candidates.append(folder.appendingPathComponent("cityindex"))
        folder = folder.deletingLastPathComponent()
    }
    return candidates.first { fm.isExecutableFile(atPath: $0.path) }
}()

/// Why process tests are skipped.
let cityindexExecutableMissing: Comment =
    "skipped: the cityindex executable is not beside the test bundle; run `swift build` first (or set CITYINDEX_BIN)"

/// The `sqlite3` command-line shell, used to check stores from outside the tool.
let sqlite3Executable: URL? = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/opt/homebrew/bin/sqlite3"]
    .map { URL(fileURLWithPath: $0) }.first { FileManager.default.isExecutableFile(atPath: $0.path) }

/// Why tests that check stores with the sqlite3 shell are skipped.
let sqlite3Missing: Comment = "skipped: the sqlite3 shell is not installed (apt-get install sqlite3)"

/// Runs `sqlite3 -batch path sql` and returns its standard output without the final newline.
func sqlite3(_ path: String, _ sql: String) throws -> String {
    guard let exe = sqlite3Executable else { throw CLIProcessError("sqlite3 is not installed") }
    let p = Process()
    p.executableURL = exe
    p.arguments = ["-batch", path, sql]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    var text = String(decoding: data, as: UTF8.self)
    while text.hasSuffix("\n") { text.removeLast() }
    return text
}

struct CLIProcessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A `cityindex` child process with its output captured to files.
final class ChildRun {
    let process = Process()
    let outURL: URL
    let errURL: URL

    init(_ exe: URL, _ arguments: [String], folder: URL, name: String) throws {
        outURL = folder.appendingPathComponent("\(name).out")
        errURL = folder.appendingPathComponent("\(name).err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.executableURL = exe
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "CITYINDEX_DB")
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
    }

    func kill9() { kill(process.processIdentifier, SIGKILL) }

    /// Waits for the child and returns its exit status (128 + signal when killed).
    func wait() -> Int32 {
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    var stdout: String { (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }
}

/// Builds a seeded long-layout file of `rows` values for `big.yaml` (10 indicators).
func writeBigLongFile(to path: String, rows: Int, seed: UInt64, unitPrefix: String = "U", firstYear: Int = 1000) throws {
    var state = seed
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    let units = 1000, indicators = 10
    let periods = max(1, (rows + units * indicators - 1) / (units * indicators))
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    var chunk = "unit,indicator,period,value\n"
    var written = 0
    outer: for p in 0..<periods {
        for u in 0..<units {
            for i in 0..<indicators {
                if written == rows { break outer }
                let value = Double(next() % 1_000_000) / 100
                chunk += "\(unitPrefix)\(u),i\(i),\(firstYear + p),\(value)\n"
                written += 1
            }
            if chunk.utf8.count > 1 << 20 {
                handle.write(Data(chunk.utf8))
                chunk = ""
            }
        }
    }
    handle.write(Data(chunk.utf8))
}

/// The criteria set of the big files: 10 indicators in two pillars.
let bigCriteria = """
    id: big
    root:
      id: index
      children:
        - id: P
          children: [{id: i0}, {id: i1}, {id: i2}, {id: i3}, {id: i4}]
        - id: Q
          children: [{id: i5}, {id: i6}, {id: i7}, {id: i8}, {id: i9}]
    """

/// Crash safety (issue 8, item 2): an import killed with SIGKILL at a random moment leaves a
/// store that passes `PRAGMA integrity_check` and holds all of the import or none of it.
///
/// The default run imports 100,000 rows, 20 trials (well under 2 minutes in a debug build);
/// `CITYINDEX_CRASH_ROWS=1000000` runs the issue's million rows (CI does, see `.ci/run`), and
/// `CITYINDEX_CRASH_TRIALS` / `CITYINDEX_CRASH_SEED` change the trials and the kill moments.
@Suite(.serialized) struct CrashSafetyTests {
    @Test(
        "SIGKILL during an import leaves all rows or none, and an intact store",
        .enabled(if: cityindexExecutable != nil, cityindexExecutableMissing),
        .enabled(if: sqlite3Executable != nil, sqlite3Missing))
    func killedImportIsAllOrNothing() throws {
        let exe = try #require(cityindexExecutable)
        let env = ProcessInfo.processInfo.environment
        let rows = env["CITYINDEX_CRASH_ROWS"].flatMap(Int.init) ?? 100_000
        let trials = env["CITYINDEX_CRASH_TRIALS"].flatMap(Int.init) ?? 20
        var rng = SplitMixRNG(seed: env["CITYINDEX_CRASH_SEED"].flatMap(UInt64.init) ?? 0xC17D_1DE8)

        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let criteria = tmp.path("big.yaml"), big = tmp.path("big.csv"), small = tmp.path("small.csv")
        try bigCriteria.write(toFile: criteria, atomically: true, encoding: .utf8)
        try writeBigLongFile(to: big, rows: rows, seed: 42)
        try writeBigLongFile(to: small, rows: 50, seed: 7, unitPrefix: "S", firstYear: 2020)

        // The baseline store: one earlier import that must survive every trial.
        let baseline = tmp.path("baseline.sqlite")
        let first = try ChildRun(exe, ["import", "--criteria", criteria, "--data", small, "--db", baseline], folder: tmp.url, name: "baseline")
        try #require(first.wait() == 0, "\(first.stderr)")
        let baselineRows = Int(try sqlite3(baseline, "SELECT count(*) FROM observation")) ?? -1
        try #require(baselineRows == 50)

        // One uninterrupted import: the reference for "all", and how long an import takes.
        let reference = tmp.path("reference.sqlite")
        try FileManager.default.copyItem(atPath: baseline, toPath: reference)
        let started = Date()
        let full = try ChildRun(exe, ["import", "--criteria", criteria, "--data", big, "--db", reference], folder: tmp.url, name: "reference")
        try #require(full.wait() == 0, "\(full.stderr)")
        let duration = Date().timeIntervalSince(started)
        let allRows = Int(try sqlite3(reference, "SELECT count(*) FROM observation")) ?? -1
        try #require(allRows == baselineRows + rows)
        let referenceSum = try sqlite3(reference, "SELECT count(*), sum(value) FROM observation")

        var outcomes: [String: Int] = [:]
        for trial in 0..<trials {
            let db = tmp.path("trial-\(trial).sqlite")
            try FileManager.default.copyItem(atPath: baseline, toPath: db)
            // Kill anywhere from the start to a little past the reference duration, so some
            // trials land in the commit and a few finish.
            let delay = rng.unit() * duration * 1.1
            let child = try ChildRun(exe, ["import", "--criteria", criteria, "--data", big, "--db", db], folder: tmp.url, name: "trial-\(trial)")
            Thread.sleep(forTimeInterval: delay)
            child.kill9()
            let status = child.wait()

            let integrity = try sqlite3(db, "PRAGMA integrity_check")
            #expect(integrity == "ok", "trial \(trial) (killed after \(delay) s): \(integrity)")
            let foreignKeys = try sqlite3(db, "PRAGMA foreign_key_check")
            #expect(foreignKeys.isEmpty, "trial \(trial): \(foreignKeys)")
            let count = Int(try sqlite3(db, "SELECT count(*) FROM observation")) ?? -1
            let imports = Int(try sqlite3(db, "SELECT count(*) FROM import_file")) ?? -1
            if count == allRows {
                #expect(try sqlite3(db, "SELECT count(*), sum(value) FROM observation") == referenceSum)
                #expect(imports == 2, "trial \(trial): the import is recorded once")
                outcomes[status == 0 ? "finished" : "killed after commit", default: 0] += 1
            } else {
                #expect(count == baselineRows, "trial \(trial) (killed after \(delay) s): \(count) rows, neither \(baselineRows) nor \(allRows)")
                #expect(imports == 1, "trial \(trial): a killed import left its record")
                #expect(status == 128 + SIGKILL, "trial \(trial): exit \(status) without importing: \(child.stderr)")
                outcomes["killed, nothing imported", default: 0] += 1
            }
            // The store stays usable: the same import now completes.
            if trial % 5 == 0 {
                let again = try ChildRun(exe, ["import", "--criteria", criteria, "--data", big, "--db", db], folder: tmp.url, name: "again-\(trial)")
                #expect(again.wait() == 0, "\(again.stderr)")
                #expect(Int(try sqlite3(db, "SELECT count(*) FROM observation")) == allRows)
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        }
        print("crash safety: \(rows) rows, \(trials) trials, reference import \(String(format: "%.1f", duration)) s: \(outcomes.sorted { $0.key < $1.key })")
    }
}

/// A seeded SplitMix64 generator.
struct SplitMixRNG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
