/// One repetition of a size's steps in one row order: each step's child process, and the
/// store's size after each.
struct OrderRun {
    var sqlite: ChildRun
    var importRun: ChildRun
    var score: ChildRun
    var scoreAgain: ChildRun
    var report: ChildRun
    var pandas: ChildRun?
    /// The store's bytes (database and WAL) after the import, the score, the score again and
    /// the report.
    var afterImport: Int, afterScore: Int, afterScoreAgain: Int, afterReport: Int
    /// The scores of the run the first score stored, and of the report's run.
    var scoreCount: Int, reportCount: Int
    /// Whether the second score said it reused the first's run.
    var reused: Bool
    /// The report's `ranking.csv` against pandas (``Compare``), when pandas ran.
    var check: String?

    /// Whether the repeated score left the store's size unchanged and said so.
    var storeUnchanged: Bool { afterScore == afterScoreAgain && reused }
}

extension ChildRun {
    /// The fastest of `runs` (the one least disturbed by other work on the machine), with the
    /// greatest peak memory of them all.
    static func fastest(_ runs: [ChildRun]) -> ChildRun {
        var best = runs.min { $0.seconds < $1.seconds }!
        best.peakBytes = runs.map(\.peakBytes).max()!
        return best
    }
}
