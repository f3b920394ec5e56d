import CityIndexCore
import CityIndexFormats
import CityIndexReports

/// An empty data-entry sheet for a criteria set: `unit`, `name`, `period`, then one column per
/// indicator (scored ones in tree order, then data-only ones), one row per unit; and its notes
/// (name, unit of measure, direction, pillar of each indicator).
public struct DataTemplate {
    public var criteria: CriteriaSet
    public var units: [UnitInfo]
    public var period: String?
    public var language: Language

    /// Creates a template.
    public init(criteria: CriteriaSet, units: [UnitInfo], period: String?, language: Language) {
        self.criteria = criteria
        self.units = units
        self.period = period
        self.language = language
    }

    /// The indicator columns: scored first, in tree order, then data-only.
    public var indicators: [Int] {
        let all = criteria.indicatorIndices
        return all.filter { criteria.isScored($0) } + all.filter { !criteria.isScored($0) }
    }

    public var header: [String] { ["unit", "name", "period"] + indicators.map { criteria.nodes[$0].id } }

    public var rows: [[CSVCell]] {
        units.sorted { $0.code < $1.code }.map { unit in
            [.text(unit.code), .text(unit.name(in: language)), period.map { .text($0) } ?? .empty]
                + Array(repeating: CSVCell.empty, count: indicators.count)
        }
    }

    public static let notesHeader = ["indicator", "name", "unit_of_measure", "direction", "scored", "pillar", "target", "description"]

    public var notesRows: [[CSVCell]] {
        indicators.map { i in
            let node = criteria.nodes[i]
            var pillar = i
            while let p = criteria.nodes[pillar].parent, p != 0 { pillar = p }
            let settings = criteria.effectiveSettings(of: i)
            return [
                .text(node.id), .text(node.displayName(in: language)), .text(node.unit.text(in: language)),
                .text((settings.direction ?? .higher).rawValue), .text(criteria.isScored(i) ? "yes" : "no"),
                .text(pillar == i ? "" : criteria.nodes[pillar].id), NumberKind.value.cell(node.target),
                .text(node.description.text(in: language)),
            ]
        }
    }

    public func csv(dialect: CSVDialect) -> CSVWriter {
        CSVWriter(dialect: dialect, header: header, rows: rows)
    }

    public func notesCSV(dialect: CSVDialect) -> CSVWriter {
        var writer = CSVWriter(dialect: dialect)
        writer.writeHeader(Self.notesHeader)
        for row in notesRows { writer.writeRow(row) }
        return writer
    }

    /// The rows above the data sheet's header: each indicator's name and unit of measure in
    /// ``language``, over its id, each row titled in its first cell (``TemplateLabelRow``), so
    /// that the importer skips them.
    public var labelRows: [[CSVCell]] {
        TemplateLabelRow.allCases.map { row in
            let cells = indicators.map { i -> CSVCell in
                let text = row == .name
                    ? criteria.nodes[i].displayName(in: language) : IndicatorMeasure(criteria: criteria, node: i).observedUnit(in: language) ?? ""
                return text.isEmpty ? .empty : .text(text)
            }
            return [.text(row.title(in: language)), .empty, .empty] + cells
        }
    }

    /// The workbook: sheet `data` (the label rows, the header of ids, one row per unit) and
    /// sheet `notes`.
    public func workbook() -> XLSXWriter {
        var book = XLSXWriter()
        var data = XLSXSheet(name: "data", header: header, rows: rows)
        data.titleRows = labelRows
        book.add(data)
        book.add(XLSXSheet(name: "notes", header: Self.notesHeader, rows: notesRows))
        return book
    }
}
