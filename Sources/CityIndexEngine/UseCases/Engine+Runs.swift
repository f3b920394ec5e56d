import CityIndexCore
import CityIndexFormats
import CityIndexReports
import CityIndexStore
import Foundation

extension Engine {
    /// `runs`: the stored runs as CSV.
    public func listRuns(store path: String, dialect: CSVDialect) throws -> String {
        let store = try Store.existing(at: path)
        var writer = CSVWriter(dialect: dialect)
        writer.writeHeader(["id", "created_at", "criteria", "version", "periods", "criteria_sha256", "data_sha256", "results"])
        for r in try store.runs() {
            writer.writeRow([
                .integer(Int(r.id)), .text(ISO8601DateFormatter().string(from: r.createdAt)), .text(r.criteriaID), .text(r.criteriaVersion),
                .text(r.periods.map(\.description).joined(separator: " ")), .text(r.criteriaSHA256),
                .text(r.dataSHA256), .integer(r.resultCount),
            ])
        }
        return writer.text
    }

    /// `runs --show ID`: one run's results as CSV; its provenance goes to the events.
    public func showRun(store path: String, id: Int64, dialect: CSVDialect) throws -> String {
        let store = try Store.existing(at: path)
        guard let run = try store.run(id: id) else { throw EngineError("no run \(id) in \(store.path): see `cityindex runs`") }
        events(.note("run \(id): \(run.criteriaID) \(run.criteriaVersion), criteria sha256 \(run.criteriaSHA256), data sha256 \(run.dataSHA256), \(run.options)"))
        var writer = CSVWriter(dialect: dialect)
        writer.writeHeader(["period", "unit", "node", "score", "rank", "flags"])
        let score = NumberKind.score(precision: run.precision)
        for r in run.results {
            writer.writeRow([
                .text(r.period.description), .text(r.unit), .text(r.node),
                score.cell(r.score), r.rank.map { .integer($0) } ?? .empty, .text(r.flags),
            ])
        }
        return writer.text
    }

    /// `runs --diff OLD NEW`: every score or rank that differs, as CSV; the summary goes to the events.
    public func diffRuns(store path: String, old: Int64, new: Int64, dialect: CSVDialect) throws -> String {
        let store = try Store.existing(at: path)
        guard let a = try store.run(id: old) else { throw EngineError("no run \(old) in \(store.path): see `cityindex runs`") }
        guard let b = try store.run(id: new) else { throw EngineError("no run \(new) in \(store.path): see `cityindex runs`") }
        let changes = RunDiff(old: a, new: b)
        events(.note(changes.summary))
        var writer = CSVWriter(dialect: dialect)
        writer.writeHeader(["period", "unit", "node", "old_score", "new_score", "old_rank", "new_rank"])
        let oldScore = NumberKind.score(precision: a.precision), newScore = NumberKind.score(precision: b.precision)
        for c in changes.rows {
            writer.writeRow([
                .text(c.period.description), .text(c.unit), .text(c.node),
                oldScore.cell(c.oldScore), newScore.cell(c.newScore),
                c.oldRank.map { .integer($0) } ?? .empty, c.newRank.map { .integer($0) } ?? .empty,
            ])
        }
        return writer.text
    }
}
