import CityIndexCore

/// Reads the common row of a long file straight from the bytes of a ``PlainRecord``: unit,
/// indicator, period and value (with optional source and note) that need no trimming, a known
/// period and indicator, and a value that parses or is missing.
///
/// Anything else (an empty or padded cell, an unknown indicator or period, a value that is
/// not a number) is left to the general path of ``ObservationFileReader/scan(_:add:)``, which
/// reads the record again and gives its usual message: the fast path only skips work, never a
/// check. Repeated texts are not made again: the last unit and period are kept with their
/// bytes, and indicator ids are looked up by bytes.
struct LongRowFastPath {
    /// What became of one row.
    enum Row {
        /// A value.
        case observation(RawObservation)
        /// The value cell holds a missing-value token: the row gives nothing.
        case missing
        /// Not a common row: read it with the general path.
        case general
    }

    private let unit: Int
    private let period: Int?
    private let indicator: Int
    private let value: Int
    private let source: Int?
    private let note: Int?
    private let quality: Int?
    private let verified: Int?
    /// Whether the unit column is the `name` column (the key is then also the name).
    private let unitIsName: Bool
    private let indicatorIDs: Set<String>
    private let byLowercase: [String: String]
    private let defaultPeriod: Period?
    private let convention: NumberConvention

    private let regionRows: RegionRowNames
    private var lastUnit: (bytes: [UInt8], text: String, isRegion: Bool) = ([], "", false)
    /// Whether each unit key seen is a region or whole-country name (left to the general path).
    private var regionVerdicts = InternTable<Bool>()
    private var lastPeriod: (bytes: [UInt8], period: Period)?
    /// The first periods met, each parsed once.
    private var recentPeriods: [(bytes: [UInt8], period: Period)] = []
    private var indicators = InternTable<String>()

    /// A fast path for the columns of a long file, or nil when its columns need the general
    /// path on every row (a name column, attributes, unnamed columns, or another layout).
    init?(
        layout: ObservationFile.Layout, columns: ObservationColumns, indicatorIDs: Set<String>,
        byLowercase: [String: String], defaultPeriod: Period?, convention: NumberConvention, regionRows: RegionRowNames
    ) {
        guard layout == .long, columns.name == nil, columns.attributes.isEmpty, columns.unnamed.isEmpty,
            let indicator = columns.indicator, let value = columns.value
        else { return nil }
        self.regionRows = regionRows
        unit = columns.unit
        period = columns.period
        self.indicator = indicator
        self.value = value
        source = columns.source
        note = columns.note
        quality = columns.quality
        verified = columns.verified
        unitIsName = columns.unitIsName
        self.indicatorIDs = indicatorIDs
        self.byLowercase = byLowercase
        self.defaultPeriod = defaultPeriod
        self.convention = convention
    }

    /// Reads one row.
    ///
    /// - Complexity: O(row length); makes a `String` only for a unit, period or indicator not
    ///   seen just before (or, for indicators, at all).
    mutating func read(_ record: PlainRecord) -> Row {
        let unitBytes = record.bytes(unit)
        guard Self.isTrimmedText(unitBytes) else { return .general }
        let unitKey: String
        if Self.equal(unitBytes, lastUnit.bytes) {
            unitKey = lastUnit.text
        } else {
            unitKey = String(decoding: unitBytes, as: UTF8.self)
            let isRegion: Bool
            if let known = regionVerdicts.value(for: unitBytes) {
                isRegion = known
            } else {
                isRegion = regionRows.contains(unitKey)
                regionVerdicts.insert(unitBytes, isRegion)
            }
            lastUnit = (Array(unitBytes), unitKey, isRegion)
        }
        // Region and whole-country rows are left out, and reported, by the general path.
        if lastUnit.isRegion { return .general }

        let period: Period
        if let column = self.period {
            let bytes = record.bytes(column)
            guard Self.isTrimmedText(bytes) else { return .general }
            if let last = lastPeriod, Self.equal(bytes, last.bytes) {
                period = last.period
            } else if let known = recentPeriods.first(where: { Self.equal(bytes, $0.bytes) }) {
                // A file ordered unit by unit cycles through a few periods row after row.
                lastPeriod = known
                period = known.period
            } else {
                guard let parsed = Period(String(decoding: bytes, as: UTF8.self)) else { return .general }
                lastPeriod = (Array(bytes), parsed)
                if recentPeriods.count < 32 { recentPeriods.append((Array(bytes), parsed)) }
                period = parsed
            }
        } else {
            guard let defaultPeriod else { return .general }
            period = defaultPeriod
        }

        let indicatorBytes = record.bytes(indicator)
        guard Self.isTrimmedText(indicatorBytes) else { return .general }
        let id: String
        if let known = indicators.value(for: indicatorBytes) {
            id = known
        } else {
            let written = String(decoding: indicatorBytes, as: UTF8.self)
            if indicatorIDs.isEmpty || indicatorIDs.contains(written) {
                id = written
            } else if let canonical = byLowercase[written.lowercased()] {
                id = canonical
            } else {
                return .general
            }
            indicators.insert(indicatorBytes, id)
        }

        let number: Double
        switch NumberParser.parse(bytes: record.bytes(value), convention: convention) {
        case .success(let parsed?): number = parsed
        case .success(nil): return .missing
        case .failure: return .general
        }
        guard let source = optionalText(record, source), let note = optionalText(record, note),
            let qualityText = optionalText(record, quality), let verifiedText = optionalText(record, verified)
        else {
            return .general
        }
        // A cell that is no level or flag is left to the general path, which reports it.
        var mark = ValueMark()
        if let qualityText {
            guard let level = DataQuality(cell: qualityText) else { return .general }
            mark.quality = level
        }
        if let verifiedText {
            guard let flag = VerifiedCell.parse(verifiedText) else { return .general }
            mark.verified = flag
        }
        return .observation(
            RawObservation(
                unitKey: unitKey, unitName: unitIsName ? unitKey : nil, indicator: id, period: period, value: number,
                source: source, note: note, mark: mark, line: record.line, column: record.column(value)))
    }

    /// `.some(nil)` for no column or an empty cell, `.some(text)`, or `nil` when the cell is
    /// padded with spaces (left to the general path).
    private func optionalText(_ record: PlainRecord, _ column: Int?) -> String?? {
        guard let column else { return .some(nil) }
        let bytes = record.bytes(column)
        if bytes.isEmpty { return .some(nil) }
        guard Self.isTrimmedText(bytes) else { return nil }
        return .some(String(decoding: bytes, as: UTF8.self))
    }

    /// Whether `bytes` are not empty and neither start nor end with a space or tab.
    @inline(__always)
    private static func isTrimmedText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        return first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09
    }

    @inline(__always)
    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ stored: [UInt8]) -> Bool {
        guard bytes.count == stored.count else { return false }
        return stored.withUnsafeBufferPointer { s in
            for i in 0..<s.count where s[i] != bytes[i] { return false }
            return true
        }
    }
}
