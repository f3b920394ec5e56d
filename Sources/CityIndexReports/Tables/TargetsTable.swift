import CityIndexCore
import CityIndexFormats

/// The targets a result was scored against, one row per indicator and target source:
/// `targets.csv` and the workbook's `targets` sheet.
///
/// Columns: `indicator, name, target, unit_of_measure, unit, period, applied_to, source, place`
/// — `unit` and `period` as written in the targets file (empty: every unit, every period),
/// `applied_to` the codes of the units whose values were scored against the target, `place`
/// where the target was written (`targets.csv:12:1`, or the criteria set's node).
struct TargetsTable: Sendable {
    let result: ScoreResult
    let language: Language

    static let header = ["indicator", "name", "target", "unit_of_measure", "unit", "period", "applied_to", "source", "place"]

    /// The uses in tree order, then by where they were written.
    var uses: [TargetUse] {
        result.targetsUsed.sorted { a, b in
            a.indicator != b.indicator ? a.indicator < b.indicator : (a.place.line, a.place.file) < (b.place.line, b.place.file)
        }
    }

    /// The source of a use as a reader sees it.
    func source(_ use: TargetUse) -> String {
        use.source ?? ReportLabels(language: language).criteriaSetTarget
    }

    /// The scope written in the targets file: (unit, period), nil for every unit or period.
    func scope(_ use: TargetUse) -> (unit: String?, period: Period?) {
        if case let .file(entry) = use.origin { return (entry.unit, entry.period) }
        return (nil, nil)
    }

    var sheet: XLSXSheet {
        let criteria = result.criteria
        let rows: [[CSVCell]] = uses.map { use in
            let node = criteria.nodes[use.indicator]
            let (unit, period) = scope(use)
            return [
                .text(node.id), .text(node.displayName(in: language)), .number(use.target),
                .text(node.unit.text(in: language)), .text(unit ?? ""), .text(period?.description ?? ""),
                .text(use.units.map { result.units[$0].code }.joined(separator: ";")), .text(source(use)), .text(use.place.location),
            ]
        }
        return XLSXSheet(name: "targets", header: Self.header, rows: rows)
    }
}
