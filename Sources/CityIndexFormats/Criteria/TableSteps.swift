import CityIndexCore

/// Which of a node's steps a flat table's columns hold, and the cells they are written to.
enum TableSteps {
    /// `s` split into the steps the columns hold and the rest (for the YAML side file).
    ///
    /// Columns hold: Direction, Denominator and DenominatorFactor, Impute (a method, with
    /// ImputeBy for group-mean; carry-forward one period back), Treat (none, log, or winsorise
    /// with COINr's parameters), Transform, Normalise (with Min and Max for goalposts; the
    /// node's Target for target; no options, no reference), Aggregate (the method alone),
    /// OverTime, Combine with CombineBy and CombineStage, RangeMin and RangeMax. An aggregate's
    /// row holds only Aggregate and Combine.
    static func split(_ s: StepSettings, isIndicator: Bool) -> (table: StepSettings, rest: StepSettings) {
        var table = StepSettings()
        var rest = s
        func move<T>(_ path: WritableKeyPath<StepSettings, T?>) {
            table[keyPath: path] = rest[keyPath: path]
            rest[keyPath: path] = nil
        }
        move(\.combine)
        if let a = s.aggregate, !isIndicator, a == AggregateStep(method: a.method) { move(\.aggregate) }
        guard isIndicator else { return (table, rest) }
        move(\.direction)
        // The unit a set names for the result has no column.
        if s.denominate?.unit == nil { move(\.denominate) }
        move(\.transform)
        move(\.overTime)
        move(\.range)
        let imputeFits: Bool
        switch s.imputeOverTime {
        case nil: imputeFits = true
        case .interpolate?, .carryForward(maxPeriods: 1)?: imputeFits = s.impute == ImputeStep.none
        default: imputeFits = false
        }
        if imputeFits {
            move(\.impute)
            move(\.imputeOverTime)
        }
        switch s.treat {
        case .none?, .log?, .winsorise(maxPoints: 5, skew: 2, kurtosis: 3.5, fallback: .log)?: move(\.treat)
        default: break
        }
        if s.bounds == nil, let n = s.normalise, normaliseFits(n) { move(\.normalise) }
        return (table, rest)
    }

    /// Whether the Normalise column (with Min and Max) holds `n`.
    private static func normaliseFits(_ n: NormaliseStep) -> Bool {
        switch n {
        case .minMax, .rank, .percentile, .none, .goalposts, .target(nil): return true
        case .zScore(let mean, let sd): return mean == 0 && sd == 1
        case .ratio(let points), .yesNo(let points): return points == 1
        default: return false
        }
    }

    /// The cells of the step columns for the steps `s` (as ``split(_:isIndicator:)`` leaves them).
    static func cells(_ s: StepSettings) -> [String: String] {
        var cells: [String: String] = [:]
        if let d = s.denominate {
            cells["Denominator"] = d.by
            if d.factor != 1 { cells["DenominatorFactor"] = Wording.number(d.factor) }
        }
        if let time = s.imputeOverTime {
            cells["Impute"] = time.methodName
        } else if let impute = s.impute {
            cells["Impute"] = impute.methodName
            if case .groupMean(let by) = impute { cells["ImputeBy"] = by }
        }
        cells["Treat"] = s.treat?.methodName
        cells["Transform"] = s.transform?.rawValue
        cells["Normalise"] = s.normalise?.methodName
        if case .goalposts(let lo, let hi)? = s.normalise {
            cells["Min"] = Wording.number(lo)
            cells["Max"] = Wording.number(hi)
        }
        cells["Aggregate"] = s.aggregate?.method.rawValue
        cells["OverTime"] = s.overTime?.rawValue
        if let c = s.combine {
            cells["Combine"] = c.method.rawValue
            cells["CombineBy"] = c.by
            if c.stage != .observations { cells["CombineStage"] = c.stage.rawValue }
        }
        if let r = s.range {
            cells["RangeMin"] = Wording.number(r.min)
            cells["RangeMax"] = Wording.number(r.max)
        }
        return cells
    }
}
