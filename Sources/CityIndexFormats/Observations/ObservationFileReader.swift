import CityIndexCore

/// Reads an observation CSV (long, wide or COINr iData) into raw values and unit attributes.
///
/// Knows nothing of unit registries: units are kept as written, for the caller to match.
/// Every bad row is collected (up to ``maxBadRows``) instead of stopping at the first one.
///
/// ```swift
/// let reader = ObservationFileReader(indicatorIDs: ["le", "eys", "mys", "gnipc"], defaultPeriod: .year(2022))
/// let file = try reader.read(path: "inputs-2022.csv")
/// file.layout          // .wide
/// file.records.count   // one per non-missing value
/// ```
public struct ObservationFileReader: Sendable {
    /// The CSV options (delimiter, decimal comma, limits).
    public var options: CSVReadOptions
    /// The indicator ids of the criteria set. In wide files, columns not in it are unit attributes;
    /// in long files, other ids are bad rows. Empty: every wide column that is not a key or a
    /// `*_group` column is an indicator, and any id is accepted in long files.
    public var indicatorIDs: Set<String>
    /// The period of files without a period column (and of rows whose period cell is empty).
    public var defaultPeriod: Period?
    /// How many bad rows to collect before giving up (default 100).
    public var maxBadRows: Int
    /// `--columns`, `--indicator` and the region rows to leave out.
    public var layout: ObservationLayoutOptions
    /// The valid range of indicators that declare one, by id: a value outside is a bad row
    /// naming the value, the indicator, the range and where it was declared.
    public var ranges: [String: ValidRange] = [:]

    /// Creates a reader.
    public init(
        options: CSVReadOptions = CSVReadOptions(),
        indicatorIDs: Set<String> = [],
        defaultPeriod: Period? = nil,
        maxBadRows: Int = 100,
        layout: ObservationLayoutOptions = ObservationLayoutOptions()
    ) {
        self.options = options
        self.indicatorIDs = indicatorIDs
        self.defaultPeriod = defaultPeriod
        self.maxBadRows = max(1, maxBadRows)
        self.layout = layout
    }

    /// A reader for the data of `criteria`: its indicator ids and their valid ranges.
    public init(
        options: CSVReadOptions = CSVReadOptions(), criteria: CriteriaSet, defaultPeriod: Period? = nil, maxBadRows: Int = 100,
        layout: ObservationLayoutOptions = ObservationLayoutOptions()
    ) {
        self.init(options: options, indicatorIDs: Set(criteria.indicatorIDs), defaultPeriod: defaultPeriod, maxBadRows: maxBadRows, layout: layout)
        ranges = criteria.validRanges
    }

    /// Why `observation` is outside its indicator's valid range, or nil when it is not.
    static func rangeProblem(_ observation: RawObservation, ranges: [String: ValidRange]) -> String? {
        guard !ranges.isEmpty, let range = ranges[observation.indicator], !range.contains(observation.value) else { return nil }
        let number = { (x: Double) in CSVWriter.format(x, decimals: nil) }
        return "\(number(observation.value)) is outside the valid range [\(number(range.min)), \(number(range.max))] of indicator "
            + "\"\(observation.indicator)\" (unit \"\(observation.unitKey)\", period \(observation.period)), declared at \(range.place): "
            + "check the value and its unit of measure."
    }

    /// Reads the file at `path`, streaming it; a workbook (.xlsx) is read from its first sheet.
    ///
    /// - Throws: ``ObservationFileError``; ``ObservationFileError/badRows(_:)`` lists every bad row found.
    public func read(path: String) throws(ObservationFileError) -> ObservationFile {
        if Self.isWorkbook(path: path) { return try read(workbookPath: path, sheet: nil) }
        var reader: CSVReader
        do { reader = try CSVReader(path: path, options: options) } catch { throw .csv(error) }
        return try read(&reader)
    }

    /// Reads CSV bytes in memory; `name` is the file name used in messages.
    ///
    /// - Throws: ``ObservationFileError``; ``ObservationFileError/badRows(_:)`` lists every bad row found.
    public func read(bytes: [UInt8], name: String) throws(ObservationFileError) -> ObservationFile {
        var reader: CSVReader
        do { reader = try CSVReader(bytes: bytes, name: name, options: options) } catch { throw .csv(error) }
        return try read(&reader)
    }

    /// Reads the header, detects the layout and works out the columns, without reading the rows.
    public func detectLayout(bytes: [UInt8], name: String) throws(ObservationFileError) -> ObservationFile.Layout {
        var reader: CSVReader
        do { reader = try CSVReader(bytes: bytes, name: name, options: options) } catch { throw .csv(error) }
        return try readHeader(&reader).layout
    }

