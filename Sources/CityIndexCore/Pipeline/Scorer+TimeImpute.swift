extension Working {
    /// Step 3 over time: fill missing observed values from the same unit's other periods
    /// (`carry-forward`, `interpolate`), before denomination; flagged as imputed.
    mutating func imputeOverTime() {
        let rules = scoredIndicators.compactMap { i in settings[i].imputeOverTime.map { (i, $0) } }
        guard !rules.isEmpty, !context.panel.isEmpty else { return }
        let period = data.period
        let others = context.panel
            .filter { $0.period.granularity == period.granularity && $0.period != period }
            .sorted { $0.period < $1.period }
        guard !others.isEmpty else { return }
        let rowsByCode = others.map { other in
            Dictionary(other.units.enumerated().map { ($1.identity, $0) }, uniquingKeysWith: { a, _ in a })
        }
        func steps(from a: Period, to b: Period) -> Int {
            (b.year - a.year) * a.granularity.perYear + (b.index - a.index)
        }
        for (i, rule) in rules {
            let id = criteria.nodes[i].id
            for u in 0..<unitCount where values[at(i, u)].isNaN {
                let code = data.units[u].identity
                var before: (Period, Double)?
                var after: (Period, Double)?
                for (k, other) in others.enumerated() {
                    guard let row = rowsByCode[k][code], let column = other.column(of: id),
                        let v = other.value(unit: row, column: column)
                    else { continue }
                    if other.period < period { before = (other.period, v) } else if after == nil { after = (other.period, v) }
                }
                var fill: Double?
                switch rule {
                case let .carryForward(maxPeriods):
                    if let (p, v) = before, steps(from: p, to: period) <= maxPeriods { fill = v }
                case .interpolate:
                    if let (p0, v0) = before, let (p1, v1) = after {
                        let t = Double(steps(from: p0, to: period)) / Double(steps(from: p0, to: p1))
                        fill = v0 + (v1 - v0) * t
                    }
                }
                if let fill {
                    values[at(i, u)] = fill
                    result.flags[at(i, u)].insert(.imputed)
                }
            }
        }
    }
}
