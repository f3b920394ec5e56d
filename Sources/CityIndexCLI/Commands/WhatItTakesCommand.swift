import ArgumentParser
import CityIndexEngine
import CityIndexAnalysis
import CityIndexCore
import CityIndexReports

/// `cityindex what-it-takes`: the change in each indicator that alone reaches a target rank.
struct WhatItTakesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "what-it-takes",
        abstract: "For a unit and a target rank, the value each indicator alone would need (re-scored to prove it).",
        discussion: """
            Values are in each indicator's own unit as reported (before division by population or \
            any other step). Each figure is found on the full method (exactly where it is linear, \
            by bisection otherwise) and verified by scoring again; an indicator that cannot reach \
            the target alone says so. Without --criteria, runs on the shipped demo.

            Examples:
              cityindex what-it-takes 48              # one place up
              cityindex what-it-takes "Cần Thơ" --rank 5 --lang en
            """
    )

    @Argument(help: ArgumentHelp("The unit (code or name).", valueName: "unit"))
    var unit: String

    @Option(help: ArgumentHelp("The rank to reach (default: one place up).", valueName: "n"))
    var rank: Int?

    @OptionGroup var input: InputOptions
    @OptionGroup var periods: PeriodOptions
    @OptionGroup var store: StoreOptions

    @Option(help: "Language of labels, names and numbers: vi or en (default: the criteria set's).")
    var lang: Language?

    func validate() throws {
        if let rank, rank < 1 { throw ValidationError("--rank \(rank) is not a rank: expected 1 or more") }
    }

    func run() throws {
        let text = try Engine.forCommand().whatItTakes(input.scoring(store: store, periods: periods), unit: unit, rank: rank, language: lang)
        Console.current.write(text)
    }
}