    func readHeader<Source: RecordSource>(
        _ reader: inout Source
    ) throws(ObservationFileError) -> (header: CSVRecord, layout: ObservationFile.Layout, columns: ObservationColumns) {
        let file = reader.file
        let header: CSVRecord
        do throws(CSVError) {
            // A template's label rows (indicator names and units) come before its header.
            var record = try reader.nextRecord()
            while let r = record, let first = r.fields.first, TemplateLabelRow.isLabel(first: first) { record = try reader.nextRecord() }
            guard let record else { throw CSVError.emptyFile(file: file) }
            header = record
        } catch { throw .csv(error) }
        let names = header.fields.map(\.trimmingASCIISpaces)
        var seen = Set<String>()
        for (i, n) in names.enumerated() where !n.isEmpty {
            guard seen.insert(n.lowercased()).inserted else {
                throw .duplicateColumn(file: file, line: header.line, column: header.column(of: i), name: n)
            }
        }
        let columns = try ObservationColumns(
            header: header, indicatorIDs: indicatorIDs, options: layout, sheet: reader.sheet, file: file)
        if columns.layout == .long, columns.value == nil {
            throw .missingColumn(file: file, layout: .long, name: "value")
        }
        if columns.period == nil, columns.periods.isEmpty, defaultPeriod == nil { throw .missingPeriod(file: file) }
        return (header, columns.layout, columns)
    }

    /// The key of a value, to find duplicates.
    struct Key: Hashable {
        var unit: String
        var indicator: String
        var period: Period
    }

    func read<Source: RecordSource>(_ reader: inout Source) throws(ObservationFileError) -> ObservationFile {
        var records: [RawObservation] = []
        var seen: [Key: (value: Double, line: Int)] = [:]
        let scanned = try scan(&reader) { observation in
            let key = Key(unit: observation.unitKey, indicator: observation.indicator, period: observation.period)
            if let previous = seen[key] {
                if previous.value != observation.value {
                    return .bad(Self.twiceMessage(observation, previous: previous.value, line: previous.line))
                }
                return .ok
            }
            seen[key] = (observation.value, observation.line)
            records.append(observation)
            return .ok
        }
        if !scanned.badRows.isEmpty { throw ObservationFileError.rows(scanned.badRows, more: scanned.moreBadRows) }
        return ObservationFile(
            name: reader.file, layout: scanned.layout, records: records, attributes: scanned.attributes,
            emptyRows: scanned.emptyRows, sheet: reader.sheet, leftOut: scanned.leftOut)
    }

    static func twiceMessage(_ observation: RawObservation, previous: Double, line: Int) -> String {
        "unit \"\(observation.unitKey)\", indicator \"\(observation.indicator)\", period \(observation.period) is given twice, "
            + "\(CSVWriter.format(previous, decimals: nil)) on line \(line) and "
            + "\(CSVWriter.format(observation.value, decimals: nil)) here: keep one of them."
    }

    /// What the caller of ``scan(_:add:)`` makes of one value.
    enum Verdict {
        /// Taken.
        case ok
        /// A bad row at the value's place, with this message.
        case bad(String)
        /// Stop reading (the caller failed).
        case stop
    }

    /// What ``scan(_:add:)`` found besides the values.
    struct Scanned {
        var layout: ObservationFile.Layout
        var attributes: [RawAttribute]
        var emptyRows: [RawEmptyRow]
        var badRows: [BadRow]
        var leftOut: LeftOutRows
        /// Bad rows found beyond ``maxBadRows`` (counted, not listed).
        var moreBadRows = 0
    }

