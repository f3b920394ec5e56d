import ArgumentParser
import CityIndexEngine
import CityIndexCore
import CityIndexFormats
import CityIndexStore

/// `cityindex units`: the units a criteria set knows, or the units in the store.
struct UnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "List the units of a criteria set's registries (with validity and successors) or of the store.",
        discussion: """
            With --criteria, lists every unit of the registries the set names, with the dates it was \
            in force and the units it became part of (the crosswalk); with --in P, only the units in \
            force at the end of period P. Without --criteria, lists the units in the store.

            Examples:
              cityindex units --criteria Indicators/qd2244-provinces.yaml --in 2025
              cityindex units --criteria Indicators/qd2244-provinces.yaml --in 2024
            """
    )

    @Option(help: ArgumentHelp("The criteria set whose registries to list.", valueName: "file"))
    var criteria: String?

    @Option(name: .customLong("in"), help: ArgumentHelp("Only the units in force at the end of this period.", valueName: "period"))
    var period: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var csv: CSVDialectOption

    func validate() throws {
        if let period, Period(period) == nil {
            throw ValidationError("--in \"\(period)\" is not a period: expected 2024, 2024-H1, 2024-Q3 or 2024-07")
        }
    }

    func run() throws {
        Console.current.write(try Engine.forCommand().units(criteria: criteria, store: store.path, period: period.flatMap(Period.init), dialect: csv.dialect))
    }
}
