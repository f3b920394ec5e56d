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

    /// Sends SIGKILL unless the child has exited (its pid may then belong to another process);
    /// returns whether it was sent.
    @discardableResult
    func kill9() -> Bool {
        guard process.isRunning else { return false }
        return kill(process.processIdentifier, SIGKILL) == 0
    }

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
/// The dangerous moment is the write itself, and it is short: the store keeps an import's pages
/// in SQLite's page cache (up to 64 MiB, `Store.init`) and writes them to the `-wal` file only at
/// the commit, then checkpoints them into the main file: the last 10 to 30 ms of a 1.2 s import
/// of 100,000 rows (about 0.2 s of 9 s for a million). Kill moments spread over the whole run
/// almost never land there (the audit of 2026-11-27 saw none in 20), and the length of a run
/// varies by more than the write lasts, so the clock alone cannot aim at it. The test therefore:
///
/// 1. times one uninterrupted import while watching its files (``StoreFileTimeline``): the WAL's
///    size while the file is read, its largest size, and when it grows;
/// 2. kills every other trial at a random point inside the write: when the WAL has grown past its
///    quiet size by a random fraction of the growth the reference showed. The other trials are
///    killed at a moment drawn uniformly over the run, as before (mostly before the write, a few
///    after the end);
/// 3. reads the killed store's `-wal` and `-shm` byte by byte before anything opens it
///    (``SQLiteWALState``), and with the rows found in the store classes each kill as
///    ``Landing``: before writing (no frame of the import in the WAL), while writing (frames of
///    the import in the WAL and no commit frame), after the commit (every row; the checkpoint
///    interrupted or not), or finished;
/// 4. requires at least a quarter of the trials (and at least 3) killed while writing. When too
///    few land there (a loaded machine reacts late), it runs up to as many again aimed trials,
///    aiming earlier in the write each time a kill lands after the commit, and fails if the write
///    still was not hit often enough: the test never passes without having killed the write;
/// 5. after the first kill of each kind, imports the same file again into the killed store: it
///    completes.
///
/// The default run imports 100,000 rows, 20 trials (about 30 s in a debug build);
/// `CITYINDEX_CRASH_ROWS=1000000` runs the million rows (CI does, see `.ci/run`), and
/// `CITYINDEX_CRASH_TRIALS` / `CITYINDEX_CRASH_SEED` change the trials and the kill moments.
@Suite(.serialized) struct CrashSafetyTests {
    /// Where a kill landed, from the store's rows and its WAL after the process died.
    enum Landing: String, CaseIterable, Comparable {
        case beforeWriting = "killed before writing"
        case whileWriting = "killed while writing (import frames in the WAL, no commit)"
        case duringCheckpoint = "killed after the commit, during the checkpoint"
        case afterCommit = "killed after the commit"
        case finished = "finished"

        static func < (a: Landing, b: Landing) -> Bool {
            allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
        }
    }

    /// When a trial kills its import.
    enum KillPlan: CustomStringConvertible {
        /// A fixed delay after the start, drawn over the whole run.
        case afterDelay(Double)
        /// As soon as the WAL holds `bytes`: `fraction` of the way through the reference's growth.
        case whenWALReaches(bytes: Int, fraction: Double)

        var description: String {
            switch self {
            case .afterDelay(let s): return String(format: "after %.3f s", s)
            case let .whenWALReaches(bytes, fraction):
                return "when the WAL reaches \(bytes) bytes (\(Int((fraction * 100).rounded())) % into the write)"
            }
        }
    }

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
        let importArguments = { (db: String) in ["import", "--criteria", criteria, "--data", big, "--db", db] }

        // The baseline store: one earlier import that must survive every trial.
        let baseline = tmp.path("baseline.sqlite")
        let first = try ChildRun(exe, ["import", "--criteria", criteria, "--data", small, "--db", baseline], folder: tmp.url, name: "baseline")
        try #require(first.wait() == 0, "\(first.stderr)")
        let baselineRows = Int(try sqlite3(baseline, "SELECT count(*) FROM observation")) ?? -1
        try #require(baselineRows == 50)
        let frame = 24 + (Int(try sqlite3(baseline, "PRAGMA page_size")) ?? 4096)

        // One uninterrupted import: the reference for "all", and when its files are written.
        let reference = tmp.path("reference.sqlite")
        try FileManager.default.copyItem(atPath: baseline, toPath: reference)
        let referenceStart = monotonicSeconds()
        let full = try ChildRun(exe, importArguments(reference), folder: tmp.url, name: "reference")
        let timeline = StoreFileTimeline.watch(full, store: reference, start: referenceStart)
        try #require(full.wait() == 0, "\(full.stderr)")
        let allRows = Int(try sqlite3(reference, "SELECT count(*) FROM observation")) ?? -1
        try #require(allRows == baselineRows + rows)
        let referenceSum = try sqlite3(reference, "SELECT count(*), sum(value) FROM observation")
        print("crash safety: reference \(timeline)")
        let quiet = timeline.quietWAL, growth = timeline.largestWAL - timeline.quietWAL - frame
        try #require(growth >= frame, "the reference import wrote no frames to its WAL (\(timeline)): there is no write to aim at")

