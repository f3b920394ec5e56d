import ArgumentParser
import CityIndexCore
import CityIndexFormats
import CityIndexStore
import Foundation

/// `cityindex runs`: the scoring runs kept in the store.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List stored scoring runs, or show one.",
        discussion: """
            Every score and report run is stored with the criteria set's SHA-256, the data's \
            SHA-256 and its options, so a published rank can be traced to what produced it.

            Examples:
              cityindex runs
              cityindex runs --show 3
              cityindex runs --diff 3 7      # what changed between two runs (a correction)
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var csv: CSVDialectOption

    @Option(help: ArgumentHelp("Show the index ranking of one run.", valueName: "id"))
    var show: Int64?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Compare two runs: every score or rank that differs.", valueName: "old new"))
    var diff: [Int64] = []

    func validate() throws {
        if !diff.isEmpty && diff.count != 2 { throw ValidationError("--diff takes two run ids: --diff OLD NEW") }
    }

    func run() throws {
        let store = try Store(path: store.path)
        var writer = CSVWriter(dialect: csv.dialect)
        if diff.count == 2 {
            guard let old = try store.run(id: diff[0]) else { throw CLIError("no run \(diff[0]) in \(store.path): see `cityindex runs`") }
            guard let new = try store.run(id: diff[1]) else { throw CLIError("no run \(diff[1]) in \(store.path): see `cityindex runs`") }
            let changes = RunDiff(old: old, new: new)
            Console.current.error(changes.summary)
            writer.writeHeader(["period", "unit", "node", "old_score", "new_score", "old_rank", "new_rank"])
            for c in changes.rows {
                writer.writeRow([
                    .text(c.period.description), .text(c.unit), .text(c.node),
                    c.oldScore.map { .number($0) } ?? .empty, c.newScore.map { .number($0) } ?? .empty,
                    c.oldRank.map { .integer($0) } ?? .empty, c.newRank.map { .integer($0) } ?? .empty,
                ])
            }
        } else if let id = show {
            guard let run = try store.run(id: id) else { throw CLIError("no run \(id) in \(store.path): see `cityindex runs`") }
            Console.current.error("run \(id): \(run.criteriaID) \(run.criteriaVersion), criteria sha256 \(run.criteriaSHA256), data sha256 \(run.dataSHA256), \(run.options)")
            writer.writeHeader(["period", "unit", "node", "score", "rank", "flags"])
            for r in run.results {
                writer.writeRow([
                    .text(r.period.description), .text(r.unit), .text(r.node),
                    r.score.map { .number($0) } ?? .empty, r.rank.map { .integer($0) } ?? .empty, .text(r.flags),
                ])
            }
        } else {
            writer.writeHeader(["id", "created_at", "criteria", "version", "periods", "criteria_sha256", "data_sha256", "results"])
            for r in try store.runs() {
                writer.writeRow([
                    .integer(Int(r.id)), .text(ISO8601DateFormatter().string(from: r.createdAt)), .text(r.criteriaID), .text(r.criteriaVersion),
                    .text(r.periods.map(\.description).joined(separator: " ")), .text(r.criteriaSHA256),
                    .text(r.dataSHA256), .integer(r.resultCount),
                ])
            }
        }
        Console.current.write(writer.text)
    }
}
