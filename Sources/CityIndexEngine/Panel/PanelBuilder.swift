import CityIndexCore
import CityIndexFormats
import CityIndexStore
import Foundation

/// Builds the dense matrices of periods from the store, on the units that report them as they
/// were in force in each period (and the registries' other units in force, listed without
/// data), rolling finer periods up where an indicator says how.
public struct PanelBuilder {
    public var criteria: LoadedCriteria
    public var store: Store
    /// Whether a period may hold units of two bases (they are to be combined onto one).
    public var allowMixedBases = false
    /// The fewest values a period may hold (units in the store × indicators) for its read to
    /// be cut into parts read on several cores: below it, opening the connections costs more
    /// than the cores save (a province-level set has a few thousand).
    public var partedReadMinimum = 20_000

    /// Creates a builder.
    public init(criteria: LoadedCriteria, store: Store, allowMixedBases: Bool = false) {
        self.criteria = criteria
        self.store = store
        self.allowMixedBases = allowMixedBases
    }

    /// The data of the requested periods, where they came from and their digest.
    public struct Panel: Sendable {
        /// One matrix per period, in period order.
        public var data: [PeriodData]
        /// The distinct sources of the values.
        public var sources: [String]
        /// The SHA-256 of every value read (unit, indicator, period, value).
        public var sha256: String
        /// Per period, the registry entry of each matrix row (nil without registries).
        public var entries: [Period: [Int?]] = [:]
        /// Per period, the data-quality levels and verified flags the data states for its own
        /// values, by the code of the unit in the period's data (roll-ups of finer periods
        /// state none). Not part of the digest: scoring does not read them.
        public var marks: [Period: ValueMarks] = [:]
    }

    /// The periods that hold data for the set's indicators, in order.
    public func storedPeriods() throws -> [Period] {
        try store.periods(indicators: criteria.set.indicatorIDs)
    }

    /// The data of `periods` on the units that report them.
    public func build(periods: [Period]) throws -> Panel {
        let ids = criteria.set.indicatorIDs
        // Without finer periods inside the requested ones (nothing to roll up, no extra units),
        // each period is read as a matrix. ASCII ids are their own NFC form, as the store keys
        // them; distinct ids take one column each.
        let finer = try storedPeriods().contains { o in periods.contains { $0.granularity < o.granularity && $0.contains(o) } }
        if !finer, ids.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }), Set(ids).count == ids.count {
            return try buildColumnar(periods: periods)
        }
        let wanted = Set(periods)
        // Observations at each wanted period, plus finer ones inside it for roll-ups.
        let all = try store.observations(indicators: ids, periods: nil)
        let observations = all.filter { o in
            wanted.contains(o.period) || wanted.contains { $0.granularity < o.period.granularity && $0.contains(o.period) }
        }
        let unit = try unitLookup()
        let rollups = Dictionary(uniqueKeysWithValues: criteria.set.indicatorIndices.map {
            (criteria.set.nodes[$0].id, criteria.set.effectiveSettings(of: $0).overTime)
        })
        // With imputation over time, a unit with data in some period takes part in every period
        // in which it is in force (the same unit, not another one with its code).
        let overTime = criteria.set.scoredIndicatorIndices.contains { criteria.set.effectiveSettings(of: $0).imputeOverTime != nil }
        var panelUnits: [String: Period] = [:]
        if overTime { for o in observations { panelUnits[o.unit] = o.period } }
        var sources = Set<String>()
        var digest = ""
        var panel: [PeriodData] = []
        var entries: [Period: [Int?]] = [:]
        var marks: [Period: ValueMarks] = [:]
        for period in periods.sorted() {
            let own = observations.filter { $0.period == period }
            var codes = Set(own.map(\.unit)).union(try store.unitsListedWithoutValues(in: period))
            // Finer observations, by unit and indicator, for indicators that roll up.
            var finer: [String: [(Period, Double)]] = [:]
            for o in observations where o.period.granularity > period.granularity && period.contains(o.period) {
                guard rollups[o.indicator] ?? nil != nil else { continue }
                finer[o.unit + "\u{1}" + o.indicator, default: []].append((o.period, o.value))
                codes.insert(o.unit)
            }
            let basis = try UnitBasis(criteria: criteria, period: period, keys: codes, others: panelUnits, allowMixed: allowMixedBases, store: unit)
            let ordered = basis.keys
            let row = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
            var data = PeriodData(period: period, units: basis.units, indicators: ids)
            entries[period] = basis.entries
            marks[period] = try valueMarks(period: period, keys: ordered, units: basis.units)
            for o in own.sorted(by: { ($0.unit, $0.indicator) < ($1.unit, $1.indicator) }) {
                guard let u = row[o.unit], let c = data.column(of: o.indicator) else { continue }
                data.set(o.value, unit: u, column: c)
                if let s = o.source, !s.isEmpty { sources.insert(s) }
                digest += "\(o.unit)\t\(o.indicator)\t\(o.period)\t\(o.value)\n"
            }
            for (key, values) in finer.sorted(by: { $0.key < $1.key }) {
                let parts = key.split(separator: "\u{1}", maxSplits: 1).map(String.init)
                guard parts.count == 2, let u = row[parts[0]], let c = data.column(of: parts[1]),
                    data.value(unit: u, column: c) == nil, let rule = rollups[parts[1]] ?? nil
                else { continue }
                let sorted = values.sorted { $0.0 < $1.0 }
                let v: Double
                switch rule {
                case .sum: v = sorted.reduce(0) { $0 + $1.1 }
                case .mean: v = sorted.reduce(0) { $0 + $1.1 } / Double(sorted.count)
                case .last: v = sorted[sorted.count - 1].1
                }
                data.set(v, unit: u, column: c)
                digest += "\(parts[0])\t\(parts[1])\t\(period)<\(sorted.count)\t\(v)\n"
            }
            panel.append(data)
        }
        return Panel(
            data: panel, sources: sources.sorted(), sha256: SHA256Digest.hex(of: Array(digest.utf8)), entries: entries, marks: marks)
    }
}

