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
        writer.writeHeader(["id", "created_at", "criteria", "version", "periods", "options", "criteria_sha256", "data_sha256", "results"])
        for r in try store.runs() {
            writer.writeRow([
                .integer(Int(r.id)), .text(ISO8601DateFormatter().string(from: r.createdAt)), .text(r.criteriaID), .text(r.criteriaVersion),
                .text(r.periods.map(\.description).joined(separator: " ")), .text(r.options), .text(r.criteriaSHA256),
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

    /// `runs --prune`: deletes the runs not kept (all but the newest `keepLast`, and those made
    /// before `before`) and gives the space back.
    ///
    /// - Returns: a one-line summary.
    public func pruneRuns(store path: String, keepLast: Int?, before: Date?) throws -> String {
        let store = try Store.existing(at: path)
        let deleted = try store.pruneRuns(keepLast: keepLast, before: before)
        return "deleted \(deleted) run(s); \(try store.runs().count) kept"
    }

    /// `runs --diff OLD NEW`: every score or rank that differs, as CSV; the summary goes to the events.
    public func diffRuns(store path: String, old: Int64, new: Int64, dialect: CSVDialect) throws -> String {
        let store = try Store.existing(at: path)
        guard let a = try store.run(id: old) else { throw EngineError("no run \(old) in \(store.path): see `cityindex runs`") }
        guard let b = try store.run(id: new) else { throw EngineError("no run \(new) in \(store.path): see `cityindex runs`") }
        let changes = RunDiff(old: a, new: b)
        events(.note(changes.summary))
        // Which values changed between the two runs' data.
        if a.dataSHA256 != b.dataSHA256, let from = a.lastImportID, let to = b.lastImportID {
            let indicators = Array(Set(a.results.map(\.node)).union(b.results.map(\.node))).sorted()
            let (low, high) = from <= to ? (from, to) : (to, from)
            let values = try store.changedValues(after: low, upTo: high, indicators: indicators)
            if values.isEmpty {
                events(.note("the data differ, but no import between the two runs changed a value of this set (a value was removed, or other periods were imported)"))
            } else {
                events(.note("data changed by the imports between the two runs (\(values.count) value(s)):"))
                for v in values.prefix(20) {
                    let before = v.old.map { CSVWriter.field(.number($0), dialect: .data) } ?? "none"
                    events(.note("  \(v.period) \(v.unit) \(v.indicator): \(before) → \(CSVWriter.field(.number(v.new), dialect: .data)) (\(v.file))"))
                }
                if values.count > 20 { events(.note("  … and \(values.count - 20) more")) }
            }
        }
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
