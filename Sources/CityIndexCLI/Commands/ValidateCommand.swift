import ArgumentParser
import CityIndexCore
import CityIndexFormats

/// `cityindex validate`: check a criteria set, and optionally a data file against it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a criteria set (and a data file against it) without touching the store.",
        discussion: """
            Reports every problem with its file:line:column and criteria path: unknown keys or \
            methods, duplicate ids, unresolvable parents or denominators, cycles, non-positive weights.

            Examples:
              cityindex validate --criteria Indicators/hdi.yaml
              cityindex validate --criteria Indicators/hdi.yaml --data inputs-2022.csv \\
                  --period 2022
            """
    )

    @OptionGroup var input: InputOptions

    func run() throws {
        guard let criteriaPath = input.criteria else {
            throw ValidationError("missing --criteria FILE: the criteria set to check")
        }
        let console = Console.current
        let criteria = try LoadedCriteria.load(path: criteriaPath, registryPath: input.registry, targetsPath: input.targets, only: input.only)
        for w in criteria.warnings { console.error("warning: \(w)") }
        let set = criteria.set
        let scored = set.scoredIndicatorIndices.count
        let aggregates = set.nodes.filter { !$0.isIndicator }.count
        var extras = set.view.map { "; view \"\($0.tag)\": \($0.indicatorsKept) of \($0.indicatorsInSet) scored indicators" } ?? ""
        if let file = set.targets.file { extras += "; \(set.targets.entries.count) targets from \(file)" }
        console.write("\(criteriaPath): criteria set \"\(set.id)\" is valid: \(scored) scored indicators, \(aggregates) aggregates\(extras)\n")
        for path in input.data {
            let reader = ObservationFileReader(
                options: input.readOptions, indicatorIDs: Set(set.indicatorIDs), defaultPeriod: input.parsedPeriod)
            let file = try reader.read(path: path)
            if !criteria.registries.isEmpty {
                let matcher = UnitMatcher(units: criteria.knownUnits)
                var bad: [BadRow] = []
                var seen = Set<String>()
                for r in file.records where seen.insert(r.unitKey).inserted {
                    if case let .notFound(suggestion) = matcher.match(r.unitKey, name: r.unitName) {
                        let hint = suggestion.map { ": did you mean \"\($0)\"?" } ?? ""
                        bad.append(BadRow(file: path, line: r.line, column: 1, message: "unit \"\(r.unitKey)\" is not in the unit registry\(hint)"))
                    }
                }
                if !bad.isEmpty { throw ObservationFileError.badRows(bad) }
            }
            let periods = Set(file.records.map(\.period)).sorted().map(\.description).joined(separator: ", ")
            let units = Set(file.records.map(\.unitKey)).count
            console.write("\(path): \(file.layout) layout, \(file.records.count) values for \(units) units, periods \(periods)\n")
        }
    }
}
