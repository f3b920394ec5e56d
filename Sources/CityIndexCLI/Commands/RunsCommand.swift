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
            Every score and report run is stored with the criteria set's SHA-256, the data's
            SHA-256 and its options, so a published rank can be traced to what produced it.

            Examples:
              cityindex runs
              cityindex runs --show 3
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Show the index ranking of one run.", valueName: "id"))
    var show: Int64?

    func run() throws {
        let store = try Store(path: store.path)
        var writer = CSVWriter(dialect: .data)
        if let id = show {
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
