import CityIndexCore
import CityIndexFormats
import CityIndexReports
import CityIndexStore
import Foundation

/// Scoring and reports from a store: every period read as a matrix from the integer keys,
/// scored on its own worker (all cores), `ranking.csv` and `scores.csv` written per period.
enum ScorePipeline {
    /// Scores every period of `storePath` for the set at `criteriaPath`; writes under `out/<period>/`.
    /// Returns the number of unit × node scores written.
    static func run(storePath: String, criteriaPath: String, out: String) throws -> Int {
        let set = try CriteriaLoader().load(path: criteriaPath).set
        let store = try Store(path: storePath)
        let periods = try store.periods(indicators: set.indicatorIDs)
        let names = Dictionary(try store.units().map { ($0.code, $0.name ?? $0.code) }, uniquingKeysWith: { a, _ in a })
        let ids = set.indicatorIDs
        let scorer = Scorer(criteria: set)
        let language = set.language
        let box = Results(count: periods.count)
        DispatchQueue.concurrentPerform(iterations: periods.count) { k in
            do {
                // A store is one connection: one per worker.
                let local = try Store(path: storePath)
                let m = try local.matrix(period: periods[k], indicators: ids)
                // The store's columnar matrix is the scorer's layout: handed over without a copy per value.
                let data = PeriodData(
                    period: m.period, units: m.units.map { UnitInfo(code: $0, name: names[$0] ?? $0) }, indicators: ids,
                    values: m.values)
                let result = try scorer.score(data)
                let folder = out + "/" + ReportBundle.safeComponent(result.period.description)
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try RankingTable(result: result, layout: .full, language: language).csv(dialect: .data)
                    .write(toFile: folder + "/ranking.csv")
                // Streamed in chunks: a national panel's scores.csv is ~150 MB per period.
                try ScoresTable(results: [result], language: language).write(toFile: folder + "/scores.csv", dialect: .data)
                box.set(k, .success(result.units.count * result.criteria.nodes.count))
            } catch {
                box.set(k, .failure(error))
            }
        }
        return try box.values().reduce(0, +)
    }

    /// Worker results, written from several threads.
    final class Results: @unchecked Sendable {
        private var items: [Result<Int, any Error>?]
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ k: Int, _ r: Result<Int, any Error>) {
            lock.lock()
            items[k] = r
            lock.unlock()
        }
        func values() throws -> [Int] { try items.map { try ($0 ?? .success(0)).get() } }
    }
}
