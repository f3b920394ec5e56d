import CityIndexCore
import CityIndexFormats
import CityIndexStore
import Foundation

/// Reads an observation file, matches its units and imports it into the store in one
/// transaction; the same code checks a file without storing it (`validate --data`).
public struct DataImporter {
    public var criteria: LoadedCriteria
    public var store: Store
    public var options: ImportOptions
    /// Receives notes on what was read (region rows left out), one line each.
    public var notice: @Sendable (String) -> Void

    /// Creates an importer.
    public init(criteria: LoadedCriteria, store: Store, options: ImportOptions, notice: @escaping @Sendable (String) -> Void = { _ in }) {
        self.criteria = criteria
        self.store = store
        self.options = options
        self.notice = notice
    }

    /// Reads and checks `path` without touching the store; returns the batch to import.
    func prepare(path: String, report: inout ImportReport) throws -> ImportBatch {
        let reader = try makeReader(path: path)
        let file = try reader.read(path: path, sheet: ObservationFileReader.isWorkbook(path: path) ? options.sheet : nil)
        if let n = file.leftOut.notice(file: path, sheet: file.sheet) { notice(n) }
        var units = try resolver(path: path)
        var observations: [ObservationInput] = []
        observations.reserveCapacity(file.records.count)
        for r in file.records {
            guard let c = units.code(for: r.unitKey, name: r.unitName, line: r.line, period: r.period) else { continue }
            observations.append(ObservationInput(
                unit: c, indicator: r.indicator, period: r.period, value: r.value, source: r.source, note: r.note, mark: r.mark,
                line: r.line, column: r.column))
        }
        let empty = file.emptyRows.compactMap { r in
            units.code(for: r.unitKey, name: r.unitName, line: r.line, period: r.period).map {
                UnitPeriodInput(unit: $0, period: r.period)
            }
        }
        var used = Set(observations.map(\.unit)).union(empty.map(\.unit))
        let attributes = self.attributes(file.attributes, units: &units)
        used.formUnion(attributes.map(\.unit))
        try units.throwBadRows(sheet: file.sheet)
        report.describe(
            layout: file.layout, values: file.records.count, attributes: file.attributes, units: used,
            periods: Set(observations.map(\.period)).union(empty.map(\.period)))
        let options = optionsText(sheet: file.sheet)
        return ImportBatch(
            sha256: batchHash(fileHash: try SHA256Digest.hex(ofFileAt: path), options: options), fileName: path,
            options: options, units: units.upserts(codes: used), attributes: attributes, observations: observations,
            unitsWithoutValues: empty)
    }

    /// Imports `path`: all of it or nothing; with `dryRun`, every check of an import and then
    /// nothing stored. A CSV file streams into the store as it is read (memory does not grow
    /// with the file); a workbook is read whole first.
    public func run(path: String, dryRun: Bool = false) throws -> ImportSummary {
        try importFile(path: path, dryRun: dryRun).summary
    }

    /// ``run(path:dryRun:)`` with what the file held: its layout, values, units, periods and
    /// attribute columns.
    public func importFile(path: String, dryRun: Bool = false) throws -> ImportReport {
        var report = ImportReport()
        guard !ObservationFileReader.isWorkbook(path: path), options.sheet == nil else {
            let batch = try prepare(path: path, report: &report)
            report.summary = try store.importBatch(batch, replace: options.replace, dryRun: dryRun)
            return report
        }
        let reader = try makeReader(path: path)
        var units = try resolver(path: path)
        let optionsText = optionsText(sheet: nil)
        let fileHash = try SHA256Digest.hex(ofFileAt: path)
        report.summary = try store.importStreaming(
            sha256: batchHash(fileHash: fileHash, options: optionsText), fileName: path, options: optionsText,
            importedAt: Date(), replace: options.replace, dryRun: dryRun
        ) { writer in
            var count = 0
            let file = try reader.stream(path: path) { r in
                count += 1
                guard let c = units.code(for: r.unitKey, name: r.unitName, line: r.line, period: r.period) else { return nil }
                let outcome = try writer.write(
                    unit: c, indicator: r.indicator, period: r.period, value: r.value, source: r.source, note: r.note, mark: r.mark,
                    line: r.line, column: r.column)
                guard case .duplicateInFile(let earlier) = outcome else { return nil }
                // The reader reports a value given twice as a bad row, not as a store conflict.
                if earlier != r.value { writer.dropLastConflict() }
                return earlier
            }
            if let n = file.leftOut.notice(file: path) { notice(n) }
            for r in file.emptyRows {
                guard let c = units.code(for: r.unitKey, name: r.unitName, line: r.line, period: r.period) else { continue }
                try writer.listWithoutValues(unit: c, period: r.period)
            }
            // The units and periods the writer met: those of the values and of the empty rows.
            let used = Set(writer.unitsMet), periods = Set(writer.periodsMet)
            let attributes = self.attributes(file.attributes, units: &units)
            try units.throwBadRows(sheet: nil)
            report.describe(layout: file.layout, values: count, attributes: file.attributes, units: used, periods: periods)
            return (units.upserts(codes: used.union(attributes.map(\.unit))), attributes)
        }
        return report
    }

