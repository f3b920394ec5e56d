import CityIndexCore

/// The step columns a flat table adds to COINr's layout, so that it holds what a YAML node
/// holds: Scored, DenominatorFactor, Impute and ImputeBy, Treat, OverTime, Combine, CombineBy
/// and CombineStage, RangeMin and RangeMax. Steps with more options than a column holds
/// (bands, winsorise parameters, aggregation options …) travel in the YAML side file's `nodes:`.
extension TableRowReader {
    static let imputeMethods = ["none", "mean", "median", "group-mean", "carry-forward", "interpolate"]
    static let treatMethods = ["none", "log", "winsorise"]

    static func readSteps(_ row: TableReader.Row, cells: TableCells, node: inout CriteriaNode, log: inout ProblemLog) {
        let r = row.record
        let isIndicator = row.type == "Indicator"
        let isNode = isIndicator || row.type == "Aggregate"
        func onlyFor(_ column: String, _ allowed: Bool, _ kind: String) -> String? {
            cells.onlyFor(r, column, allowed: allowed, kind: kind, row: row, log: &log)
        }
        if let t = onlyFor("Scored", isNode, "Indicator and Aggregate") {
            switch t.lowercased() {
            case "true", "yes", "1": node.scored = true
            case "false", "no", "0": node.scored = false
            default: log.error(cells.place(r, "Scored"), "Scored \"\(t)\" is not true or false; leave it empty for a scored node")
            }
        }
        if onlyFor("DenominatorFactor", isIndicator, "Indicator") != nil, let factor = cells.number(r, "DenominatorFactor", log: &log) {
            if node.settings.denominate == nil {
                log.error(cells.place(r, "DenominatorFactor"), "DenominatorFactor needs a Denominator: the indicator or attribute that divides the value")
            } else if let factor, factor > 0 {
                node.settings.denominate?.factor = factor
            } else {
                log.error(cells.place(r, "DenominatorFactor"), "DenominatorFactor \(cells.text(r, "DenominatorFactor")) must be above 0")
            }
        }
        let by = onlyFor("ImputeBy", isIndicator, "Indicator")
        if let t = onlyFor("Impute", isIndicator, "Indicator"), let method = cells.choice(r, "Impute", t, among: imputeMethods, log: &log) {
            switch method {
            case "none": node.settings.impute = ImputeStep.none
            case "mean": node.settings.impute = .mean
            case "median": node.settings.impute = .median
            case "group-mean":
                if let by { node.settings.impute = .groupMean(by: by) } else {
                    log.error(cells.place(r, "Impute"), "Impute group-mean needs ImputeBy: the unit attribute that forms the groups")
                }
            default:
                node.settings.impute = ImputeStep.none
                node.settings.imputeOverTime = method == "interpolate" ? .interpolate : .carryForward(maxPeriods: 1)
            }
            if by != nil, method != "group-mean" { log.error(cells.place(r, "ImputeBy"), "ImputeBy is only used with Impute group-mean") }
        } else if by != nil, cells.optional(r, "Impute") == nil {
            log.error(cells.place(r, "ImputeBy"), "ImputeBy is only used with Impute group-mean")
        }
        if let t = onlyFor("Treat", isIndicator, "Indicator"), let method = cells.choice(r, "Treat", t, among: treatMethods, log: &log) {
            switch method {
            case "none": node.settings.treat = TreatStep.none
            case "log": node.settings.treat = .log
            default: node.settings.treat = .winsorise(maxPoints: 5, skew: 2, kurtosis: 3.5, fallback: .log)
            }
        }
        if let t = onlyFor("OverTime", isIndicator, "Indicator"),
            let rule = cells.choice(r, "OverTime", t, among: PeriodRollup.allCases.map(\.rawValue), log: &log)
        {
            node.settings.overTime = PeriodRollup(rawValue: rule)
        }
        readCombine(row, cells: cells, node: &node, log: &log)
    }

    /// Combine (the method), CombineBy (the weight of weighted-mean) and CombineStage.
    private static func readCombine(_ row: TableReader.Row, cells: TableCells, node: inout CriteriaNode, log: inout ProblemLog) {
        let r = row.record
        let isNode = row.type == "Indicator" || row.type == "Aggregate"
        let by = cells.onlyFor(r, "CombineBy", allowed: isNode, kind: "Indicator and Aggregate", row: row, log: &log)
        let stageText = cells.onlyFor(r, "CombineStage", allowed: isNode, kind: "Indicator and Aggregate", row: row, log: &log)
        guard let t = cells.onlyFor(r, "Combine", allowed: isNode, kind: "Indicator and Aggregate", row: row, log: &log) else {
            for (column, given) in [("CombineBy", by), ("CombineStage", stageText)] where given != nil {
                log.error(cells.place(r, column), "\(column) is only used with Combine")
            }
            return
        }
        let methods = CombineRule.Method.allCases.map(\.rawValue)
        guard let name = cells.choice(r, "Combine", t, among: methods, log: &log), let method = CombineRule.Method(rawValue: name) else { return }
        var stage = CombineRule.Stage.observations
        if let stageText {
            guard let s = cells.choice(r, "CombineStage", stageText, among: CombineRule.Stage.allCases.map(\.rawValue), log: &log)
            else { return }
            stage = CombineRule.Stage(rawValue: s) ?? .observations
        }
        if method == .weightedMean, by == nil {
            log.error(cells.place(r, "Combine"), "Combine weighted-mean needs CombineBy: the indicator or unit attribute that weights the predecessors")
            return
        }
        if method != .weightedMean, by != nil {
            log.error(cells.place(r, "CombineBy"), "CombineBy is only used with Combine weighted-mean")
            return
        }
        node.settings.combine = CombineRule(method: method, by: by, stage: stage)
    }
}
