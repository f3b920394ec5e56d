import Foundation

/// One line of the results table.
struct Row {
    var benchmark: String
    var size: String
    var order: String = ""
    var seconds: Double?
    var figure: String = ""
    var peakBytes: Int?
    var baseline: String = ""
    var ratio: String = ""
    var target: String = ""
    var met: Bool?
}

/// Runs the suites and prints the table. Every measured CityIndex step is the real `cityindex`
/// executable in a child process, as a user runs it.
struct Runner {
    var options: BenchOptions
    var rows: [Row] = []
    var notes: [String] = []
    let me = Bundle.main.executablePath ?? CommandLine.arguments[0]
    /// The `cityindex` that `swift build -c release` puts beside this executable.
    let cityindex = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
        .deletingLastPathComponent().appendingPathComponent("cityindex").path
    let repository: String = {
        // Benchmarks/baselines sits beside the sources; the runner is started from the package root.
        FileManager.default.currentDirectoryPath
    }()

    init(options: BenchOptions) { self.options = options }

    mutating func run() throws {
        try FileManager.default.createDirectory(atPath: options.work, withIntermediateDirectories: true)
        if options.suites.contains("scale") {
            guard FileManager.default.isExecutableFile(atPath: cityindex) else {
                throw BenchError("\(cityindex) not found: the benchmark times the real command; build it first with `swift build -c release` (it is written beside cityindex-bench)")
            }
            for size in options.sizes { try stolen(size.name) { try $0.scale(size) } }
            if options.real { try stolen("real data") { try $0.real() } }
        }
        if options.suites.contains("sensitivity") {
            for line in runSensitivityBenchmarks() { notes.append("sensitivity: " + line) }
        }
        printTable()
    }

    /// Runs `body` and notes the share of CPU time the machine's hypervisor gave to other
    /// virtual machines meanwhile: a run with much stolen is slower than the code.
    mutating func stolen(_ what: String, _ body: (inout Runner) throws -> Void) rethrows {
        let before = CPUSteal.now()
        try body(&self)
        if let before, let after = CPUSteal.now() {
            notes.append(String(format: "%@: %.1f %% of the CPU time was stolen by the hypervisor (other virtual machines) meanwhile", what, after.percent(since: before)))
        }
    }

    /// Runs `pass` `count` times; its fastest run (``ChildRun/fastest(_:)``).
    func fastest(of count: Int, _ pass: () throws -> ChildRun) rethrows -> ChildRun {
        ChildRun.fastest(try (0..<count).map { _ in try pass() })
    }

