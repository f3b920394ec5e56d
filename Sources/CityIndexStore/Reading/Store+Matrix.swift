import CityIndexCore

/// One period's stored values as a dense unit × indicator matrix, read column by column.
public struct StoredMatrix: Sendable {
    /// The period.
    public var period: Period
    /// The codes of the units with at least one of the requested values, sorted.
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
}

extension Store {
    /// The values of `indicators` in `period` as a dense matrix, straight from the integer
    /// keys: one range scan of the period, no text per value.
    ///
    /// ```swift
    /// let m = try store.matrix(period: .year(2024), indicators: set.indicatorIDs)
    /// m.values[0 * m.units.count + 3]   // first indicator, fourth unit
    /// ```
    /// - Complexity: O(v + u log u) for v values of u units in the period; memory O(v).
    public func matrix(period: Period, indicators: [String]) throws -> StoredMatrix {
        try withLockMapping {
            let db = database
            var columnOfID: [Int64: Int] = [:]
            let byCode = Dictionary(indicators.enumerated().map { ($1.nfc, $0) }, uniquingKeysWith: { a, _ in a })
            let keys = try db.makeStatement("SELECT id, code FROM indicator_key")
            while let row = try keys.step() {
                if let c = byCode[try row.string(at: 1)] { columnOfID[try row.int64(at: 0)] = c }
            }
            guard
                let periodID = try db.makeStatement("SELECT id FROM period_key WHERE text = ?")
                    .fetchOne(arguments: [.text(period.description)], { try $0.int64(at: 0) })
            else {
                return StoredMatrix(period: period, units: [], indicators: indicators, values: [], sources: [])
            }
            var unitRows: [Int64] = []
            var columns: [Int32] = []
            var values: [Double] = []
            var sources = Set<String>()
            let scan = try db.makeStatement(
                "SELECT unit_id, indicator_id, value, source FROM observation_value WHERE period_id = ?")
            try scan.bind([.integer(periodID)])
            var lastIndicator: Int64 = -1
            var lastColumn: Int? = nil
            while let row = try scan.step() {
                let indicatorID = try row.int64(at: 1)
                if indicatorID != lastIndicator {
                    lastIndicator = indicatorID
                    lastColumn = columnOfID[indicatorID]
                }
                guard let column = lastColumn else { continue }
                unitRows.append(try row.int64(at: 0))
                columns.append(Int32(column))
                values.append(try row.double(at: 2))
                if !row.isNull(at: 3), let s = row.optionalString(at: 3), !s.isEmpty { sources.insert(s) }
            }
            // Unit ids to sorted codes.
            var codeOfID: [Int64: String] = [:]
            for id in Set(unitRows) { codeOfID[id] = "" }
            let unitKeys = try db.makeStatement("SELECT id, code FROM unit_key")
            while let row = try unitKeys.step() {
                let id = try row.int64(at: 0)
                if codeOfID[id] != nil { codeOfID[id] = try row.string(at: 1) }
            }
            let codes = codeOfID.values.sorted()
            let rowOfCode = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
            var rowOfID: [Int64: Int] = [:]
            for (id, code) in codeOfID { rowOfID[id] = rowOfCode[code] }
            let n = codes.count
            var matrix = [Double](repeating: .nan, count: n * indicators.count)
            var lastUnit: Int64 = -1
            var lastRow = 0
            for k in values.indices {
                if unitRows[k] != lastUnit {
                    lastUnit = unitRows[k]
                    lastRow = rowOfID[lastUnit] ?? 0
                }
                matrix[Int(columns[k]) * n + lastRow] = values[k]
            }
            return StoredMatrix(period: period, units: codes, indicators: indicators, values: matrix, sources: sources)
        }
    }
}
