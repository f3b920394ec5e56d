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
              cityindex runs --prune --keep 10
              cityindex runs --prune --before 2026-01-01

            A run whose criteria set, data and options were scored before is not stored again: \
            the command says it reused that run.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var csv: CSVDialectOption

    @Option(help: ArgumentHelp("Show the index ranking of one run.", valueName: "id"))
    var show: Int64?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Compare two runs: every score or rank that differs.", valueName: "old new"))
    var diff: [Int64] = []

    @Flag(help: "Delete stored runs: all but the newest --keep N, and those made before --before DATE.")
    var prune = false

    @Option(help: ArgumentHelp("With --prune: how many of the newest runs to keep.", valueName: "n"))
    var keep: Int?

    @Option(help: ArgumentHelp("With --prune: delete the runs made before this day.", valueName: "yyyy-mm-dd"))
    var before: String?

    func validate() throws {
        if !diff.isEmpty && diff.count != 2 { throw ValidationError("--diff takes two run ids: --diff OLD NEW") }
        if prune && keep == nil && before == nil { throw ValidationError("--prune needs --keep N or --before YYYY-MM-DD (or both): which runs to keep") }
        if !prune && (keep != nil || before != nil) { throw ValidationError("--keep and --before go with --prune") }
        if let keep, keep < 0 { throw ValidationError("--keep \(keep): expected 0 or more") }
        if let before, Self.day(before) == nil { throw ValidationError("--before \"\(before)\" is not a day: expected YYYY-MM-DD") }
    }

    /// `YYYY-MM-DD` as the start of that day, UTC.
    static func day(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return text.count == 10 ? formatter.date(from: text) : nil
    }

    func run() throws {
        let engine = Engine.forCommand()
        if prune {
            Console.current.error(try engine.pruneRuns(store: store.path, keepLast: keep, before: before.flatMap(Self.day)))
        } else if diff.count == 2 {
            Console.current.write(try engine.diffRuns(store: store.path, old: diff[0], new: diff[1], dialect: csv.dialect))
        } else if let id = show {
            Console.current.write(try engine.showRun(store: store.path, id: id, dialect: csv.dialect))
        } else {
            Console.current.write(try engine.listRuns(store: store.path, dialect: csv.dialect))
        }
    }
}