    private func makeReader(path: String) throws -> ObservationFileReader {
        guard FileManager.default.fileExists(atPath: path) else {
            throw EngineError("data file \(path) does not exist")
        }
        var layout = options.layout
        layout.regionRows = RegionRowNames(registries: criteria.registries)
        return ObservationFileReader(options: options.readOptions, criteria: criteria.set, defaultPeriod: options.defaultPeriod, layout: layout)
    }

    private func resolver(path: String) throws -> UnitResolver {
        let storeUnits = criteria.catalog.isEmpty
            ? try store.units().map { UnitInfo(code: $0.code, name: $0.name ?? $0.code, nameEN: $0.nameEN) } : []
        return UnitResolver(
            catalog: criteria.catalog, registryFiles: criteria.registries.map(\.file), storeUnits: storeUnits, path: path,
            basis: options.dataBasis)
    }

    /// The attributes of the file on the units they name (a code, or a name of one code).
    private func attributes(_ raw: [RawAttribute], units: inout UnitResolver) -> [UnitAttributeInput] {
        var out: [UnitAttributeInput] = []
        for a in raw {
            guard let c = units.code(for: a.unitKey, name: a.unitName, line: a.line, period: nil) else { continue }
            out.append(UnitAttributeInput(unit: c, name: a.name, value: a.value))
        }
        return out
    }

    private func optionsText(sheet: String?) -> String {
        "period=\(options.defaultPeriod?.description ?? "");decimal-comma=\(options.readOptions.decimalComma.map { "\($0)" } ?? "auto")"
            + (options.readOptions.thousandsSeparator.map { ";thousands-separator=\($0.rawValue)" } ?? "") + (sheet.map { ";sheet=\($0)" } ?? "") + options.layout.recordText + (options.dataBasis.map { ";data-basis=\($0)" } ?? "")
    }

    private func batchHash(fileHash: String, options: String) -> String {
        SHA256Digest.hex(of: Array((fileHash + "\n" + options + "\n" + criteria.set.id).utf8))
    }
}

/// What one import (or dry run) found in a file.
public struct ImportReport: Sendable {
    /// What the store did (or would do).
    public var summary: ImportSummary = .alreadyImported(importID: 0, importedAt: Date(timeIntervalSince1970: 0), fileName: "")
    /// The layout read; nil when the file was imported before (not read again).
    public var layout: ObservationFile.Layout?
    /// The values read.
    public var values = 0
    /// The codes of the units the file names.
    public var units = Set<String>()
    /// The periods the file gives.
    public var periods = Set<Period>()
    /// The unit attribute columns (`region` …).
    public var attributeColumns = Set<String>()

    mutating func describe(layout: ObservationFile.Layout, values: Int, attributes: [RawAttribute], units: Set<String>, periods: Set<Period>) {
        self.layout = layout
        self.values = values
        // Codes: a unit given on another basis (`24@2025-07-01`) is still unit 24.
        self.units = Set(units.map { String($0.split(separator: "@", maxSplits: 1).first ?? "") })
        self.periods = periods
        attributeColumns = Set(attributes.map(\.name))
    }
}

/// How to read and import data files.
public struct ImportOptions: Sendable {
    /// CSV dialect options (delimiter, decimal comma …).
    public var readOptions: CSVReadOptions
    /// The period of files without a period column.
    public var defaultPeriod: Period?
    /// Replace stored values the files contradict (the old ones go to history).
    public var replace: Bool
    /// The sheet of workbook data files; the first sheet when nil.
    public var sheet: String?
    /// The files' units are those in force at the end of this period, whatever the rows'
    /// periods: data already re-expressed on another unit basis.
    public var dataBasis: Period?
    /// `--columns`, `--indicator`; the region rows to leave out are completed with the
    /// registries' `region` values.
    public var layout: ObservationLayoutOptions

    /// Creates options.
    public init(
        readOptions: CSVReadOptions = CSVReadOptions(), defaultPeriod: Period? = nil, replace: Bool = false,
        sheet: String? = nil, dataBasis: Period? = nil, layout: ObservationLayoutOptions = ObservationLayoutOptions()
    ) {
        self.readOptions = readOptions
        self.defaultPeriod = defaultPeriod
        self.replace = replace
        self.sheet = sheet
        self.dataBasis = dataBasis
        self.layout = layout
    }
}
