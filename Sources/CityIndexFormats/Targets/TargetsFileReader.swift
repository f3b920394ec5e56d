import CityIndexCore

/// Reads a targets file: one target per row, for every unit and period or for one unit and/or
/// period, each with its source.
///
/// Columns (header names in any case, any order):
/// - `indicator` (required): an indicator id of the criteria set;
/// - `target` (required): the value the indicator should reach, in its unit of measure;
/// - `source` (required): where the target comes from;
/// - `unit` (optional): the administrative unit the target is for (code or name, as in data
///   files; not the unit of measure); empty for every unit;
/// - `period` (optional): the period the target is for (`2025`, `2025-Q3` …); empty for every period;
/// - `note` (optional).
///
/// ```swift
/// let table = try TargetsFileReader(criteria: set).read(path: "targets.csv")
/// ```
///
/// Every problem is collected (up to ``maxProblems``) with its `file:line:column`.
public struct TargetsFileReader: Sendable {
    /// The set whose indicators the targets belong to.
    public var criteria: CriteriaSet
    /// How many problems to collect before stopping.
    public var maxProblems: Int

    /// Creates a reader.
    public init(criteria: CriteriaSet, maxProblems: Int = 50) {
        self.criteria = criteria
        self.maxProblems = max(1, maxProblems)
    }

    static let required = ["indicator", "target", "source"]
    static let optional = ["unit", "period", "note"]
    static let columnList = "indicator, target, source, and optionally unit (the administrative unit), period, note"

    /// Reads the file at `path`.
    /// - Throws: ``TargetsFileError``.
    public func read(path: String) throws(TargetsFileError) -> TargetTable {
        var reader: CSVReader
        do { reader = try CSVReader(path: path) } catch { throw .csv(error) }
        return try read(&reader, file: path)
    }

    /// Reads CSV bytes; `name` names the file in problems.
    /// - Throws: ``TargetsFileError``.
    public func read(bytes: [UInt8], name: String) throws(TargetsFileError) -> TargetTable {
        var reader: CSVReader
        do { reader = try CSVReader(bytes: bytes, name: name) } catch { throw .csv(error) }
        return try read(&reader, file: name)
    }

