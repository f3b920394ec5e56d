import CSQLite
import CityIndexCore

/// One period's stored values as a dense unit × indicator matrix, read column by column.
public struct StoredMatrix: Sendable {
    /// The period.
    public var period: Period
    /// The codes of the units with at least one of the requested values, or named in the
    /// period without any (``UnitPeriodInput``), sorted.
    public var units: [String]
    /// The indicator ids asked for, in the order asked (the matrix columns).
    public var indicators: [String]
    /// `values[column * units.count + unit]`; NaN where no value is stored.
    public var values: [Double]
    /// The distinct non-empty sources of the values read.
    public var sources: Set<String>

    /// Creates a matrix.
    public init(period: Period, units: [String], indicators: [String], values: [Double], sources: Set<String>) {
        self.period = period
        self.units = units
        self.indicators = indicators
        self.values = values
        self.sources = sources
    }

    /// A period without values: no unit, no value, no source.
    public static func empty(period: Period, indicators: [String]) -> StoredMatrix {
        StoredMatrix(period: period, units: [], indicators: indicators, values: [], sources: [])
    }

    /// The matrix of a period put together from its parts (``MatrixPart``): the same period
    /// and indicators, units that no two parts share; the units sorted as one read sorts them.
    ///
    /// - Complexity: O(u log u + u × indicators) for the u units of the parts.
    public init(combining parts: [StoredMatrix]) {
        precondition(!parts.isEmpty, "no part to combine")
        guard parts.count > 1 else {
            self = parts[0]
            return
        }
        let first = parts[0]
        precondition(parts.allSatisfy { $0.period == first.period && $0.indicators == first.indicators }, "parts of different matrices")
        var rows: [(code: String, part: Int, row: Int)] = []
        for (k, part) in parts.enumerated() { rows += part.units.enumerated().map { ($1, k, $0) } }
        rows.sort { $0.code < $1.code }
        var values = [Double](repeating: .nan, count: rows.count * first.indicators.count)
        for c in first.indicators.indices {
            for (r, from) in rows.enumerated() {
                let part = parts[from.part]
                values[c * rows.count + r] = part.values[c * part.units.count + from.row]
            }
        }
        self.init(
            period: first.period, units: rows.map(\.code), indicators: first.indicators, values: values,
            sources: parts.reduce(into: Set<String>()) { $0.formUnion($1.sources) })
    }
}

extension Store {
    /// How many unit keys the store holds: the most units a period's matrix can have.
    public func unitKeyCount() throws -> Int {
        try withLockMapping {
            Int(try database.makeStatement("SELECT count(*) FROM unit_key").fetchOne { try $0.int64(at: 0) } ?? 0)
        }
    }

