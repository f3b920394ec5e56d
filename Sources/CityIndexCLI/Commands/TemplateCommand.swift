import ArgumentParser
import CityIndexEngine
import CityIndexCore
import CityIndexFormats
import CityIndexStore
import Foundation

/// `cityindex template`: an empty data-entry sheet for a criteria set, as CSV and as a workbook.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write an empty data-entry sheet for a criteria set (template.csv, template.xlsx).",
        discussion: """
            One row per unit (of the set's unit registry, else of the store), one column per \
            indicator: scored ones in tree order, then data-only ones. In template.xlsx two rows \
            above the header give each indicator's name and unit of measure in the --lang \
            language; the importer skips them, so the data sheet imports as it is once filled \
            in. Directions and pillars are in template-notes.csv and the workbook's "notes" sheet.

            Examples:
              cityindex template --criteria Indicators/qd2244-provinces.yaml --period 2025
              cityindex import --criteria Indicators/qd2244-provinces.yaml \\
                  --data template.xlsx
            """
    )

    @Option(name: .long, help: ArgumentHelp("The criteria set: a YAML file or a flat criteria table.", valueName: "file"))
    var criteria: String

    @Option(name: .long, help: ArgumentHelp("A unit registry CSV, instead of the one the criteria set names.", valueName: "file"))
    var registry: String?

    @Option(help: ArgumentHelp("Output folder (default: the current folder).", valueName: "folder"))
    var out: String = "."

    @Option(help: ArgumentHelp("Fill the period column with this period: 2024, 2024-H1, 2024-Q3, 2024-07.", valueName: "period"))
    var period: String?

    @Option(help: "CSV dialect of template.csv and template-notes.csv: data, excel or excel-vi.")
    var csvDialect: CSVDialect = .data

    @Option(help: "Language of unit and indicator names: vi or en (default: the criteria set's).")
    var lang: Language?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let period, Period(period) == nil {
            throw ValidationError("--period \"\(period)\" is not a period: expected 2024, 2024-H1, 2024-Q3 or 2024-07")
        }
    }

    func run() throws {
        let written = try Engine.forCommand().template(
            criteria: criteria, registry: registry, store: store.path, out: out, period: period.flatMap(Period.init),
            dialect: csvDialect, language: lang)
        for path in written { Console.current.write(path + "\n") }
    }
}
