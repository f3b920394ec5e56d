import ArgumentParser
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
            indicator: scored ones in tree order, then data-only ones. Units of measure and \
            directions are in template-notes.csv and in the workbook's "notes" sheet, so the data \
            sheet imports as it is once filled in.

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
        let loaded = try LoadedCriteria.load(path: criteria, registryPath: registry)
        let set = loaded.set
        let language = lang ?? set.language
        var units: [UnitInfo]
        if let registry = loaded.registry {
            // Units still in force (no end date), else every unit the registry lists.
            let current = registry.entries.filter { $0.validTo == nil }.map(\.unit)
            units = current.isEmpty ? registry.units : current
        } else if FileManager.default.fileExists(atPath: store.path) {
            units = try Store(path: store.path).units().map { UnitInfo(code: $0.code, name: $0.name ?? $0.code, nameEN: $0.nameEN) }
        } else {
            units = []
        }
        if units.isEmpty {
            Console.current.error("warning: no units: the set names no unit registry and the store has none; the template has no rows (add --registry FILE)")
        }
        let template = DataTemplate(criteria: set, units: units, period: period, language: language)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let csvPath = (out as NSString).appendingPathComponent("template.csv")
        let notesPath = (out as NSString).appendingPathComponent("template-notes.csv")
        let xlsxPath = (out as NSString).appendingPathComponent("template.xlsx")
        try template.csv(dialect: csvDialect).write(toFile: csvPath)
        try template.notesCSV(dialect: csvDialect).write(toFile: notesPath)
        try template.workbook().write(toFile: xlsxPath)
        for path in [csvPath, notesPath, xlsxPath] { Console.current.write(path + "\n") }
    }
}
