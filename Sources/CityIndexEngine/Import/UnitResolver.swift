import CityIndexCore
import CityIndexFormats
import CityIndexStore

/// Matches a data file's unit keys (codes or names) to the keys the store holds them under,
/// by period (DESIGN §5): a row's unit is the unit with that code or name in force at the end
/// of the row's period, or of the declared basis period (`--data-basis`) for data already
/// re-expressed on other units. Each problem is reported once, with the lines it occurs on.
struct UnitResolver {
    let path: String
    let catalog: UnitCatalog
    let registryFiles: [String]
    /// `--data-basis`: the rows' units are those in force at the end of this period.
    let basis: Period?
    /// Without registries: the store's units and the new ones, indexed as they are added.
    var open: GrowingUnitIndex
    var newUnits: [UnitInfo] = []
    /// The store key of each entry used, for the unit rows to upsert.
    private(set) var usedEntries: [String: Int] = [:]
    private var indexByDay: [String: UnitIndex] = [:]
    private var resolved: [String: String] = [:]
    /// Codes found for keys given without a name: each key's last entry in `codes`, which
    /// chains to its others. A key is hashed once per row, and a file's periods are few.
    private var byKey = CodeTable<Int32>()
    /// The codes found, each with the period it was found for (nil without registries) and the
    /// entry found before for the same key (or -1). One array, not an array per key: on a
    /// shuffled file, reaching a key's own array missed the cache on most rows.
    private var codes: [(period: Period?, code: String, next: Int32)] = []
    /// Problems by cause, with their first line, row count and periods.
    private var problems: [String: Problem] = [:]
    private var problemOrder: [String] = []
    /// The last answer: files repeat a unit row after row.
    private var last: (key: String, name: String?, period: Period?, code: String)?

    init(catalog: UnitCatalog, registryFiles: [String], storeUnits: [UnitInfo], path: String, basis: Period?) {
        self.path = path
        self.catalog = catalog
        self.registryFiles = registryFiles
        self.basis = basis
        open = GrowingUnitIndex(units: catalog.isEmpty ? storeUnits : [])
    }

    /// The store key of the unit `key` (and `name`) names in `period`, or nil after recording
    /// the problem.
    mutating func code(for key: String, name: String?, line: Int, period: Period?) -> String? {
        // Files repeat a unit row after row; without registries the period does not matter.
        if let last, last.key == key, last.name == name, catalog.isEmpty || last.period == period { return last.code }
        // Without registries every period resolves a key alike: one entry serves them all.
        let when = catalog.isEmpty ? nil : period
        if name == nil, let code = found(key, when) {
            last = (key, name, period, code)
            return code
        }
        let memo = key + "\u{1}" + (name ?? "") + "\u{1}" + (period?.description ?? "")
        if name != nil, let c = resolved[memo] {
            last = (key, name, period, c)
            return c
        }
        guard let code = resolve(key, name: name, line: line, period: period) else { return nil }
        if name != nil {
            resolved[memo] = code
        } else if let entry = byKey.entry(of: key) {
            codes.append((when, code, byKey[entry: entry]))
            byKey[entry: entry] = Int32(codes.count - 1)
        } else {
            codes.append((when, code, -1))
            byKey.add(key, Int32(codes.count - 1))
        }
        last = (key, name, period, code)
        return code
    }

    /// The code found before for `key` given without a name in `period`.
    @inline(__always)
    private func found(_ key: String, _ period: Period?) -> String? {
        guard let entry = byKey.entry(of: key) else { return nil }
        var i = Int(byKey[entry: entry])
        while i >= 0 {
            if codes[i].period == period { return codes[i].code }
            i = Int(codes[i].next)
        }
        return nil
    }

    private mutating func resolve(_ key: String, name: String?, line: Int, period: Period?) -> String? {
        guard !catalog.isEmpty else { return openUnit(key, name: name, line: line) }
        guard let period else { return undated(key, name: name, line: line) }
        let day = (basis ?? period).lastDay
        let index = indexByDay[day] ?? catalog.index(on: day)
        indexByDay[day] = index
        let when = basis.map { "on the \($0) unit basis (--data-basis)" } ?? "at the end of the period"
        switch catalog.resolve(key, name: name, in: index) {
        case let .found(i):
            let storeKey = catalog.storeKey(of: i, period: period)
            usedEntries[storeKey] = i
            return storeKey
        case let .ambiguous(hits):
            report(line, period, "unit \"\(key)\" matches several units in force \(when) (\(labels(hits))): use the unit code")
        case let .notInForce(hits):
            let advice = basis == nil
                ? "a period's values belong to the units in force on its last day; for other periods add a registry of the units then in force, or, if the file gives its values on the units of another date, import it with --data-basis P"
                : "check --data-basis"
            report(line, period, "unit \"\(key)\" names \(labels(hits)), not in force \(when)", advice)
        case let .conflicting(code, named):
            report(line, period, "unit code \"\(key)\" and name \"\(name ?? "")\" name different units \(when): the code \(catalog.entries[code].label), the name \(labels(named))", "correct one of them, or, if the file gives its values on the units of another date, import it with --data-basis P")
        case let .notFound(suggestion):
            let hint = suggestion.map { ": did you mean \"\($0)\"?" } ?? ""
            let shown = name.map { $0.isEmpty || $0 == key ? "" : " (\($0))" } ?? ""
            report(line, nil, "unit \"\(key)\"\(shown) is not in the unit registries (\(registryFiles.joined(separator: ", ")))\(hint)")
        }
        return nil
    }

