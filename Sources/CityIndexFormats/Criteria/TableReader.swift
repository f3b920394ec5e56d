import CityIndexCore

/// The nodes of a flat table (COINr iMeta layout) before they are linked into a set.
struct TableDraft {
    /// Nodes in row order; the root has no parent.
    var nodes: [CriteriaNode] = []
    /// iCodes of `Group` rows: unit attribute names.
    var groups: [String] = []
    /// Node id → place of its Denominator cell.
    var denominatorPlaces: [String: SourcePlace] = [:]
    /// The Denominator cells that name something, as references.
    var references: [NameReference] {
        denominatorPlaces.compactMap { id, place in
            nodes.first { $0.id == id }?.settings.denominate.map {
                NameReference(name: $0.by, place: place, key: "denominate.by", role: .indicatorOrAttribute)
            }
        }.sorted { ($0.place.line, $0.place.column) < ($1.place.line, $1.place.column) }
    }
}

/// Reads a flat criteria table: columns Level, iCode, iName, Direction, Weight, Unit, Target,
/// Denominator, Parent, Type, and optionally Normalise, Min, Max, Transform, Aggregate,
/// iName_vi, Unit_vi, Description, Description_vi, Source, Source_vi, Notes, Notes_vi, Scored,
/// DenominatorFactor, Impute, ImputeBy, Treat, OverTime, Combine, CombineBy, CombineStage,
/// RangeMin, RangeMax (header names in any case). The texts without `_vi` are English, as
/// `iName` is; a `_vi` column gives the Vietnamese form.
enum TableReader {
    /// Columns in the order they are written.
    static let columns = [
        "Level", "iCode", "iName", "Direction", "Weight", "Unit", "Target", "Denominator", "Parent", "Type",
        "Normalise", "Min", "Max", "Transform", "Aggregate", "iName_vi", "Unit_vi", "Description", "Description_vi",
        "Source", "Source_vi", "Notes", "Notes_vi",
        "Scored", "DenominatorFactor", "Impute", "ImputeBy", "Treat", "OverTime", "Combine", "CombineBy", "CombineStage",
        "RangeMin", "RangeMax",
    ]
    static let required = ["iCode", "Parent", "Type"]
    static let types = ["Indicator", "Aggregate", "Group", "Denominator"]

    /// One data row.
    struct Row {
        let number: Int
        let record: CSVRecord
        let code: String
        let type: String
    }

    static func read(bytes: [UInt8], name: String, log: inout ProblemLog) -> TableDraft {
        var reader: CSVReader
        do {
            reader = try CSVReader(bytes: bytes, name: name)
        } catch {
            log.error(place(of: error, file: name), error.message)
            return TableDraft()
        }
        return read(&reader, name: name, log: &log)
    }

    /// Reads the table from `reader`: a CSV file, or a workbook sheet (places are then cells, `Criteria!C14`).
    static func read<Source: RecordSource>(_ reader: inout Source, name: String, log: inout ProblemLog) -> TableDraft {
        var draft = TableDraft()
        let sheet = reader.sheet
        /// A place in the table: `file:line:column`, or `file: Sheet!C14` for a sheet.
        func at(line: Int, column: Int, path: String = "") -> SourcePlace {
            guard let sheet else { return SourcePlace(file: name, line: line, column: column, path: path) }
            return SourcePlace(file: "\(name): \(CellReference.name(sheet: sheet, row: line, column: max(column, 1)))", path: path)
        }
        let header: CSVRecord
        do {
            guard let h = try reader.nextRecord() else {
                log.error(SourcePlace(file: name), "the table is empty; expected a header naming \(Wording.list(columns.prefix(10).map { $0 }))")
                return draft
            }
            header = h
        } catch {
            log.error(place(of: error, file: name), error.message)
            return draft
        }
        var index: [String: Int] = [:]
        let lower = Dictionary(uniqueKeysWithValues: columns.map { ($0.lowercased(), $0) })
        for (i, raw) in header.fields.enumerated() {
            let key = raw.trimmingSpaces.lowercased()
            let canonical = lower[key] ?? (key == "normalize" ? "Normalise" : nil)
            let at = at(line: header.line, column: header.column(of: i), path: "table header")
            guard let canonical else {
                log.warning(at, "column \"\(raw)\" is not used" + Wording.suggestion(raw, among: columns))
                continue
            }
            if index[canonical] != nil {
                log.error(at, "column \(canonical) is given twice")
            }
            index[canonical] = i
        }
        let missing = required.filter { index[$0] == nil }
        if !missing.isEmpty {
            log.error(
                at(line: header.line, column: 1, path: "table header"),
                "missing column\(missing.count > 1 ? "s" : "") \(Wording.list(missing)); expected a header with \(Wording.list(Array(columns.prefix(10))))")
            return draft
        }
        var cells = TableCells(file: name, index: index, decimalComma: reader.decimalComma, sheet: sheet)
        var rows: [Row] = []
        var seen: [String: (row: Int, line: Int)] = [:]
        var number = 0
        while true {
            let record: CSVRecord
            do {
                guard let r = try reader.nextRecord() else { break }
                record = r
            } catch {
                log.error(place(of: error, file: name), error.message)
                break
            }
            if record.isBlank { continue }
            number += 1
            let code = cells.text(record, "iCode")
            cells.row = number
            cells.code = code
            guard !code.isEmpty else {
                log.error(cells.place(record, "iCode"), "missing iCode; every row needs a code")
                continue
            }
            if !CriteriaLoader.isValidID(code) {
                log.error(cells.place(record, "iCode"), "iCode \"\(code)\" may only hold letters A-Z and a-z, digits, \"_\", \".\" and \"-\"")
            }
            let typeText = cells.text(record, "Type")
            guard let type = types.first(where: { $0.lowercased() == typeText.lowercased() }) else {
                log.error(cells.place(record, "Type"), Wording.unknown("Type", typeText, expected: types))
                continue
            }
            if let earlier = seen[code] {
                let at = cells.place(record, "iCode")
                log.error(at, "duplicate iCode \"\(code)\"; also in row \(earlier.row) (\(name):\(earlier.line))")
                continue
            }
            seen[code] = (number, record.line)
            if type == "Group" {
                draft.groups.append(code)
                continue
            }
            rows.append(Row(number: number, record: record, code: code, type: type))
        }
        TableTree.build(rows: rows, cells: &cells, draft: &draft, log: &log)
        return draft
    }

    /// The place of a CSV error.
    static func place(of error: CSVError, file: String) -> SourcePlace {
        SourcePlace(file: file, line: error.position?.line ?? 0, column: error.position?.column ?? 0)
    }
}