    /// The values of `indicators` in `period` as a dense matrix, straight from the integer
    /// keys: one range scan of the period, no text per value.
    ///
    /// ```swift
    /// let m = try store.matrix(period: .year(2024), indicators: set.indicatorIDs)
    /// m.values[0 * m.units.count + 3]   // first indicator, fourth unit
    /// ```
    /// - Parameter part: the units to read (all of them by default): one part of them, read on
    ///   a connection of its own while others read the other parts (``MatrixPart``).
    /// - Complexity: O(v + u log u) for v values and u unit keys of the part; memory O(u × indicators).
    public func matrix(period: Period, indicators: [String], part: MatrixPart = .all) throws -> StoredMatrix {
        try withLockMapping {
            let db = database
            // Pages are read into the page cache, not memory-mapped: a map of a store written
            // unit by unit (each period's pages spread over the file) counted most of the file
            // in the process's memory, 1.26 GB against 0.89 GB for a national panel's score,
            // for 0.1-0.3 s less. https://www.sqlite.org/mmap.html
            // Integer keys are small and dense: arrays indexed by id, no hashing per value.
            var columnOfID = KeyTable()
            let byCode = Dictionary(indicators.enumerated().map { ($1.nfc, $0) }, uniquingKeysWith: { a, _ in a })
            let keys = try db.makeStatement("SELECT id, code FROM indicator_key")
            while let row = try keys.step() {
                if let c = byCode[try row.string(at: 1)] { columnOfID[try row.int64(at: 0)] = c }
            }
            guard
                let periodID = try db.makeStatement("SELECT id FROM period_key WHERE text = ?")
                    .fetchOne(arguments: [.text(period.description)], { try $0.int64(at: 0) })
            else { return .empty(period: period, indicators: indicators) }
            var range = Int64.min...Int64.max
            if part.count > 1 {
                let bounds = try db.makeStatement("SELECT min(id), max(id) FROM unit_key").fetchOne {
                    ($0.optionalInt64(at: 0), $0.optionalInt64(at: 1))
                }
                // No unit key (nothing stored), or a part without keys (more parts than keys).
                guard case let (lowest?, highest?)? = bounds, let keys = part.keys(lowest: lowest, highest: highest) else {
                    return .empty(period: period, indicators: indicators)
                }
                range = keys
            }
            // Every unit key of the part, by code: the matrix is filled in place in one scan,
            // then the units without a value in the period (if any) are dropped.
            var keyed: [(id: Int64, code: String)] = []
            let unitKeys = try db.makeStatement("SELECT id, code FROM unit_key WHERE id BETWEEN ? AND ?")
            try unitKeys.bind([.integer(range.lowerBound), .integer(range.upperBound)])
            while let row = try unitKeys.step() { keyed.append((try row.int64(at: 0), try row.string(at: 1))) }
            keyed.sort { $0.code < $1.code }
            var rowOfID = KeyTable()
            for (r, k) in keyed.enumerated() { rowOfID[k.id] = r }
            let all = keyed.count
            var matrix = [Double](repeating: .nan, count: all * indicators.count)
            var hasValue = [Bool](repeating: false, count: all)
            var sources = Set<String>()
            // The period's own table; a period without values has none (the view of all of them
            // then gives no row).
            let table = try ValueTable.exists(periodID: periodID, in: db) ? ValueTable(periodID: periodID).name : "observation_value"
            let scan = try db.makeStatement(
                "SELECT unit_id, indicator_id, value, source FROM " + table + " WHERE period_id = ? AND unit_id BETWEEN ? AND ?")
            try scan.bind([.integer(periodID), .integer(range.lowerBound), .integer(range.upperBound)])
            var lastUnit: Int64 = -1
            var lastRow = 0
            // Keys and value are NOT NULL in a STRICT table: read without a type check per cell.
            while let row = try scan.step() {
                guard let column = columnOfID[row.storedInt64(at: 1)] else { continue }
                let unit = row.storedInt64(at: 0)
                if unit != lastUnit {
                    // The schema's references give every unit id a key.
                    guard let r = rowOfID[unit] else { continue }
                    lastUnit = unit
                    lastRow = r
                    hasValue[r] = true
                }
                matrix[column * all + lastRow] = row.storedDouble(at: 2)
                if let s = row.optionalString(at: 3), !s.isEmpty { sources.insert(s) }
            }
            // Units a file named in the period without any value take part too (not ranked).
            let listed = try db.makeStatement("SELECT unit_id FROM unit_period WHERE period_id = ? AND unit_id BETWEEN ? AND ?")
            try listed.bind([.integer(periodID), .integer(range.lowerBound), .integer(range.upperBound)])
            while let row = try listed.step() {
                if let r = rowOfID[row.storedInt64(at: 0)] { hasValue[r] = true }
            }
            let kept = keyed.indices.filter { hasValue[$0] }
            let codes = kept.map { keyed[$0].code }
            if kept.count < all {
                let n = kept.count
                var compact = [Double](repeating: .nan, count: n * indicators.count)
                for c in indicators.indices {
                    for (r, old) in kept.enumerated() { compact[c * n + r] = matrix[c * all + old] }
                }
                matrix = compact
            }
            return StoredMatrix(period: period, units: codes, indicators: indicators, values: matrix, sources: sources)
        }
    }
}

/// A map from integer keys to small non-negative integers: an array for the dense ids SQLite
/// hands out, a dictionary for any id too large or negative for one.
private struct KeyTable {
    private var dense: [Int32] = []
    private var sparse: [Int64: Int] = [:]
    private static let denseLimit: Int64 = 1 << 24

    subscript(id: Int64) -> Int? {
        get {
            if id >= 0, id < Int64(dense.count) {
                let v = dense[Int(id)]
                return v >= 0 ? Int(v) : nil
            }
            return sparse.isEmpty ? nil : sparse[id]
        }
        set {
            guard let newValue else { return }
            if id >= 0, id < Self.denseLimit, newValue <= Int(Int32.max) {
                if id >= Int64(dense.count) {
                    dense.append(contentsOf: repeatElement(-1, count: Int(id) + 1 - dense.count))
                }
                dense[Int(id)] = Int32(newValue)
            } else {
                sparse[id] = newValue
            }
        }
    }
}

extension Row {
    /// The column as an integer, without the `NULL` check: only for a column that a STRICT
    /// table declares `INTEGER NOT NULL`, whose every value is an integer.
    fileprivate func storedInt64(at column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    /// The column as a double, without the `NULL` check: only for a column that a STRICT
    /// table declares `REAL NOT NULL`, whose every value is a real.
    fileprivate func storedDouble(at column: Int32) -> Double {
        sqlite3_column_double(handle, column)
    }
}
