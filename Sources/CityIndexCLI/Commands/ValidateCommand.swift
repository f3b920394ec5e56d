import ArgumentParser
import CityIndexEngine
import CityIndexCore
import CityIndexFormats

/// `cityindex validate`: check a criteria set, and optionally a data file against it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a criteria set (and a data file against it) without touching the store.",
        discussion: """
            Reports every problem with its file:line:column and criteria path: unknown keys or \
            methods, duplicate ids, unresolvable parents or denominators, references to indicators \
            or unit attributes that do not exist (denominate.by, impute.by, combine.by), cycles, \
            non-positive weights.

            With --data, each file goes through exactly the checks of an import (the same code: \
            units by period, numbers, ranges, duplicates, conflicts with the values already in \
            the store), which then rolls back: the store is left byte for byte as it was, and no \
            store file is created.

            Examples:
              cityindex validate --criteria Indicators/hdi.yaml
              cityindex validate --criteria Indicators/hdi.yaml --data inputs-2022.csv \\
                  --period 2022
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let criteria = input.criteria else {
            throw ValidationError("missing --criteria FILE: the criteria set to check")
        }
        let lines = try Engine.forCommand().validate(ImportRequest(
            criteria: criteria, registry: input.registry, store: store.path, data: input.data, options: input.importOptions,
            targets: input.targets, only: input.only))
        for line in lines { Console.current.write(line + "\n") }
    }
}
