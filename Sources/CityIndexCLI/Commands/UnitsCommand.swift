import ArgumentParser
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
        var writer = CSVWriter(dialect: csv.dialect)
        if let criteria {
            let loaded = try LoadedCriteria.load(path: criteria)
            guard !loaded.registries.isEmpty else {
                throw CLIError("\(criteria): the criteria set names no unit registry (units: FILE); its units come from the data")
            }
            let day = period.flatMap(Period.init)?.lastDay
            writer.writeHeader(["code", "name", "name_en", "valid_from", "valid_to", "successors", "registry"])
            var seen = Set<String>()
            for registry in loaded.registries {
                for e in registry.entries where seen.insert(e.unit.code + "\u{1}" + (e.validFrom ?? "")).inserted {
                    if let day, !((e.validFrom.map { $0 <= day } ?? true) && (e.validTo.map { $0 >= day } ?? true)) { continue }
                    writer.writeRow([
                        .text(e.unit.code), .text(e.unit.name), .text(e.unit.nameEN ?? ""), .text(e.validFrom ?? ""),
                        .text(e.validTo ?? ""), .text(e.successors.joined(separator: ";")), .text(registry.file),
                    ])
                }
            }
        } else {
            let store = try Store(path: store.path)
            writer.writeHeader(["code", "name", "name_en", "type", "attributes"])
            for u in try store.units() {
                let attributes = u.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
                writer.writeRow([.text(u.code), .text(u.name ?? ""), .text(u.nameEN ?? ""), .text(u.type ?? ""), .text(attributes)])
            }
        }
        Console.current.write(writer.text)
    }
}
