import ArgumentParser
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
        let loaded = try CriteriaLoader().load(path: criteria)
        let text: String
        switch to {
        case .yaml: text = CriteriaWriter.yaml(loaded.set)
        case .table: text = try CriteriaWriter.table(loaded.set, groups: loaded.groups)
        }
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            Console.current.error("wrote \(output)")
        } else {
            Console.current.write(text)
        }
        if let wrapper, to == .table {
            let table = output.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "table.csv"
            try Data(CriteriaWriter.yaml(loaded.set, table: table).utf8).write(to: URL(fileURLWithPath: wrapper), options: .atomic)
            Console.current.error("wrote \(wrapper)")
        }
    }
}
