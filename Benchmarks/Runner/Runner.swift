import Foundation

/// One line of the results table.
struct Row {
    var benchmark: String
    var size: String
    var seconds: Double
    var throughput: String
    var peakBytes: Int
    var baseline: String = ""
    var ratio: String = ""
}

/// Runs the suites and prints the table.
struct Runner {
    var options: BenchOptions
    var rows: [Row] = []
    var notes: [String] = []
    /// Per size, for the growth summary (README item 5).
    var growth: [Growth] = []
    let me = Bundle.main.executablePath ?? CommandLine.arguments[0]
    let repository: String = {
        // Benchmarks/baselines sits beside the sources; the runner is started from the package root.
        FileManager.default.currentDirectoryPath
    }()

    init(options: BenchOptions) { self.options = options }

    mutating func run() throws {
        try FileManager.default.createDirectory(atPath: options.work, withIntermediateDirectories: true)
        if options.suites.contains("scale") {
            for size in options.sizes { try scale(size) }
            if options.real { try real() }
        }
        if options.suites.contains("sensitivity") {
            for line in runSensitivityBenchmarks() { notes.append("sensitivity: " + line) }
        }
        printTable()
    }

    func log(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

    func child(_ args: [String], log name: String) throws -> ChildRun {
        let r = try spawn([me] + args, stdoutPath: options.work + "/" + name + ".log")
        guard r.status == 0 else {
            throw BenchError("\(args[0]) failed (exit \(r.status)); see \(options.work)/\(name).log")
        }
        return r
    }

    static func rate(_ n: Int, _ s: Double) -> String {
        let r = Double(n) / s
        return r >= 1e6 ? String(format: "%.2f M rows/s", r / 1e6) : String(format: "%.0f k rows/s", r / 1e3)
    }

    mutating func scale(_ size: BenchSize) throws {
        let gen = Generator(size: size, folder: options.work)
        let fresh = !FileManager.default.fileExists(atPath: gen.dataPath)
        log("[\(size.name)] generating (cached: \(!fresh)) …")
        let g = try child(["child-gen", size.name, options.work], log: "gen-\(size.name)")
        let n = try gen.rows()
        if fresh {
            rows.append(Row(benchmark: "generate CSV", size: size.name, seconds: g.seconds, throughput: Self.rate(n, g.seconds), peakBytes: g.peakBytes))
        }

        // sqlite3 shell baseline: .import of the same file into an equivalent keyed table.
        let sqliteDB = options.work + "/sqlite3-\(size.name).sqlite"
        Child.removeStore(sqliteDB)
        log("[\(size.name)] sqlite3 .import of \(n) rows …")
        let sq = try spawn(
            ["sqlite3", "-cmd",
             "CREATE TABLE t(unit TEXT, indicator TEXT, period TEXT, value REAL, PRIMARY KEY(unit, indicator, period)) WITHOUT ROWID;",
             sqliteDB, ".import --csv --skip 1 \(gen.dataPath) t"],
            stdoutPath: options.work + "/sqlite3-\(size.name).log")
        guard sq.status == 0 else { throw BenchError("sqlite3 failed (exit \(sq.status))") }
        Child.removeStore(sqliteDB)

        let db = options.work + "/store-\(size.name).sqlite"
        log("[\(size.name)] cityindex import …")
        let im = try child(["child-import", gen.criteriaPath, gen.dataPath, db], log: "import-\(size.name)")
        rows.append(Row(benchmark: "sqlite3 .import (baseline)", size: size.name, seconds: sq.seconds, throughput: Self.rate(n, sq.seconds), peakBytes: sq.peakBytes))
        rows.append(Row(
            benchmark: "cityindex import", size: size.name, seconds: im.seconds, throughput: Self.rate(n, im.seconds),
            peakBytes: im.peakBytes, baseline: "sqlite3 .import",
            ratio: String(format: "%.2f× rows/s", sq.seconds / im.seconds)))

        let out = options.work + "/reports-\(size.name)"
        try? FileManager.default.removeItem(atPath: out)
        log("[\(size.name)] scoring + ranking.csv/scores.csv …")
        let sc = try child(["child-score", gen.criteriaPath, db, out], log: "score-\(size.name)")
        growth.append(Growth(
            size: size.name, values: n, importSeconds: im.seconds, importPeak: im.peakBytes,
            scoreSeconds: sc.seconds, scorePeak: sc.peakBytes))
        let scoreRow = Row(
            benchmark: "score + reports", size: size.name, seconds: sc.seconds,
            throughput: String(format: "%.1f M values/s", Double(n) / sc.seconds / 1e6), peakBytes: sc.peakBytes)

        if options.pandas {
            log("[\(size.name)] pandas baseline …")
            let result = options.work + "/pandas-\(size.name).csv"
            let py = try spawn(
                ["python3", repository + "/Benchmarks/baselines/pandas_baseline.py", "--db", db, "--tree", gen.treePath, "--out", result],
                stdoutPath: options.work + "/pandas-\(size.name).log")
            guard py.status == 0 else { throw BenchError("pandas baseline failed (exit \(py.status)); pip install pandas numpy") }
            let check = try Compare.rankings(cityindex: out, pandas: result)
            var s = scoreRow
            s.baseline = "pandas"
            s.ratio = String(format: "%.1f× faster", py.seconds / sc.seconds)
            rows.append(s)
            rows.append(Row(benchmark: "pandas/numpy (baseline)", size: size.name, seconds: py.seconds, throughput: String(format: "%.1f M values/s", Double(n) / py.seconds / 1e6), peakBytes: py.peakBytes))
            let e2e = im.seconds + sc.seconds
            let e2ePandas = sq.seconds + py.seconds
            rows.append(Row(
                benchmark: "end to end (import+score)", size: size.name, seconds: e2e, throughput: Self.rate(n, e2e),
                peakBytes: max(im.peakBytes, sc.peakBytes), baseline: "sqlite3+pandas",
                ratio: String(format: "%.1f× faster", e2ePandas / e2e)))
            notes.append("\(size.name): results equal to pandas: \(check)")
        } else {
            rows.append(scoreRow)
        }

        if size.name == "S" {
            let out2 = options.work + "/reports-S-e2e"
            let e = try child(["child-e2e", gen.criteriaPath, gen.dataPath, options.work + "/store-S-e2e.sqlite", out2], log: "e2e-S")
            rows.append(Row(
                benchmark: "S process start → reports", size: "S", seconds: e.seconds, throughput: Self.rate(n, e.seconds),
                peakBytes: e.peakBytes, baseline: "target 0.2 s", ratio: String(format: "%.2f× of target", e.seconds / 0.2)))
        }
    }

    mutating func real() throws {
        let gso = repository + "/../shared/data/vn/gso-province-tables-1995-2016.csv"
        guard FileManager.default.fileExists(atPath: gso) else {
            notes.append("real: \(gso) not found, skipped")
            return
        }
        let conv = try RealData.convert(gso: gso, folder: options.work)
        let db = options.work + "/store-GSO.sqlite"
        let im = try child(["child-import", conv.criteria, conv.data, db], log: "import-GSO")
        let out = options.work + "/reports-GSO"
        try? FileManager.default.removeItem(atPath: out)
        let sc = try child(["child-score", conv.criteria, db, out], log: "score-GSO")
        rows.append(Row(benchmark: "GSO tables: import", size: "real", seconds: im.seconds, throughput: Self.rate(conv.rows, im.seconds), peakBytes: im.peakBytes))
        rows.append(Row(benchmark: "GSO tables: score + reports", size: "real", seconds: sc.seconds, throughput: "\(conv.periods) periods", peakBytes: sc.peakBytes))
        notes.append("real: \(conv.rows) values from \(conv.indicators) GSO items, 63 provinces, \(conv.periods) years (\(conv.skipped) source rows skipped: no code, no year, empty value or repeated)")
    }

    func printTable() {
        let header = ["benchmark", "size", "wall", "throughput", "peak memory", "baseline", "ratio"]
        let table = rows.map {
            [$0.benchmark, $0.size, String(format: "%.3f s", $0.seconds), $0.throughput,
             String(format: "%.0f MB", Double($0.peakBytes) / 1e6), $0.baseline, $0.ratio]
        }
        var widths = header.map(\.count)
        for r in table { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |"
        }
        print(line(header))
        print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
        for r in table { print(line(r)) }
        for n in notes { print(n) }
        printGrowth()
    }

    /// Growth from size to size: time and peak memory of import and of score + reports, per
    /// million values, so that a linear pipeline shows flat columns.
    func printGrowth() {
        guard !growth.isEmpty else { return }
        print("")
        print("growth (per million values; flat columns mean linear growth):")
        print("| size | values     | import s | import s/M | import MB | score s | score s/M | score MB | score B/value |")
        print("|------|------------|----------|------------|-----------|---------|-----------|----------|---------------|")
        for g in growth {
            let m = Double(g.values) / 1e6
            print(
                "| " + [
                    g.size.padding(toLength: 4, withPad: " ", startingAt: 0),
                    String(g.values).padding(toLength: 10, withPad: " ", startingAt: 0),
                    String(format: "%8.3f", g.importSeconds), String(format: "%10.3f", g.importSeconds / m),
                    String(format: "%9.0f", Double(g.importPeak) / 1e6), String(format: "%7.3f", g.scoreSeconds),
                    String(format: "%9.3f", g.scoreSeconds / m), String(format: "%8.0f", Double(g.scorePeak) / 1e6),
                    String(format: "%13.1f", Double(g.scorePeak) / Double(max(g.values, 1))),
                ].joined(separator: " | ") + " |")
        }
    }
}

/// One size's import and scoring figures for the growth summary.
struct Growth {
    var size: String
    var values: Int
    var importSeconds: Double
    var importPeak: Int
    var scoreSeconds: Double
    var scorePeak: Int
}
