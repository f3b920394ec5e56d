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
            options: readOptions, criteria: criteria.set, defaultPeriod: defaultPeriod)
        let file = try reader.read(path: path, sheet: ObservationFileReader.isWorkbook(path: path) ? sheet : nil)
        var units = try UnitResolver(importer: self, path: path)
        var observations: [ObservationInput] = []
        observations.reserveCapacity(file.records.count)
        for r in file.records {
            guard let c = units.code(for: r.unitKey, name: r.unitName, line: r.line, period: r.period) else { continue }
            observations.append(ObservationInput(
                unit: c, indicator: r.indicator, period: r.period, value: r.value, source: r.source, note: r.note,
                line: r.line, column: r.column))
        }
        var attributes: [UnitAttributeInput] = []
        for a in file.attributes {
            guard let c = units.code(for: a.unitKey, name: a.unitName, line: a.line) else { continue }
            attributes.append(UnitAttributeInput(unit: c, name: a.name, value: a.value))
        }
        let empty = file.emptyRows.compactMap { r in
            units.code(for: r.unitKey, name: r.unitName, line: r.line, period: r.period).map {
                UnitPeriodInput(unit: $0, period: r.period)
            }
        }
        try units.throwBadRows(sheet: file.sheet)
        let options = optionsText(sheet: file.sheet)
        let codes = Set(observations.map(\.unit)).union(attributes.map(\.unit)).union(empty.map(\.unit))
        return ImportBatch(
            sha256: batchHash(fileHash: try SHA256Digest.hex(ofFileAt: path), options: options), fileName: path,
            options: options, units: units.upserts(codes: codes), attributes: attributes, observations: observations,
            unitsWithoutValues: empty)
    }

    /// Imports `path`: all of it or nothing. A CSV file streams into the store as it is read
    /// (memory does not grow with the file); a workbook is read whole first.
    func run(path: String) throws -> ImportSummary {
        guard !ObservationFileReader.isWorkbook(path: path), sheet == nil else {
            return try store.importBatch(try prepare(path: path), replace: replace)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError("data file \(path) does not exist")
        }
        let reader = ObservationFileReader(
            options: readOptions, criteria: criteria.set, defaultPeriod: defaultPeriod)
        var units = try UnitResolver(importer: self, path: path)
        let options = optionsText(sheet: nil)
        let fileHash = try SHA256Digest.hex(ofFileAt: path)
        return try store.importStreaming(
            sha256: batchHash(fileHash: fileHash, options: options), fileName: path, options: options,
            importedAt: Date(), replace: replace
        ) { writer in
            var used = Set<String>()
            var lastUsed = ""
            let file = try reader.stream(path: path) { r in
                guard let c = units.code(for: r.unitKey, name: r.unitName, line: r.line, period: r.period) else { return nil }
                if c != lastUsed {
                    used.insert(c)
                    lastUsed = c
                }
                let outcome = try writer.write(
                    unit: c, indicator: r.indicator, period: r.period, value: r.value, source: r.source, note: r.note,
                    line: r.line, column: r.column)
                guard case .duplicateInFile(let earlier) = outcome else { return nil }
                // The reader reports a value given twice as a bad row, not as a store conflict.
                if earlier != r.value { writer.dropLastConflict() }
                return earlier
            }
            var attributes: [UnitAttributeInput] = []
            for a in file.attributes {
                guard let c = units.code(for: a.unitKey, name: a.unitName, line: a.line) else { continue }
                attributes.append(UnitAttributeInput(unit: c, name: a.name, value: a.value))
            }
            for r in file.emptyRows {
                guard let c = units.code(for: r.unitKey, name: r.unitName, line: r.line, period: r.period) else { continue }
                try writer.listWithoutValues(unit: c, period: r.period)
                used.insert(c)
            }
            try units.throwBadRows(sheet: nil)
            return (units.upserts(codes: used.union(attributes.map(\.unit))), attributes)
        }
    }

    private func optionsText(sheet: String?) -> String {
        "period=\(defaultPeriod?.description ?? "");decimal-comma=\(readOptions.decimalComma.map { "\($0)" } ?? "auto")"
            + (readOptions.thousandsSeparator.map { ";thousands-separator=\($0.rawValue)" } ?? "") + (sheet.map { ";sheet=\($0)" } ?? "")
    }

    private func batchHash(fileHash: String, options: String) -> String {
        SHA256Digest.hex(of: Array((fileHash + "\n" + options + "\n" + criteria.set.id).utf8))
    }
}

