import CityIndexCore
import CityIndexFormats

extension UnitComparison {
    /// The section of indicators as scored: one row per scored indicator, its unit of measure
    /// as scored, and per unit the value (with the raw figures of a denominated indicator).
    var valuesSection: String {
        let labels = ReportLabels(language: language)
        let names = units.map { MarkdownText.cell(result.units[$0].name(in: language)) }
        var table = MarkdownTable(
            header: [labels.indicator, labels.unitOfMeasure] + names, alignments: [.left, .left] + units.map { _ in .right })
        for i in result.criteria.scoredIndicatorIndices {
            let measure = IndicatorMeasure(criteria: result.criteria, node: i)
            var row = [MarkdownText.cell(result.criteria.nodes[i].displayName(in: language)), MarkdownText.cell(measure.scoredUnit(in: language) ?? "")]
            for u in units {
                guard let v = measure.value(in: result, unit: u) else {
                    row.append("–")
                    continue
                }
                let raw = measure.rawFigures(in: result, unit: u, language: language).map { " (\(MarkdownText.cell($0)))" } ?? ""
                row.append(measure.format(v, language: language) + raw)
            }
            table.append(row)
        }
        return "## \(labels.indicatorsAsScored)\n\n" + labels.indicatorsAsScoredLegend + "\n\n" + table.text
    }

    /// The value cells of the CSV: `value` (as scored), `unit_of_measure` (as scored),
    /// `raw_value` and `denominator_value` (the figures reported); empty for aggregates.
    func valueCells(node n: Int, unit u: Int) -> [CSVCell] {
        guard result.criteria.nodes[n].isIndicator, n != 0 else { return [.empty, .empty, .empty, .empty] }
        let measure = IndicatorMeasure(criteria: result.criteria, node: n)
        return [
            NumberKind.value.cell(measure.value(in: result, unit: u)), .text(measure.scoredUnit(in: language) ?? ""),
            NumberKind.value.cell(result.rawValue(node: n, unit: u)), NumberKind.value.cell(measure.denominatorValue(in: result, unit: u)),
        ]
    }
}
