import CityIndexCore
import CityIndexFormats
import CityIndexStore
import Foundation

/// What `score` and `report` share: load the set, import the data, score a period, store the run.
struct ScoringSession {
    var criteria: LoadedCriteria
    var store: Store
    var console: Console

    /// Loads the criteria set and opens the store.
    init(input: InputOptions, storePath: String, criteriaPath: String) throws {
        criteria = try LoadedCriteria.load(path: criteriaPath, registryPath: input.units)
        store = try Store(path: storePath)
        console = Console.current
        for w in criteria.warnings { console.error("warning: \(w)") }
    }

    /// Imports every data file (each in its own transaction), reporting to standard error.
    func importData(_ input: InputOptions) throws {
        let importer = DataImporter(
            criteria: criteria, store: store, readOptions: input.readOptions, defaultPeriod: input.parsedPeriod,
            replace: input.replace)
        for path in input.data {
            let summary = try importer.run(path: path)
            console.error("\(path): \(summary)")
        }
    }

    /// The period to score: the one asked for, else the latest with data for the set.
    func period(_ asked: Period?) throws -> Period {
        if let asked { return asked }
        let periods = Set(try store.observations(indicators: criteria.set.indicatorIDs, periods: nil).map(\.period)).sorted()
        guard let latest = periods.last else {
            throw CLIError("the store \(store.path) has no data for criteria set \"\(criteria.set.id)\": import some with --data FILE")
        }
        return latest
    }

    /// Scores `period`, prints warnings, stores the run; returns the result, the data sources and the run id.
    func score(period: Period, options: String) throws -> (result: ScoreResult, sources: [String], runID: Int64) {
        let built = try PeriodDataBuilder(criteria: criteria, store: store).build(period: period)
        let result = try Scorer(criteria: criteria.set).score(built.data)
        for w in result.warnings {
            if case .treated = w { continue }  // reported in report.md, not a warning
            console.error("warning: \(period): \(w)")
        }
        let rows = RunRows.make(result)
        let run = RunRecord(
            createdAt: Date(), criteriaID: criteria.set.id, criteriaVersion: criteria.set.version ?? "",
            criteriaSHA256: criteria.sha256, dataSHA256: built.sha256, periods: [period], options: options,
            toolVersion: ToolInfo.version, results: rows)
        let id = try store.saveRun(run)
        return (result, built.sources, id)
    }
}

/// A result as the rows of the store's `run_result` table.
enum RunRows {
    static func make(_ result: ScoreResult) -> [RunResultRow] {
        var rows: [RunResultRow] = []
        for n in result.criteria.nodes.indices where result.criteria.isScored(n) {
            for u in result.units.indices {
                rows.append(RunResultRow(
                    period: result.period, unit: result.units[u].code, node: result.criteria.nodes[n].id,
                    score: result.score(node: n, unit: u), rank: result.rank(node: n, unit: u),
                    flags: result.flags(node: n, unit: u).text))
            }
        }
        return rows
    }
}
