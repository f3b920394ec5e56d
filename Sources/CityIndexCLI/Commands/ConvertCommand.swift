import ArgumentParser
import CityIndexEngine
import CityIndexFormats
import Foundation

/// `cityindex convert`: a criteria set from YAML to the flat table, or back.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a criteria set between YAML and the flat criteria table (COINr iMeta layout).",
        discussion: """
            The table holds the tree, weights, directions, denominators and simple steps; set-level \
            keys and richer steps stay in YAML (write `--to table --output x.csv` and keep a YAML \
            wrapper with `table: x.csv`, which `--wrapper` writes for you).

            Examples:
              cityindex convert --criteria Indicators/asem.yaml --to table \\
                  --output asem.csv --wrapper asem-wrapper.yaml
              cityindex convert --criteria iMeta.csv --to yaml --output asem.yaml
            """
    )

    enum Target: String, ExpressibleByArgument, CaseIterable { case yaml, table }

    @Option(help: ArgumentHelp("The criteria set to convert (YAML or table).", valueName: "file"))
    var criteria: String

    @Option(help: "What to write: yaml or table.")
    var to: Target

    @Option(help: ArgumentHelp("Output file (default: standard output).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("With --to table: also write a YAML wrapper holding the set-level keys.", valueName: "file"))
    var wrapper: String?

    func run() throws {
        let outcome = try Engine.forCommand().convert(criteria: criteria, toTable: to == .table, output: output, wrapper: wrapper)
        if let text = outcome.text { Console.current.write(text) }
        for line in outcome.written { Console.current.error(line) }
    }
}