    /// A unit named without a period (a unit attribute): a code is a code; a name must name
    /// units of one code.
    private mutating func undated(_ key: String, name: String?, line: Int) -> String? {
        var hits: [Int] = []
        for candidate in [key, name].compactMap({ $0 }) where !candidate.isEmpty && hits.isEmpty {
            hits = catalog.entries.indices.filter {
                let u = catalog.entries[$0].unit
                return u.code.lowercased() == candidate.lowercased()
                    || UnitNameKey.key(u.name) == UnitNameKey.key(candidate)
                    || u.nameEN.map { UnitNameKey.key($0) == UnitNameKey.key(candidate) } ?? false
            }
        }
        let codes = Set(hits.map { catalog.entries[$0].unit.code })
        if codes.count == 1, let code = codes.first { return code }
        if hits.isEmpty {
            report(line, nil, "unit \"\(key)\" is not in the unit registries (\(registryFiles.joined(separator: ", ")))")
        } else {
            report(line, nil, "unit \"\(key)\" names units of several codes (\(labels(hits))): use the unit code")
        }
        return nil
    }

    /// Without registries, units not in the store are created: index them as they come
    /// (rebuilding a matcher per new unit made a first import quadratic in its units).
    private mutating func openUnit(_ key: String, name: String?, line: Int) -> String? {
        let match = open.match(key, name: name)
        switch match {
        case let .found(i):
            return open.units[i].code
        case let .ambiguous(hits):
            report(line, nil, "unit \"\(key)\" matches several units (\(hits.map { open.units[$0].code + " " + open.units[$0].name }.joined(separator: ", "))): use the unit code")
            return nil
        case .notFound:
            let unit = UnitInfo(code: key, name: name ?? key)
            newUnits.append(unit)
            open.append(unit)
            return key
        }
    }

    private func labels(_ entries: [Int]) -> String {
        entries.map { catalog.entries[$0].label }.joined(separator: " and ")
    }

    /// Records a problem once per cause: `message` (then the periods it concerns, then
    /// `advice`), with the first line and the number of rows.
    private mutating func report(_ line: Int, _ period: Period?, _ message: String, _ advice: String? = nil) {
        let cause = message + "\u{1}" + (advice ?? "")
        if var p = problems[cause] {
            // Rows, not values: a wide row gives several values of one unit.
            if line != p.last { p.count += 1 }
            p.last = line
            if let period { p.periods.insert(period) }
            problems[cause] = p
        } else {
            problems[cause] = Problem(message: message, advice: advice, first: line, last: line, count: 1, periods: period.map { [$0] } ?? [])
            problemOrder.append(cause)
        }
    }

    /// Throws the unit problems found, each once with the periods and rows it concerns.
    func throwBadRows(sheet: String?) throws {
        guard !problemOrder.isEmpty else { return }
        throw ObservationFileError.badRows(problemOrder.compactMap { problems[$0] }.map { p in
            var text = p.message
            if !p.periods.isEmpty {
                let periods = p.periods.sorted()
                text += " (" + (periods.count > 1 ? "periods " : "period ") + periods.prefix(6).map(\.description).joined(separator: ", ")
                    + (periods.count > 6 ? " …" : "") + ")"
            }
            if let advice = p.advice { text += ": " + advice }
            if p.count > 1 { text += " (\(p.count) rows)" }
            return BadRow(file: path, line: p.first, column: 1, message: text, sheet: sheet)
        })
    }

    /// One cause of bad rows.
    private struct Problem {
        var message: String
        var advice: String?
        var first: Int
        var last: Int
        var count: Int
        var periods: Set<Period>
    }

    /// The units to store for the keys used, sorted, with their names.
    func upserts(codes: Set<String>) -> [UnitUpsert] {
        let created = Dictionary(newUnits.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        return codes.sorted().compactMap { code -> UnitUpsert? in
            if let i = usedEntries[code] {
                let u = catalog.entries[i].unit
                return UnitUpsert(code: code, name: u.name, nameEN: u.nameEN, type: u.attributes["type"])
            }
            if let u = created[code] { return UnitUpsert(code: u.code, name: u.name, nameEN: u.nameEN) }
            return UnitUpsert(code: code)
        }
    }
}