        var landings: [Landing: Int] = [:]
        var reimported: Set<Landing> = [.finished]
        // Aimed kills fire when the WAL has grown by a fraction in [0, reach) of the reference's growth.
        var reach = 0.9
        let required = max(3, trials / 4)
        var trial = 0
        while trial < trials || (landings[.whileWriting, default: 0] < required && trial < 2 * trials) {
            let plan: KillPlan
            if trial < trials && trial % 2 == 0 {
                plan = .afterDelay(rng.unit() * timeline.duration * 1.1)
            } else {
                let fraction = rng.unit() * reach
                plan = .whenWALReaches(bytes: quiet + frame + Int(fraction * Double(growth)), fraction: fraction)
            }
            let db = tmp.path("trial-\(trial).sqlite")
            try FileManager.default.copyItem(atPath: baseline, toPath: db)
            let start = monotonicSeconds()
            let child = try ChildRun(exe, importArguments(db), folder: tmp.url, name: "trial-\(trial)")
            var killed = "not killed"
            switch plan {
            case .afterDelay(let delay):
                Thread.sleep(forTimeInterval: delay)
                let wal = fileSize(db + "-wal")
                if child.kill9() { killed = String(format: "killed at %.3f s, WAL %d bytes", monotonicSeconds() - start, wal) }
            case .whenWALReaches(let bytes, _):
                // Poll every 2 ms through most of the reading, then every 0.1 ms: the write lasts
                // milliseconds, and sleeping between polls leaves the child its cores.
                let closeIn = timeline.writeStart * 0.7
                var polls = 0
                while true {
                    let elapsed = monotonicSeconds() - start
                    let wal = fileSize(db + "-wal")
                    if wal >= bytes {
                        if child.kill9() { killed = String(format: "killed at %.3f s, WAL %d bytes", elapsed, wal) }
                        break
                    }
                    polls += 1
                    Thread.sleep(forTimeInterval: elapsed < closeIn ? 0.002 : 0.0001)
                    if polls % 16 == 0, !child.process.isRunning { break }
                }
            }
            let status = child.wait()
            // Read the WAL before anything opens the store: opening it runs recovery.
            let wal = SQLiteWALState(store: db)

            let integrity = try sqlite3(db, "PRAGMA integrity_check")
            #expect(integrity == "ok", "trial \(trial) (\(plan)): \(integrity)")
            let foreignKeys = try sqlite3(db, "PRAGMA foreign_key_check")
            #expect(foreignKeys.isEmpty, "trial \(trial): \(foreignKeys)")
            let count = Int(try sqlite3(db, "SELECT count(*) FROM observation")) ?? -1
            let imports = Int(try sqlite3(db, "SELECT count(*) FROM import_file")) ?? -1
            let landing: Landing
            if count == allRows {
                #expect(try sqlite3(db, "SELECT count(*), sum(value) FROM observation") == referenceSum)
                #expect(imports == 2, "trial \(trial): the import is recorded once")
                landing = status == 0 ? .finished : wal.checkpointInterrupted ? .duringCheckpoint : .afterCommit
            } else {
                #expect(count == baselineRows, "trial \(trial) (\(plan)): \(count) rows, neither \(baselineRows) nor \(allRows)")
                #expect(imports == 1, "trial \(trial): a killed import left its record")
                #expect(status == 128 + SIGKILL, "trial \(trial): exit \(status) without importing: \(child.stderr)")
                landing = wal.uncommittedFrames > 0 ? .whileWriting : .beforeWriting
            }
            landings[landing, default: 0] += 1
            print("crash safety: trial \(trial), \(plan): \(killed) → \(landing.rawValue); \(wal)")
            if case .whenWALReaches = plan, landing >= .duringCheckpoint { reach /= 2 }

            // The store stays usable: the same import now completes.
            if reimported.insert(landing).inserted {
                let again = try ChildRun(exe, importArguments(db), folder: tmp.url, name: "again-\(trial)")
                #expect(again.wait() == 0, "\(again.stderr)")
                #expect(Int(try sqlite3(db, "SELECT count(*) FROM observation")) == allRows)
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
            trial += 1
        }
        let summary = landings.sorted { $0.key < $1.key }.map { "\($0.key.rawValue): \($0.value)" }.joined(separator: ", ")
        let seconds = String(format: "%.2f", timeline.duration)
        print("crash safety: \(rows) rows, \(trial) trials (\(trial - trials) extra), reference import \(seconds) s: [\(summary)]")
        let whileWriting = landings[.whileWriting, default: 0]
        #expect(
            whileWriting >= required,
            """
            only \(whileWriting) of \(trial) kills landed while SQLite wrote the import (at least \(required) needed), \
            even aiming earlier after each late kill: the machine reacted too slowly to the WAL growing \
            (\(timeline)); rerun on a quieter machine
            """)
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
