import ArgumentParser
import CityIndexEngine
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
        let engine = Engine.forCommand()
        if diff.count == 2 {
            Console.current.write(try engine.diffRuns(store: store.path, old: diff[0], new: diff[1], dialect: csv.dialect))
        } else if let id = show {
            Console.current.write(try engine.showRun(store: store.path, id: id, dialect: csv.dialect))
        } else {
            Console.current.write(try engine.listRuns(store: store.path, dialect: csv.dialect))
        }
    }
}
