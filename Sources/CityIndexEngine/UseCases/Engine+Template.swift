import CityIndexCore
import CityIndexFormats
import CityIndexStore
import Foundation

extension Engine {
    /// `template`: an empty data-entry sheet for a criteria set (`template.csv`,
    /// `template-notes.csv`, `template.xlsx` under `out`), one row per unit in force at the end
    /// of `period` (without a period: the units still in force), else per unit of the store.
    ///
    /// - Returns: the paths written.
    public func template(
        criteria path: String, registry: String?, store: String, out: String, period: Period?, dialect: CSVDialect,
        language: Language?
    ) throws -> [String] {
        let loaded = try LoadedCriteria.load(path: path, registryPath: registry)
        let set = loaded.set
        var units: [UnitInfo]
        let catalog = loaded.catalog
        if !catalog.isEmpty {
            if let period {
                units = catalog.inForce(on: period.lastDay).map { catalog.entries[$0].unit }
                if units.isEmpty {
                    throw EngineError(
                        "no unit of the registries (\(loaded.registries.map(\.file).joined(separator: ", "))) is in force at the end of \(period) (\(period.lastDay))",
                        kind: .usage)
                }
            } else {
                let current = catalog.entries.filter { $0.validTo == nil }.map(\.unit)
                units = current.isEmpty ? (loaded.registries.first?.units ?? []) : current
            }
        } else if FileManager.default.fileExists(atPath: store) {
            units = try Store(path: store).units().map { UnitInfo(code: $0.code, name: $0.name ?? $0.code, nameEN: $0.nameEN) }
        } else {
            units = []
        }
        if units.isEmpty {
            events(.warning("no units: the set names no unit registry and the store has none; the template has no rows (add --registry FILE)"))
        }
        let template = DataTemplate(criteria: set, units: units, period: period?.description, language: language ?? set.language)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let csvPath = (out as NSString).appendingPathComponent("template.csv")
        let notesPath = (out as NSString).appendingPathComponent("template-notes.csv")
        let xlsxPath = (out as NSString).appendingPathComponent("template.xlsx")
        try template.csv(dialect: dialect).write(toFile: csvPath)
        try template.notesCSV(dialect: dialect).write(toFile: notesPath)
        try template.workbook().write(toFile: xlsxPath)
        return [csvPath, notesPath, xlsxPath]
    }

    /// `units`: the units of a set's registries (with validity and successors; only those in
    /// force at the end of `period` when given), or the store's units without a set.
    public func units(criteria path: String?, store: String, period: Period?, dialect: CSVDialect) throws -> String {
        var writer = CSVWriter(dialect: dialect)
        if let path {
            let loaded = try LoadedCriteria.load(path: path)
            guard !loaded.registries.isEmpty else {
                throw EngineError("\(path): the criteria set names no unit registry (units: FILE); its units come from the data")
            }
            writer.writeHeader(["code", "name", "name_en", "valid_from", "valid_to", "successors", "registry"])
            for e in loaded.catalog.entries where period.map({ e.isInForce(on: $0.lastDay) }) ?? true {
                writer.writeRow([
                    .text(e.unit.code), .text(e.unit.name), .text(e.unit.nameEN ?? ""), .text(e.validFrom ?? ""),
                    .text(e.validTo ?? ""), .text(e.successors.joined(separator: ";")), .text(e.registry),
                ])
            }
        } else {
            let store = try Store.existing(at: store)
            writer.writeHeader(["code", "name", "name_en", "type", "attributes"])
            for u in try store.units() {
                let attributes = u.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
                writer.writeRow([.text(u.code), .text(u.name ?? ""), .text(u.nameEN ?? ""), .text(u.type ?? ""), .text(attributes)])
            }
        }
        return writer.text
    }
}
