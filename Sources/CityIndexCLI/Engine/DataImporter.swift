import CityIndexCore
import CityIndexFormats
import CityIndexStore
import Foundation

/// Reads an observation file, matches its units and imports it into the store in one transaction.
struct DataImporter {
    var criteria: LoadedCriteria
    var store: Store
    var readOptions: CSVReadOptions
    var defaultPeriod: Period?
    var replace: Bool
    /// The sheet of workbook data files (`--sheet`); the first sheet when nil.
    var sheet: String? = nil

    /// Reads and checks `path` without touching the store; returns the batch to import.
    func prepare(path: String) throws -> ImportBatch {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError("data file \(path) does not exist")
        }
        let reader = ObservationFileReader(
            options: readOptions, indicatorIDs: Set(criteria.set.indicatorIDs), defaultPeriod: defaultPeriod)
        let file = try reader.read(path: path, sheet: ObservationFileReader.isWorkbook(path: path) ? sheet : nil)
        let known: [UnitInfo]
        if !criteria.registries.isEmpty {
            known = criteria.knownUnits
        } else {
            known = try store.units().map { UnitInfo(code: $0.code, name: $0.name ?? $0.code, nameEN: $0.nameEN) }
        }
        var matcher = UnitMatcher(units: known)
        var newUnits: [UnitInfo] = []
        var resolved: [String: String] = [:]
        var bad: [BadRow] = []
        let validity = Dictionary(criteria.entries.map { ($0.unit.code, $0) }, uniquingKeysWith: { a, _ in a })
        func code(for key: String, name: String?, line: Int, period: Period? = nil) -> String? {
            let memo = key + "\u{1}" + (name ?? "") + "\u{1}" + (period?.description ?? "")
            if let c = resolved[memo] { return c }
            let all = known + newUnits
            switch matcher.match(key, name: name) {
            case let .found(i):
                resolved[memo] = all[i].code
                return all[i].code
            case let .ambiguous(hits):
                // A name used by different units at different times: take the one valid in the period.
                let valid = hits.filter { h in period.map { validity[all[h].code]?.isValid(in: $0) ?? false } ?? false }
                if valid.count == 1 {
                    resolved[memo] = all[valid[0]].code
                    return all[valid[0]].code
                }
                bad.append(BadRow(file: path, line: line, column: 1, message: "unit \"\(key)\" matches several units (\(hits.map { all[$0].code + " " + all[$0].name }.joined(separator: ", "))): use the unit code"))
            case let .notFound(suggestion):
                if criteria.registries.isEmpty {
                    newUnits.append(UnitInfo(code: key, name: name ?? key))
                    matcher = UnitMatcher(units: known + newUnits)
                    resolved[memo] = key
                    return key
                }
                let hint = suggestion.map { ": did you mean \"\($0)\"?" } ?? ""
                bad.append(BadRow(file: path, line: line, column: 1, message: "unit \"\(key)\" is not in the unit registries (\(criteria.registries.map(\.file).joined(separator: ", ")))\(hint)"))
            }
            return nil
        }
        var observations: [ObservationInput] = []
        observations.reserveCapacity(file.records.count)
        for r in file.records {
            guard let c = code(for: r.unitKey, name: r.unitName, line: r.line, period: r.period) else { continue }
            observations.append(ObservationInput(
                unit: c, indicator: r.indicator, period: r.period, value: r.value, source: r.source, note: r.note,
                line: r.line, column: r.column))
        }
        var attributes: [UnitAttributeInput] = []
        for a in file.attributes {
            guard let c = code(for: a.unitKey, name: a.unitName, line: a.line) else { continue }
            attributes.append(UnitAttributeInput(unit: c, name: a.name, value: a.value))
        }
        if !bad.isEmpty {
            var seen = Set<BadRow>()
            throw ObservationFileError.badRows(bad.filter { seen.insert($0).inserted }.map { var b = $0; b.sheet = file.sheet; return b })
        }
        let byCode = Dictionary((known + newUnits).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let usedCodes = Set(observations.map(\.unit)).union(attributes.map(\.unit)).sorted()
        let units = usedCodes.compactMap { byCode[$0] }.map {
            UnitUpsert(code: $0.code, name: $0.name, nameEN: $0.nameEN, type: $0.attributes["type"])
        }
        let options = "period=\(defaultPeriod?.description ?? "");decimal-comma=\(readOptions.decimalComma.map { "\($0)" } ?? "auto")"
            + (file.sheet.map { ";sheet=\($0)" } ?? "")
        let fileHash = try SHA256Digest.hex(ofFileAt: path)
        return ImportBatch(
            sha256: SHA256Digest.hex(of: Array((fileHash + "\n" + options + "\n" + criteria.set.id).utf8)),
            fileName: path, options: options, units: units, attributes: attributes, observations: observations)
    }

    /// Imports `path`: all of it or nothing.
    func run(path: String) throws -> ImportSummary {
        try store.importBatch(try prepare(path: path), replace: replace)
    }
}
