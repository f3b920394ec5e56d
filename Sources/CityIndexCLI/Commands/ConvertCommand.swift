import ArgumentParser
import CityIndexFormats
import Foundation

/// `cityindex convert`: a criteria set from YAML to the flat table, or back.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a criteria set between YAML and the flat criteria table (COINr iMeta layout).",
        discussion: """
            The table holds the tree and every node's fields and steps that a column holds \
            (names, units, weights, directions, denominators and their factors, imputation, \
            treatment, transform, normalisation, aggregation method, over-time and combine rules, \
            valid ranges). With --to table, --wrapper writes a YAML side file naming the table \
            (table: x.csv) with the set-level keys and defaults, and under nodes: the steps a \
            column cannot hold (bands, winsorise parameters, aggregation options …); the side \
            file loads to the same set. Standard error says what went where; without --wrapper, a \
            set that needs one is refused.

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
        let console = Console.current
        guard to == .table else { return try write(CriteriaWriter.yaml(loaded.set), to: output, what: "the set in YAML") }
        let export = CriteriaWriter.tableExport(loaded.set, groups: loaded.groups)
        guard wrapper != nil || !export.needsSideFile else {
            throw CLIError(
                "\(criteria): a table alone would lose \(export.sideFileSummary): pass --wrapper FILE to keep them in a YAML side file",
                status: .usage)
        }
        let rows = "the tree (\(loaded.set.nodes.count) nodes) with each node's fields and the steps its columns hold"
        try write(export.table, to: output, what: rows)
        guard let wrapper else { return }
        let tablePath = output.map { path in
            let (table, side) = (URL(fileURLWithPath: path), URL(fileURLWithPath: wrapper))
            let sameFolder = table.deletingLastPathComponent().standardized == side.deletingLastPathComponent().standardized
            return sameFolder ? table.lastPathComponent : table.standardized.path
        } ?? "table.csv"
        try Data(export.sideFile(table: tablePath).utf8).write(to: URL(fileURLWithPath: wrapper), options: .atomic)
        console.error("wrote \(wrapper): \(export.sideFileSummary), naming the table \(tablePath)")
    }

    /// Writes `text` to `path` (saying so with `what` on standard error), or to standard output.
    private func write(_ text: String, to path: String?, what: String) throws {
        guard let path else { return Console.current.write(text) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        Console.current.error("wrote \(path): \(what)")
    }
}
