import CityIndexCore

extension ProfileReport {
    /// An indicator's value as scored with its unit (`8,21 người trên 10 nghìn người`), or "".
    func scoredValue(_ n: Int) -> String {
        let measure = IndicatorMeasure(criteria: result.criteria, node: n)
        guard let v = measure.value(in: result, unit: unit) else { return "" }
        return measure.format(v, language: options.language) + (measure.scoredUnit(in: options.language).map { " " + MarkdownText.cell($0) } ?? "")
    }

    /// The raw figures an indicator's value was computed from, for a denominated one, or "".
    func rawFigures(_ n: Int) -> String {
        IndicatorMeasure(criteria: result.criteria, node: n).rawFigures(in: result, unit: unit, language: options.language).map(MarkdownText.cell) ?? ""
    }

    /// Whether the data states a data-quality level or verified flag for any value of the
    /// period: the levels table then has a data-quality column.
    var showsMarks: Bool { !options.valueMarks.isEmpty }

    /// What the data states of the unit's value of indicator `n` (`measured, verified`), "not
    /// stated", or "" when the unit has no value of it.
    func valueMark(_ n: Int) -> String {
        guard result.rawValue(node: n, unit: unit) != nil else { return "" }
        let mark = options.valueMarks.mark(unit: result.units[unit].code, indicator: result.criteria.nodes[n].id)
        return ReportLabels(language: options.language).mark(mark)
    }

    /// Whether any scored indicator is denominated: the levels table then has a raw figures column.
    var showsRawFigures: Bool {
        result.criteria.scoredIndicatorIndices.contains { IndicatorMeasure(criteria: result.criteria, node: $0).denominate != nil }
    }
}