extension PanelBuilder {
    /// The marks the store holds for `period`'s values, by the code of the unit each store key
    /// (`keys`, in the order of `units`) stands for in the period's data.
    func valueMarks(period: Period, keys: [String], units: [UnitInfo]) throws -> ValueMarks {
        let found = try store.valueMarks(period: period, indicators: criteria.set.indicatorIDs)
        guard !found.isEmpty else { return ValueMarks() }
        let row = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var marks = ValueMarks()
        for f in found {
            guard let r = row[f.unit], r < units.count else { continue }
            marks.set(f.mark, unit: units[r].code, indicator: f.indicator)
        }
        return marks
    }

    /// The stored units by store key (with the attributes imported with the data).
    func unitLookup() throws -> [String: UnitInfo] {
        var stored: [String: UnitInfo] = [:]
        for u in try store.units() {
            stored[u.code] = UnitInfo(code: u.code, name: u.name ?? u.code, nameEN: u.nameEN, attributes: u.attributes)
        }
        return stored
    }

    /// The matrix of each period. Periods are read at once, each on a connection of its own
    /// (a core each), when the store is a file; should another process change the store
    /// meanwhile, they are read again on this builder's connection, one after another.
    /// (M, 3 periods of 332 k values on 2 cores: the read takes half the time.) When the
    /// periods do not share the cores evenly (one period, or three on two cores), each is read
    /// in as many parts as there are cores, cut by unit (``MatrixPart``), so that no core
    /// reads the last period alone while the others wait.
    private func readMatrices(_ periods: [Period], indicators ids: [String]) throws -> [Period: StoredMatrix] {
        let distinct = Array(Set(periods)).sorted()
        let path = store.path
        func oneByOne() throws -> [Period: StoredMatrix] {
            Dictionary(uniqueKeysWithValues: try distinct.map { ($0, try store.matrix(period: $0, indicators: ids)) })
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard !distinct.isEmpty, cores > 1, path != ":memory:", !path.isEmpty else { return try oneByOne() }
        let large = try store.unitKeyCount() * ids.count >= partedReadMinimum
        let parts = large && distinct.count % cores != 0 ? cores : 1
        guard distinct.count > 1 || parts > 1 else { return try oneByOne() }
        let reads = distinct.flatMap { p in (0..<parts).map { (period: p, part: MatrixPart(index: $0, count: parts)) } }
        let version = try store.dataVersion()
        var read = Parallel.map(reads) { r in
            Result { try Store(path: path).matrix(period: r.period, indicators: ids, part: r.part) }
        }
        guard try store.dataVersion() == version else { return try oneByOne() }
        var matrices: [Period: StoredMatrix] = [:]
        // From the last period back, each period's parts are taken off the list and let go once
        // combined: at most one period is held twice.
        for period in distinct.reversed() {
            let pieces = try read.suffix(parts).map { try $0.get() }
            read.removeLast(parts)
            matrices[period] = StoredMatrix(combining: pieces)
        }
        return matrices
    }

    /// ``build(periods:)`` when no finer period lies inside the requested ones: each period read
    /// from the store as a columnar matrix (no struct or text per value); the same data and
    /// sources (the digest is written another way, but is as deterministic).
    func buildColumnar(periods: [Period]) throws -> Panel {
        let ids = criteria.set.indicatorIDs
        let matrices = try readMatrices(periods, indicators: ids)
        let unit = try unitLookup()
        // With imputation over time, a unit with data in some period takes part in every period
        // in which it is in force (the same unit, not another one with its code).
        let overTime = criteria.set.scoredIndicatorIndices.contains { criteria.set.effectiveSettings(of: $0).imputeOverTime != nil }
        var panelUnits: [String: Period] = [:]
        if overTime { for m in matrices.values { for u in m.units { panelUnits[u] = m.period } } }
        var sources = Set<String>()
        var digest = MatrixDigest(indicators: ids)
        var panel: [PeriodData] = []
        var entries: [Period: [Int?]] = [:]
        var marks: [Period: ValueMarks] = [:]
        for period in periods.sorted() {
            let m = matrices[period] ?? .empty(period: period, indicators: ids)
            let basis = try UnitBasis(criteria: criteria, period: period, keys: Set(m.units), others: panelUnits, allowMixed: allowMixedBases, store: unit)
            let ordered = basis.keys
            entries[period] = basis.entries
            marks[period] = try valueMarks(period: period, keys: ordered, units: basis.units)
            let values: [Double]
            if ordered == m.units {
                values = m.values
            } else {
                let row = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
                var v = [Double](repeating: .nan, count: ordered.count * ids.count)
                for (r, code) in m.units.enumerated() {
                    guard let to = row[code] else { continue }
                    for c in ids.indices { v[c * ordered.count + to] = m.values[c * m.units.count + r] }
                }
                values = v
            }
            panel.append(PeriodData(period: period, units: basis.units, indicators: ids, values: values))
            sources.formUnion(m.sources.filter { !$0.isEmpty })
            digest.add(m)
        }
        return Panel(data: panel, sources: sources.sorted(), sha256: digest.finalizeHex(), entries: entries, marks: marks)
    }
}

extension Period {
    /// Whether `other` (of a finer granularity) lies within this period.
    func contains(_ other: Period) -> Bool {
        other.firstDay >= firstDay && other.lastDay <= lastDay
    }
}