/// Matches a file's unit keys (codes or names) to unit codes, remembering each answer.
struct UnitResolver {
    let path: String
    let known: [UnitInfo]
    let registries: [UnitRegistry]
    let validity: [String: UnitRegistry.Entry]
    var matcher: UnitMatcher
    /// Without registries: the store's units and the new ones, indexed as they are added.
    var open: GrowingUnitIndex
    var newUnits: [UnitInfo] = []
    var resolved: [String: String] = [:]
    var bad: [BadRow] = []
    /// The last answer: files repeat a unit row after row.
    private var last: (key: String, name: String?, period: Period?, code: String)?

    init(importer: DataImporter, path: String) throws {
        self.path = path
        let criteria = importer.criteria
        if !criteria.registries.isEmpty {
            known = criteria.knownUnits
        } else {
            known = try importer.store.units().map { UnitInfo(code: $0.code, name: $0.name ?? $0.code, nameEN: $0.nameEN) }
        }
        registries = criteria.registries
        matcher = UnitMatcher(units: known)
        open = GrowingUnitIndex(units: known)
        validity = Dictionary(criteria.entries.map { ($0.unit.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    mutating func code(for key: String, name: String?, line: Int, period: Period? = nil) -> String? {
        if let last, last.key == key, last.name == name, last.period == period { return last.code }
        let code = resolve(key, name: name, line: line, period: period)
        if let code { last = (key, name, period, code) }
        return code
    }

    private mutating func resolve(_ key: String, name: String?, line: Int, period: Period?) -> String? {
        let memo = key + "\u{1}" + (name ?? "") + "\u{1}" + (period?.description ?? "")
        if let c = resolved[memo] { return c }
        let match: UnitMatcher.Match
        if registries.isEmpty {
            // Units not in the store are created: index them as they come (rebuilding a
            // matcher per new unit made a first import quadratic in its units).
            match = open.match(key, name: name)
        } else {
            match = matcher.match(key, name: name)
        }
        let all = registries.isEmpty ? open.units : known
        switch match {
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
            if registries.isEmpty {
                let unit = UnitInfo(code: key, name: name ?? key)
                newUnits.append(unit)
                open.append(unit)
                resolved[memo] = key
                return key
            }
            let hint = suggestion.map { ": did you mean \"\($0)\"?" } ?? ""
            bad.append(BadRow(file: path, line: line, column: 1, message: "unit \"\(key)\" is not in the unit registries (\(registries.map(\.file).joined(separator: ", ")))\(hint)"))
        }
        return nil
    }

    /// Throws the unit problems found, each once.
    func throwBadRows(sheet: String?) throws {
        guard !bad.isEmpty else { return }
        var seen = Set<BadRow>()
        throw ObservationFileError.badRows(bad.filter { seen.insert($0).inserted }.map { var b = $0; b.sheet = sheet; return b })
    }

    /// The units to store for `codes`, sorted, with their names.
    func upserts(codes: Set<String>) -> [UnitUpsert] {
        let byCode = Dictionary((known + newUnits).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        return codes.sorted().compactMap { byCode[$0] }.map {
            UnitUpsert(code: $0.code, name: $0.name, nameEN: $0.nameEN, type: $0.attributes["type"])
        }
    }
}

/// ``UnitMatcher``'s code and name rules over a list that grows one unit at a time; a miss
/// gives no suggestion (new units are created, not corrected).
struct GrowingUnitIndex {
    private(set) var units: [UnitInfo] = []
    private var byCode: [String: Int] = [:]
    private var byName: [String: [Int]] = [:]

    init(units: [UnitInfo]) {
        for u in units { append(u) }
    }

    mutating func append(_ u: UnitInfo) {
        let i = units.count
        units.append(u)
        byCode[u.code.lowercased()] = byCode[u.code.lowercased()] ?? i
        for name in [u.name, u.nameEN].compactMap({ $0 }) {
            let key = UnitNameKey.key(name)
            if !(byName[key]?.contains(i) ?? false) { byName[key, default: []].append(i) }
        }
    }

    func match(_ key: String, name: String?) -> UnitMatcher.Match {
        if let i = byCode[key.lowercased()] { return .found(i) }
        for candidate in [key, name].compactMap({ $0 }) {
            if let hits = byName[UnitNameKey.key(candidate)] {
                return hits.count == 1 ? .found(hits[0]) : .ambiguous(hits)
            }
        }
        return .notFound(suggestion: nil)
    }
}