    private func read(_ reader: inout CSVReader, file: String) throws(TargetsFileError) -> TargetTable {
        var problems: [TargetsProblem] = []
        let header: CSVRecord
        do throws(CSVError) {
            guard let record = try reader.nextRecord() else { throw CSVError.emptyFile(file: file) }
            header = record
        } catch { throw .csv(error) }
        func place(_ record: CSVRecord, _ field: Int) -> SourcePlace {
            SourcePlace(file: file, line: record.line, column: record.column(of: field))
        }
        var column: [String: Int] = [:]
        let known = Self.required + Self.optional
        for (i, raw) in header.fields.enumerated() {
            let name = raw.trimmingASCIISpaces.lowercased()
            if name.isEmpty { continue }
            guard known.contains(name) else {
                problems.append(.unknownColumn(place: place(header, i), name: raw, suggestion: EditDistance.suggestion(for: name, among: known)))
                continue
            }
            if column[name] != nil {
                problems.append(.repeatedColumn(place: place(header, i), name: raw))
            } else {
                column[name] = i
            }
        }
        for name in Self.required where column[name] == nil {
            problems.append(.missingColumn(place: SourcePlace(file: file, line: header.line, column: 1), name: name))
        }
        guard problems.isEmpty, let ci = column["indicator"], let ct = column["target"], let cs = column["source"] else {
            throw .invalid(problems)
        }
        let nodeIndex = Dictionary(criteria.nodes.indices.map { (criteria.nodes[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        let indicatorIDs = criteria.indicatorIDs
        var entries: [TargetEntry] = []
        var firstOf: [String: Int] = [:]  // key → index in entries
        while problems.count < maxProblems {
            let record: CSVRecord
            do throws(CSVError) {
                guard let next = try reader.nextRecord() else { break }
                record = next
                if record.isBlank { continue }
                try record.checkFieldCount(header.fields.count, file: file)
            } catch { throw .csv(error) }
            func cell(_ c: Int) -> String { record.fields[c].trimmingASCIISpaces }
            func optionalCell(_ name: String) -> String? { column[name].map(cell).flatMap { $0.isEmpty ? nil : $0 } }
            var rowProblems: [TargetsProblem] = []
            let id = cell(ci)
            var direction = Direction.higher
            if id.isEmpty {
                rowProblems.append(.emptyCell(place: place(record, ci), column: "indicator"))
            } else if let n = nodeIndex[id] {
                if criteria.nodes[n].isIndicator && n != 0 {
                    direction = criteria.effectiveSettings(of: n).direction ?? .higher
                } else {
                    rowProblems.append(.aggregate(place: place(record, ci), id: id))
                }
            } else {
                rowProblems.append(.unknownIndicator(place: place(record, ci), id: id, suggestion: Self.suggestion(for: id, among: indicatorIDs)))
            }
            var target: Double?
            do throws(NumberError) {
                target = try NumberParser.parse(cell(ct), decimalComma: false)
                if target == nil { rowProblems.append(.emptyCell(place: place(record, ct), column: "target")) }
            } catch {
                rowProblems.append(.notANumber(place: place(record, ct), error: error))
            }
            if let t = target, direction == .higher ? t <= 0 : t < 0, rowProblems.isEmpty {
                rowProblems.append(.outOfRange(place: place(record, ct), id: id, target: t, direction: direction))
            }
            let source = cell(cs)
            if source.isEmpty { rowProblems.append(.emptyCell(place: place(record, cs), column: "source")) }
            var period: Period?
            if let text = optionalCell("period"), let cp = column["period"] {
                period = Period(text)
                if period == nil { rowProblems.append(.badPeriod(place: place(record, cp), text: text)) }
            }
            guard rowProblems.isEmpty, let target else {
                problems += rowProblems
                continue
            }
            let unit = optionalCell("unit")
            let entry = TargetEntry(
                indicator: id, unit: unit, period: period, target: target, source: source, note: optionalCell("note"),
                place: SourcePlace(file: file, line: record.line, column: 1))
            let key = Self.key(entry)
            if let k = firstOf[key.match] {
                let first = entries[k]
                problems.append(first.target == target
                    ? .duplicate(place: entry.place, key: key.text, firstLine: first.place.line)
                    : .conflict(place: entry.place, key: key.text, target: target, otherTarget: first.target, otherLine: first.place.line))
                continue
            }
            firstOf[key.match] = entries.count
            entries.append(entry)
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        return TargetTable(file: file, entries: entries)
    }

    /// The key two entries may not share (indicator, unit folded as units are matched, period),
    /// and how it reads in a message.
    static func key(_ e: TargetEntry) -> (match: String, text: String) {
        let unit = e.unit.map { UnitNameKey.key($0) } ?? ""
        let match = "\(e.indicator)\u{1}\(unit)\u{1}\(e.period?.description ?? "")"
        var text = "\"\(e.indicator)\""
        text += e.unit.map { " for unit \($0)" } ?? " for every unit"
        text += e.period.map { " in \($0)" } ?? " in every period"
        return (match, text)
    }

    /// The id a mistyped indicator probably meant: a near spelling, or the same code written
    /// with other separators (`EC: ICT: ICT: 1C` for `EC.ICT.ICT.1C`).
    static func suggestion(for id: String, among ids: [String]) -> String? {
        func folded(_ s: String) -> String {
            s.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }.joined(separator: ".").lowercased()
        }
        let f = folded(id)
        if let same = ids.first(where: { folded($0) == f }) { return same }
        return EditDistance.suggestion(for: id, among: ids)
    }
}