    /// Reads every row, handing each value to `add` as it is read; collects attributes and bad rows.
    func scan<Source: RecordSource>(
        _ reader: inout Source, add take: (RawObservation) -> Verdict
    ) throws(ObservationFileError) -> Scanned {
        let file = reader.file
        let sheet = reader.sheet
        let (header, layout, columns) = try readHeader(&reader)
        let convention = reader.numberConvention
        let fieldCount = header.fields.count
        let byLowercase = Dictionary(indicatorIDs.map { ($0.lowercased(), $0) }, uniquingKeysWith: min)
        let unitIsName = columns.unitIsName
        // Copied here, so that the functions below, called on every row, hold no copy of `self`
        // (a copy of the reader retained and released its fields on every row).
        let maxBadRows = self.maxBadRows, ranges = self.ranges, regionRows = self.layout.regionRows
        var fast = LongRowFastPath(
            layout: layout, columns: columns, indicatorIDs: indicatorIDs, byLowercase: byLowercase,
            defaultPeriod: defaultPeriod, convention: convention, regionRows: regionRows)
        var leftOut = LeftOutRows()
        var regionVerdicts: [String: Bool] = [:]
        var attributes: [RawAttribute] = []
        var emptyRows: [RawEmptyRow] = []
        var emptySeen = Set<EmptyRowKey>()
        var badRows: [BadRow] = []
        var moreBadRows = 0
        var stopped = false
        /// Keeps the first ``maxBadRows`` bad rows and counts the others.
        func record(_ row: BadRow) {
            if badRows.count < maxBadRows { badRows.append(row) } else { moreBadRows += 1 }
        }
        // Files repeat the same period text row after row: parse it once.
        var lastPeriod: (text: String, period: Period)? = nil
        var dataRows = 0

        func bad(_ csvRecord: CSVRecord, _ index: Int, _ message: String) {
            let place = csvRecord.position(of: index)
            record(BadRow(file: file, line: place.line, column: place.column, message: message, sheet: sheet))
        }
        func text(_ record: CSVRecord, _ index: Int?) -> String? {
            guard let index else { return nil }
            let t = record.fields[index].trimmingASCIISpaces
            return t.isEmpty ? nil : t
        }
        func add(_ observation: RawObservation, _ record: CSVRecord, _ index: Int) {
            // A value outside its range is not handed over.
            switch Self.rangeProblem(observation, ranges: ranges).map(Verdict.bad) ?? take(observation) {
            case .ok: break
            case .bad(let message): bad(record, index, message)
            case .stop: stopped = true
            }
        }
        /// A value read by the fast path: a bad row is placed at the value, as in `add`.
        func addPlain(_ observation: RawObservation) {
            switch Self.rangeProblem(observation, ranges: ranges).map(Verdict.bad) ?? take(observation) {
            case .ok: break
            case .bad(let message):
                record(BadRow(file: file, line: observation.line, column: observation.column, message: message, sheet: sheet))
            case .stop: stopped = true
            }
        }
        /// Notes a row that names a unit in a period but gives no value (each unit and period once).
        func noValue(_ record: CSVRecord, unitKey: String, unitName: String?, period: Period) {
            guard emptySeen.insert(EmptyRowKey(unitKey: unitKey, unitName: unitName, period: period)).inserted else { return }
            emptyRows.append(RawEmptyRow(unitKey: unitKey, unitName: unitName, period: period, line: record.position(of: 0).line))
        }
        /// The cell naming the row a region or the whole country, if one does (the name first).
        func regionName(_ cells: String?...) -> String? {
            for case let cell? in cells {
                if let known = regionVerdicts[cell] {
                    if known { return cell }
                    continue
                }
                let verdict = regionRows.contains(cell)
                regionVerdicts[cell] = verdict
                if verdict { return cell }
            }
            return nil
        }
        /// The level and verified flag the row states; nil (each bad cell reported) when a cell
        /// writes neither.
        func valueMark(_ record: CSVRecord) -> ValueMark? {
            var mark = ValueMark()
            var good = true
            if let index = columns.quality, let cell = text(record, index) {
                if let level = DataQuality(cell: cell) {
                    mark.quality = level
                } else {
                    good = false
                    bad(record, index, "quality \"\(cell)\" is not a data-quality level: write \(DataQuality.accepted), or leave the cell empty.")
                }
            }
            if let index = columns.verified, let cell = text(record, index) {
                if let flag = VerifiedCell.parse(cell) {
                    mark.verified = flag
                } else {
                    good = false
                    bad(record, index, "verified \"\(cell)\" is neither yes nor no: write \(VerifiedCell.accepted), or leave the cell empty.")
                }
            }
            return good ? mark : nil
        }
        func number(_ record: CSVRecord, _ index: Int, column: String) -> Double? {
            do {
                return try NumberParser.parse(record.fields[index], convention: convention)
            } catch {
                bad(record, index, error.message(column: column))
                return nil
            }
        }

        // Every row is read, so that the bad rows beyond the ones listed can be counted.
        while !stopped {
            // Common rows first, from the bytes; any other row is read below, with every check.
            if fast != nil {
                let taken = reader.nextPlainRecord(fieldCount: fieldCount) { record in
                    switch fast?.read(record) {
                    case .observation(let observation)?:
                        addPlain(observation)
                        return true
                    // A missing value may be a unit's only row in the period: read below.
                    case .missing?: return false
                    case .general?, nil: return false
                    }
                }
                if taken {
                    dataRows += 1
                    continue
                }
            }
            let next: CSVRecord?
            do {
                next = try reader.nextRecord()
            } catch {
                guard !badRows.isEmpty, let place = error.position else { throw .csv(error) }
                badRows.append(BadRow(file: file, line: place.line, column: place.column, message: error.message, sheet: reader.sheet))
                break
            }
            guard let record = next else { break }
            if record.isBlank { continue }
            dataRows += 1
            do { try record.checkFieldCount(fieldCount, file: file) } catch {
                bad(record, min(record.fields.count, fieldCount), error.message)
                continue
            }
            let unitCell = text(record, columns.unit)
            if let region = regionName(text(record, columns.name), unitCell) {
                leftOut.add(line: record.line, name: region)
                continue
            }
            guard let unitKey = unitCell else {
                bad(
                    record, columns.unit,
                    "the unit is empty: write the unit's code or name in column \"\(columns.names[columns.unit])\".")
                continue
            }
            let unitName = text(record, columns.name) ?? (unitIsName ? unitKey : nil)
            let source = text(record, columns.source), note = text(record, columns.note)
            guard let mark = valueMark(record) else { continue }
            let period: Period
            if layout == .periodColumns, let first = columns.periods.first {
                period = first.period  // each value has its column's period
            } else if let periodText = text(record, columns.period) {
                if let last = lastPeriod, last.text == periodText {
                    period = last.period
                } else {
                    guard let p = Period(periodText) else {
                    bad(
                        record, columns.period ?? 0,
                            "period \"\(periodText)\" is not a period: expected 2024, 2024-H1, 2024-Q3 or 2024-07.")
                        continue
                    }
                    period = p
                    lastPeriod = (periodText, p)
                }
            } else if let defaultPeriod {
                period = defaultPeriod
            } else {
                bad(
                    record, columns.period ?? 0,
                    "the period is empty: write one (2024, 2024-H1, 2024-Q3 or 2024-07) or pass --period.")
                continue
            }
            for index in columns.unnamed where text(record, index) != nil {
                bad(record, index, "a value in a column without a header: name the column or remove the value.")
            }
            for index in columns.attributes {
                guard let value = text(record, index) else { continue }
                attributes.append(
                    RawAttribute(
                        unitKey: unitKey, unitName: unitName, name: columns.names[index], value: value,
                        line: record.position(of: index).line))
            }
            /// Takes the value in cell `index`, of `indicator` in `period`; a missing value lists
            /// the unit in the period without it. Returns whether the cell gave a value.
            @discardableResult func take(_ index: Int, _ indicator: String, _ period: Period, column: String) -> Bool {
                let bad = badRows.count
                guard let value = number(record, index, column: column) else {
                    if badRows.count == bad { noValue(record, unitKey: unitKey, unitName: unitName, period: period) }
                    return false
                }
                let place = record.position(of: index)
                add(
                    RawObservation(
                        unitKey: unitKey, unitName: unitName, indicator: indicator, period: period, value: value,
                        source: source, note: note, mark: mark, line: place.line, column: place.column),
                    record, index)
                return true
            }
            if layout == .periodColumns, let id = columns.fixedIndicator {
                for (index, period) in columns.periods { take(index, id, period, column: columns.names[index]) }
            } else if layout == .long, let valueColumn = columns.value {
                var indicator: String
                if let fixed = columns.fixedIndicator {
                    indicator = fixed
                } else if let indicatorColumn = columns.indicator {
                    guard let written = text(record, indicatorColumn) else {
                        bad(
                            record, indicatorColumn,
                            "the indicator is empty: write an indicator id in column \"\(columns.names[indicatorColumn])\".")
                        continue
                    }
                    indicator = written
                    if !indicatorIDs.isEmpty, !indicatorIDs.contains(written) {
                        if let id = byLowercase[written.lowercased()] {
                            indicator = id
                        } else {
                            let hint = IndicatorSuggestion.closest(to: written, in: indicatorIDs).map { "did you mean \"\($0)\"?" }
                                ?? "check the id, or add the indicator to the set."
                            bad(record, indicatorColumn, "indicator \"\(written)\" is not in the criteria set: \(hint)")
                            continue
                        }
                    }
                } else {
                    continue  // not reached: a long layout has an indicator column or a fixed indicator
                }
                take(valueColumn, indicator, period, column: indicator)
            } else {
                var given = false
                let bad = badRows.count
                defer {
                    if !given, badRows.count == bad, !columns.indicators.isEmpty { noValue(record, unitKey: unitKey, unitName: unitName, period: period) }
                }
                for (index, id) in columns.indicators {
                    guard let value = number(record, index, column: columns.names[index]) else { continue }
                    given = true
                    let place = record.position(of: index)
                    add(
                        RawObservation(
                            unitKey: unitKey, unitName: unitName, indicator: id, period: period, value: value,
                            source: source, note: note, mark: mark, line: place.line, column: place.column),
                        record, index)
                }
            }
        }
        if badRows.isEmpty, !stopped, dataRows == 0 { throw .noRows(file: file) }
        var scanned = Scanned(layout: layout, attributes: attributes, emptyRows: emptyRows, badRows: badRows, leftOut: leftOut)
        scanned.moreBadRows = moreBadRows
        return scanned
    }
}

/// A unit as a file writes it, in a period: the rows without values are reported once per key.
private struct EmptyRowKey: Hashable {
    var unitKey: String
    var unitName: String?
    var period: Period
}
