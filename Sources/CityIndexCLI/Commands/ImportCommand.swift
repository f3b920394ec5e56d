import ArgumentParser
import CityIndexEngine
import CityIndexStore

/// `cityindex import`: load observation files into the store.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import observation files into the store, all rows or none.",
        discussion: """
            Layouts: long (unit,indicator,period,value[,source,note][,quality,verified]), wide \
            (unit[,name][,period], one column per indicator; other columns are unit attributes), \
            units × periods (one indicator, --indicator) and COINr iData. A quality column gives \
            U4SSC's data-quality level (measured, survey, higher-level, assumption, estimate, \
            unknown, or 1-6), a verified column yes or no. \
            Units match by code, or by name ignoring case, diacritics and "Tỉnh", "Thành phố", "TP.". \
            Re-importing the same file is a no-op; a value that contradicts a stored one is refused \
            unless --replace, and replaced values stay in history; an equal value with another \
            source, note, quality or verified mark takes the new ones (the old ones stay in history).

            Example:
              cityindex import --criteria Indicators/qd2244-provinces.yaml \\
                  --data Indicators/demo/qd2244-demo.csv
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let criteria = input.criteria else {
            throw ValidationError("missing --criteria FILE: imports are checked against a criteria set's indicators")
        }
        guard !input.data.isEmpty else { throw ValidationError("missing --data FILE: the observation file to import") }
        try Engine.forCommand(importsToOutput: true).importFiles(ImportRequest(
            criteria: criteria, registry: input.registry, store: store.path, data: input.data, options: input.importOptions,
            targets: input.targets, only: input.only))
    }
}