    func log(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

    /// Runs the generator in a child process.
    func child(_ args: [String], log name: String) throws -> ChildRun {
        let r = try spawn([me] + args, stdoutPath: options.work + "/" + name + ".log", stderrPath: options.work + "/" + name + ".err")
        guard r.status == 0 else {
            throw BenchError("\(args[0]) failed (exit \(r.status)); see \(options.work)/\(name).err")
        }
        return r
    }

    /// Runs `cityindex arguments…`; stdout to `stdout` (default: the log), stderr to `<log>.err`.
    func cli(_ args: [String], log name: String, stdout: String? = nil) throws -> ChildRun {
        let r = try spawn(
            [cityindex] + args, stdoutPath: stdout ?? options.work + "/" + name + ".log", stderrPath: options.work + "/" + name + ".err")
        guard r.status == 0 else {
            throw BenchError("cityindex \(args[0]) failed (exit \(r.status)); see \(options.work)/\(name).err")
        }
        return r
    }

    static func rate(_ n: Int, _ s: Double, _ what: String = "rows") -> String {
        let r = Double(n) / s
        return r >= 1e6 ? String(format: "%.2f M \(what)/s", r / 1e6) : String(format: "%.0f k \(what)/s", r / 1e3)
    }

    /// The store's bytes on disk (database and write-ahead log).
    static func storeBytes(_ path: String) -> Int {
        ["", "-wal"].reduce(0) { sum, suffix in
            sum + (((try? FileManager.default.attributesOfItem(atPath: path + suffix))?[.size] as? Int) ?? 0)
        }
    }

    /// The scores the newest run of the store holds (one float64 per unit and node and period).
    func scoresOfLastRun(_ db: String) throws -> Int {
        let out = options.work + "/scores-count.txt"
        let r = try spawn(
            ["sqlite3", db, "SELECT coalesce(sum(length(scores)), 0) / 8 FROM run_scores WHERE run_id = (SELECT max(id) FROM run);"],
            stdoutPath: out)
        guard r.status == 0, let n = Int(try String(contentsOfFile: out, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError("cannot count the scores of the last run in \(db)")
        }
        return n
    }

    static func mb(_ bytes: Int) -> String { String(format: "%.0f MB", Double(bytes) / 1e6) }
    static func grouped(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (k, c) in s.reversed().enumerated() {
            if k > 0, k % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }

    mutating func scale(_ size: BenchSize) throws {
        let gen = Generator(size: size, folder: options.work)
        let fresh = !RowOrder.allCases.allSatisfy { FileManager.default.fileExists(atPath: $0.dataPath(gen)) }
        log("[\(size.name)] generating (cached: \(!fresh)) …")
        let g = try child(["child-gen", size.name, options.work], log: "gen-\(size.name)")
        let n = try gen.rows()
        if fresh {
            rows.append(Row(benchmark: "generate CSV (3 row orders)", size: size.name, seconds: g.seconds, figure: "\(Self.grouped(n)) rows", peakBytes: g.peakBytes))
        }
        for order in options.orders { try scale(size, gen, order, rows: n) }

        if size.name == "S" {
            // One process, as a user's first run: import into a fresh store, score, write the reports.
            let db = options.work + "/store-S-oneshot.sqlite"
            let out = options.work + "/reports-S-oneshot"
            let e = try fastest(of: options.repeats(size)) {
                Child.removeStore(db)
                try? FileManager.default.removeItem(atPath: out)
                log("[S] one process: cityindex report --data … (import + score + reports) …")
                return try cli(
                    ["report", "--criteria", gen.criteriaPath, "--data", gen.dataPath, "--db", db, "--all-periods", "--no-sensitivity", "--out", out],
                    log: "oneshot-S")
            }
            rows.append(Row(
                benchmark: "process start → reports written (`report --data`, one process)", size: "S", order: RowOrder.periodMajor.rawValue,
                seconds: e.seconds, figure: Self.rate(n, e.seconds), peakBytes: e.peakBytes, target: "< 0.2 s", met: e.seconds < 0.2))
        }
    }

    mutating func scale(_ size: BenchSize, _ gen: Generator, _ order: RowOrder, rows n: Int) throws {
        let repeats = options.repeats(size)
        var runs: [OrderRun] = []
        for k in 1...repeats { runs.append(try measure(size, gen, order, rows: n, pass: repeats > 1 ? " (\(k) of \(repeats))" : "")) }
        record(size, order, runs, rows: n)
    }

    /// One pass over the steps of `size` in `order`, each into a fresh store.
    func measure(_ size: BenchSize, _ gen: Generator, _ order: RowOrder, rows n: Int, pass: String) throws -> OrderRun {
        let data = order.dataPath(gen)
        let tag = "\(size.name)-\(order.rawValue)"

        // sqlite3 shell baseline: .import of the same file into an equivalent keyed table.
        let sqliteDB = options.work + "/sqlite3-\(tag).sqlite"
        Child.removeStore(sqliteDB)
        log("[\(tag)]\(pass) sqlite3 .import of \(n) rows …")
        let sq = try spawn(
            ["sqlite3", "-cmd",
             "CREATE TABLE t(unit TEXT, indicator TEXT, period TEXT, value REAL, PRIMARY KEY(unit, indicator, period)) WITHOUT ROWID;",
             sqliteDB, ".import --csv --skip 1 \(data) t"],
            stdoutPath: options.work + "/sqlite3-\(tag).log", stderrPath: options.work + "/sqlite3-\(tag).err")
        guard sq.status == 0 else { throw BenchError("sqlite3 failed (exit \(sq.status)); see \(options.work)/sqlite3-\(tag).err") }
        Child.removeStore(sqliteDB)

        let db = options.work + "/store-\(tag).sqlite"
        Child.removeStore(db)
        log("[\(tag)]\(pass) cityindex import …")
        let im = try cli(["import", "--criteria", gen.criteriaPath, "--data", data, "--db", db], log: "import-\(tag)")
        let afterImport = Self.storeBytes(db)

        log("[\(tag)]\(pass) cityindex score --all-periods …")
        let scoreArgs = ["score", "--criteria", gen.criteriaPath, "--db", db, "--all-periods"]
        let sc = try cli(scoreArgs, log: "score-\(tag)", stdout: options.work + "/score-\(tag).csv")
        let afterScore = Self.storeBytes(db)
        let scoreCount = try scoresOfLastRun(db)
        let sc2 = try cli(scoreArgs, log: "score2-\(tag)", stdout: options.work + "/score2-\(tag).csv")
        let afterScore2 = Self.storeBytes(db)
        let said = (try? String(contentsOfFile: options.work + "/score2-\(tag).err", encoding: .utf8)) ?? ""

        let out = options.work + "/reports-\(tag)"
        try? FileManager.default.removeItem(atPath: out)
        log("[\(tag)]\(pass) cityindex report --all-periods --no-sensitivity …")
        let rp = try cli(["report", "--criteria", gen.criteriaPath, "--db", db, "--all-periods", "--no-sensitivity", "--out", out], log: "report-\(tag)")
        let afterReport = Self.storeBytes(db)
        let reportCount = try scoresOfLastRun(db)

        var py: ChildRun?
        var check: String?
        if options.pandas {
            log("[\(tag)]\(pass) pandas baseline …")
            let result = options.work + "/pandas-\(tag).csv"
            let run = try spawn(
                ["python3", repository + "/Benchmarks/baselines/pandas_baseline.py", "--db", db, "--tree", gen.treePath, "--out", result],
                stdoutPath: options.work + "/pandas-\(tag).log", stderrPath: options.work + "/pandas-\(tag).err")
            guard run.status == 0 else {
                throw BenchError("pandas baseline failed (exit \(run.status)); see \(options.work)/pandas-\(tag).err (pip install pandas numpy, or --no-pandas)")
            }
            py = run
            check = try Compare.rankings(cityindex: out, pandas: result)
        }
        return OrderRun(
            sqlite: sq, importRun: im, score: sc, scoreAgain: sc2, report: rp, pandas: py, afterImport: afterImport, afterScore: afterScore,
            afterScoreAgain: afterScore2, afterReport: afterReport, scoreCount: scoreCount, reportCount: reportCount,
            reused: said.contains("reused"), check: check)
    }

    /// The table's lines for `size` in `order`: each step's fastest pass, ratios of the fastest
    /// passes; a store-size check met only when every pass met it.
    mutating func record(_ size: BenchSize, _ order: RowOrder, _ runs: [OrderRun], rows n: Int) {
        let tag = "\(size.name)-\(order.rawValue)"
        let o = order.rawValue
        let last = runs[runs.count - 1]
        let sq = ChildRun.fastest(runs.map(\.sqlite)), im = ChildRun.fastest(runs.map(\.importRun))
        let sc = ChildRun.fastest(runs.map(\.score)), sc2 = ChildRun.fastest(runs.map(\.scoreAgain))
        let rp = ChildRun.fastest(runs.map(\.report))
        rows.append(Row(benchmark: "sqlite3 .import (baseline)", size: size.name, order: o, seconds: sq.seconds, figure: Self.rate(n, sq.seconds), peakBytes: sq.peakBytes))
        let importRatio = sq.seconds / im.seconds
        rows.append(Row(
            benchmark: "cityindex import", size: size.name, order: o, seconds: im.seconds, figure: Self.rate(n, im.seconds),
            peakBytes: im.peakBytes, baseline: "sqlite3 .import", ratio: String(format: "%.2f×", importRatio),
            target: Self.ratioTarget(size, "≥ 1.5×"), met: size.name == "M" ? importRatio >= 1.5 : nil))
        rows.append(Row(
            benchmark: "cityindex score --all-periods (stdout to a file)", size: size.name, order: o, seconds: sc.seconds,
            figure: Self.rate(n, sc.seconds, "values"), peakBytes: sc.peakBytes))
        let unchanged = runs.allSatisfy(\.storeUnchanged)
        rows.append(Row(
            benchmark: "same score again: store bytes before → after", size: size.name, order: o, seconds: sc2.seconds,
            figure: "\(Self.grouped(last.afterScore)) → \(Self.grouped(last.afterScoreAgain)) B"
                + (last.reused ? " (run reused)" : " (no \"reused\" message)") + (runs.count > 1 ? (unchanged ? ", every pass" : ", NOT every pass") : ""),
            peakBytes: sc2.peakBytes, target: "unchanged", met: unchanged))
        rows.append(Row(
            benchmark: "score run stored: bytes per score", size: size.name, order: o,
            figure: String(format: "%.1f B/score", Double(last.afterScore - last.afterImport) / Double(max(last.scoreCount, 1)))
                + " (\(Self.grouped(last.afterScore - last.afterImport)) B, \(Self.grouped(last.scoreCount)) scores)"))
        let reportTarget: (String, Bool?) =
            switch size.name {
            case "M": ("< 2 s", rp.seconds < 2)
            case "L": ("< 30 s; peak < 1 GB", rp.seconds < 30 && rp.peakBytes < 1_000_000_000)
            default: ("", nil)
            }
        rows.append(Row(
            benchmark: "cityindex report --all-periods --no-sensitivity", size: size.name, order: o, seconds: rp.seconds,
            figure: Self.rate(n, rp.seconds, "values"), peakBytes: rp.peakBytes,
            target: reportTarget.0, met: reportTarget.1))
        let perScore = runs.map { Double($0.afterReport - $0.afterScoreAgain) / Double(max($0.reportCount, 1)) }.max()!
        rows.append(Row(
            benchmark: "report run stored: bytes per score", size: size.name, order: o,
            figure: String(format: "%.1f B/score", perScore)
                + " (\(Self.grouped(last.afterReport - last.afterScoreAgain)) B, \(Self.grouped(last.reportCount)) scores)",
            target: size.name == "S" ? "" : "≤ 16 B", met: size.name == "S" ? nil : perScore <= 16))

        let baselines = runs.compactMap(\.pandas)
        guard baselines.count == runs.count else { return }
        let py = ChildRun.fastest(baselines)
        rows.append(Row(
            benchmark: "pandas/numpy (baseline, same store)", size: size.name, order: o, seconds: py.seconds,
            figure: Self.rate(n, py.seconds, "values"), peakBytes: py.peakBytes))
        let e2e = im.seconds + sc.seconds
        let e2eBaseline = sq.seconds + py.seconds
        rows.append(Row(
            benchmark: "end to end: import + score", size: size.name, order: o, seconds: e2e, figure: Self.rate(n, e2e),
            peakBytes: max(im.peakBytes, sc.peakBytes), baseline: String(format: "sqlite3 + pandas %.3f s", e2eBaseline),
            ratio: String(format: "%.2f×", e2eBaseline / e2e), target: Self.ratioTarget(size, "≥ 3×"),
            met: size.name == "M" ? e2eBaseline / e2e >= 3 : nil))
        let checks = runs.compactMap(\.check)
        let check = checks.first { !$0.hasPrefix("yes") } ?? last.check ?? ""
        notes.append("\(tag): report's ranking.csv equal to pandas\(runs.count > 1 ? " (every pass)" : ""): \(check)")
    }

    mutating func real() throws {
        let gso = repository + "/../shared/data/vn/gso-province-tables-1995-2016.csv"
        if FileManager.default.fileExists(atPath: gso) {
            let conv = try RealData.convert(gso: gso, folder: options.work)
            notes.append(
                "GSO tables: \(conv.rows) values, \(conv.units) provinces × \(conv.indicators) indicators (one per table × item), \(conv.periods) years "
                    + "(\(conv.skipped) source rows skipped: not a province, no code, no year, empty value or repeated); profiles for \(conv.lastPeriod)")
            try realSet(name: "GSO tables \(conv.units)×\(conv.indicators)", tag: "GSO", criteria: conv.criteria, data: conv.data, rows: conv.rows,
                        periodArgs: ["--period", conv.lastPeriod])
        } else {
            notes.append("real: \(gso) not found, skipped")
        }
        let shipped = repository + "/Indicators/gso-provinces.yaml"
        let shippedData = repository + "/Indicators/gso/gso-provinces-2010-2016.csv"
        if FileManager.default.fileExists(atPath: shipped), FileManager.default.fileExists(atPath: shippedData) {
            let n = try String(contentsOfFile: shippedData, encoding: .utf8).split(separator: "\n").count - 1
            // 63 provinces × 10 scored indicators (and average population, data only), 2010-2016 every other year.
            try realSet(name: "Indicators/gso-provinces.yaml 63×10", tag: "GSO-shipped", criteria: shipped, data: shippedData, rows: n,
                        periodArgs: ["--period", "2016"])
            try realSet(name: "Indicators/gso-provinces.yaml 63×10", tag: "GSO-shipped-all", criteria: shipped, data: shippedData, rows: n,
                        periodArgs: ["--all-periods"], target: false)
        }
    }

    /// Import alone, then import + `report --profiles` in one process, each into a fresh store.
    mutating func realSet(name: String, tag: String, criteria: String, data: String, rows n: Int, periodArgs: [String], target: Bool = true) throws {
        let db = options.work + "/store-\(tag).sqlite"
        let repeats = options.repeats(BenchSize.all[0])
        let im = try fastest(of: repeats) {
            Child.removeStore(db)
            log("[\(tag)] cityindex import …")
            return try cli(["import", "--criteria", criteria, "--data", data, "--db", db], log: "import-\(tag)")
        }
        rows.append(Row(benchmark: "\(name): import", size: "real", seconds: im.seconds, figure: Self.rate(n, im.seconds), peakBytes: im.peakBytes))
        let out = options.work + "/reports-\(tag)"
        // Without profiles first, so that the profiles' share shows.
        for profiles in [false, true] {
            let rp = try fastest(of: repeats) {
                Child.removeStore(db)
                try? FileManager.default.removeItem(atPath: out)
                log("[\(tag)] cityindex report --data …\(profiles ? " --profiles" : "") …")
                return try cli(
                    ["report", "--criteria", criteria, "--data", data, "--db", db] + periodArgs + (profiles ? ["--profiles"] : [])
                        + ["--no-sensitivity", "--out", out],
                    log: "report-\(tag)\(profiles ? "-profiles" : "")")
            }
            let measured = target && profiles
            rows.append(Row(
                benchmark: "\(name): import + report \(profiles ? "--profiles " : "")\(periodArgs.joined(separator: " ")) (one process)", size: "real",
                seconds: rp.seconds, figure: "", peakBytes: rp.peakBytes, target: measured ? "< 2 s" : "", met: measured ? rp.seconds < 2 : nil))
        }
    }

    /// Issue 14 sets the import and end-to-end ratios on M. S's 8,470 rows take less than
    /// CityIndex's process start, and L's import ratios are printed without a target.
    static func ratioTarget(_ size: BenchSize, _ target: String) -> String {
        size.name == "M" ? target : "(M only)"
    }

    func printTable() {
        let header = ["benchmark", "size", "row order", "wall", "figure", "peak memory", "baseline", "ratio", "target", "met"]
        let table = rows.map {
            [$0.benchmark, $0.size, $0.order, $0.seconds.map { String(format: "%.3f s", $0) } ?? "", $0.figure,
             $0.peakBytes.map(Self.mb) ?? "", $0.baseline, $0.ratio, $0.target, $0.met.map { $0 ? "met" : "NOT met" } ?? ""]
        }
        var widths = header.map(\.count)
        for r in table { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |"
        }
        if !table.isEmpty {
            print(line(header))
            print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
            for r in table { print(line(r)) }
        }
        for n in notes { print(n) }
    }
}
