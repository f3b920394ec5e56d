import CityIndexCore

/// Reads one row of a flat table into a node (without its parent).
enum TableRowReader {
    static let normaliseMethods = ["min-max", "goalposts", "target", "z-score", "rank", "percentile", "ratio", "yes-no", "none"]

    static func node(_ row: TableReader.Row, cells: TableCells, draft: inout TableDraft, log: inout ProblemLog) -> CriteriaNode {
        let r = row.record
        var node = CriteriaNode(id: row.code, scored: row.type != "Denominator", place: cells.rowPlace(r))
        func optional(_ column: String) -> String? { cells.optional(r, column) }
        node.name = LocalizedText(en: optional("iName"), vi: optional("iName_vi"))
        node.unit = LocalizedText(en: optional("Unit"), vi: optional("Unit_vi"))
        node.description = LocalizedText(en: optional("Description"), vi: optional("Description_vi"))
        node.source = LocalizedText(en: optional("Source"), vi: optional("Source_vi"))
        node.notes = LocalizedText(en: optional("Notes"), vi: optional("Notes_vi"))
        if let target = cells.number(r, "Target", log: &log) { node.target = target }
        let isIndicator = row.type == "Indicator"
        let isAggregate = row.type == "Aggregate"
        if isIndicator || isAggregate {
            let w = cells.text(r, "Weight")
            if !w.isEmpty {
                if let x = Double(cells.decimalComma ? w.replacingComma : w), x.isFinite {
                    if x > 0 { node.weight = x } else { log.error(cells.place(r, "Weight"), "Weight \(w) must be above 0") }
                } else {
                    log.error(cells.place(r, "Weight"), "Weight \"\(w)\" is not a number; expected a number above 0")
                }
            }
        }
        if let d = optional("Direction") {
            let direction: Direction?
            switch d.lowercased() {
            case "1", "+1", "1.0", "higher": direction = .higher
            case "-1", "-1.0", "lower": direction = .lower
            default:
                direction = nil
                log.error(cells.place(r, "Direction"), "Direction \"\(d)\" is not 1, -1, higher or lower")
            }
            if isIndicator { node.settings.direction = direction }
        }
        func onlyFor(_ column: String, _ allowed: Bool, _ kind: String) -> String? {
            cells.onlyFor(r, column, allowed: allowed, kind: kind, row: row, log: &log)
        }
        if let by = onlyFor("Denominator", isIndicator, "Indicator") {
            node.settings.denominate = DenominateStep(by: by)
            draft.denominatorPlaces[row.code] = cells.place(r, "Denominator")
        }
        readSteps(row, cells: cells, node: &node, log: &log)
        if let t = onlyFor("Transform", isIndicator, "Indicator") {
            if let x = Transform(rawValue: t.lowercased()) {
                node.settings.transform = x
            } else {
                log.error(cells.place(r, "Transform"), Wording.unknown("Transform", t, expected: Transform.allCases.map(\.rawValue)))
            }
        }
        if let t = onlyFor("Aggregate", isAggregate, "Aggregate") {
            if let m = AggregateStep.Method(rawValue: t.lowercased()) {
                node.settings.aggregate = AggregateStep(method: m)
            } else {
                log.error(cells.place(r, "Aggregate"), Wording.unknown("Aggregate method", t, expected: AggregateStep.Method.allCases.map(\.rawValue)))
            }
        }
        let rangeCells = (onlyFor("RangeMin", isIndicator, "Indicator"), onlyFor("RangeMax", isIndicator, "Indicator"))
        if rangeCells.0 != nil || rangeCells.1 != nil { node.settings.range = range(r, cells: cells, log: &log) }
        let method = onlyFor("Normalise", isIndicator, "Indicator")?.lowercased()
        for column in ["Min", "Max"] where method != "goalposts" && optional(column) != nil {
            log.error(cells.place(r, column), "\(column) is only used with Normalise goalposts")
        }
        if let method { node.settings.normalise = normalise(method, r, cells: cells, log: &log) }
        return node
    }

    /// The valid range from RangeMin and RangeMax: both numbers, min not above max.
    private static func range(_ r: CSVRecord, cells: TableCells, log: inout ProblemLog) -> ValidRange? {
        guard let lo = cells.number(r, "RangeMin", log: &log), let hi = cells.number(r, "RangeMax", log: &log) else { return nil }
        guard let lo, let hi else {
            let missing = lo == nil ? "RangeMin" : "RangeMax"
            log.error(cells.place(r, missing), "missing \(missing); a valid range needs both RangeMin and RangeMax")
            return nil
        }
        guard lo <= hi else {
            log.error(cells.place(r, "RangeMin"), "RangeMin \(cells.text(r, "RangeMin")) is above RangeMax \(cells.text(r, "RangeMax")); expected min ≤ max")
            return nil
        }
        return ValidRange(min: lo, max: hi, place: cells.place(r, "RangeMin"))
    }

    private static func normalise(_ method: String, _ r: CSVRecord, cells: TableCells, log: inout ProblemLog) -> NormaliseStep? {
        switch method {
        case "min-max": return .minMax
        case "target": return .target(nil)
        case "z-score": return .zScore(mean: 0, sd: 1)
        case "rank": return .rank
        case "percentile": return .percentile
        case "ratio": return .ratio(maxPoints: 1)
        case "yes-no": return .yesNo(maxPoints: 1)
        case "none": return NormaliseStep.none
        case "goalposts":
            guard let lo = cells.number(r, "Min", log: &log), let hi = cells.number(r, "Max", log: &log) else { return nil }
            guard let lo, let hi else {
                log.error(cells.place(r, "Normalise"), "Normalise goalposts needs Min and Max")
                return nil
            }
            guard lo < hi else {
                log.error(cells.place(r, "Min"), "goalposts min \(cells.text(r, "Min")) must be below max \(cells.text(r, "Max"))")
                return nil
            }
            return .goalposts(min: lo, max: hi)
        case "bands":
            log.error(cells.place(r, "Normalise"), "bands need thresholds and points, which a table cannot hold; give this set in YAML")
            return nil
        default:
            log.error(cells.place(r, "Normalise"), Wording.unknown("Normalise method", method, expected: normaliseMethods))
            return nil
        }
    }
}
