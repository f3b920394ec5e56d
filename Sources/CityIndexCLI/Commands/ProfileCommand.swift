import ArgumentParser
import CityIndexEngine
import CityIndexAnalysis
import CityIndexCore
import CityIndexReports

/// `cityindex profile`: one unit's page.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Print one unit's profile: score and rank at every level, strengths, weaknesses, what it takes to climb.",
        discussion: """
            The unit is given by code or by name. Without --criteria, runs on the shipped demo. \
            `cityindex report --profiles` writes one profile per unit under profiles/.

            Examples:
              cityindex profile 48
              cityindex profile "Đà Nẵng" --lang en
            """
    )

    @Argument(help: ArgumentHelp("The unit (code or name).", valueName: "unit"))
    var unit: String

    @OptionGroup var input: InputOptions
    @OptionGroup var periods: PeriodOptions
    @OptionGroup var store: StoreOptions

    @Option(help: "Language of labels, names and numbers: vi or en (default: the criteria set's).")
    var lang: Language?

    @Option(help: "Performance groups: quartiles (by rank), papi (by score quartiles) or none (default: the criteria set's groups, else quartiles).")
    var groups: ReportCommand.GroupsChoice?

    func run() throws {
        let text = try Engine.forCommand().profile(
            input.scoring(store: store, periods: periods), unit: unit, language: lang, groups: groups.map(\.method))
        Console.current.write(text)
    }
}
