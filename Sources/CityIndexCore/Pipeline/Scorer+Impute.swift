extension Working {
    /// Step 3: fill missing values of units that have data.
    mutating func impute() {
        for i in scoredIndicators {
            let method = settings[i].impute ?? .none
            if case .none = method { continue }
            let column = (0..<unitCount).map { hasData[$0] ? values[at(i, $0)] : .nan }
            var groupMeans: [String: Double] = [:]
            if case let .groupMean(by) = method {
                var sums: [String: (Double, Int)] = [:]
                for u in 0..<unitCount where column[u].isFinite {
                    let key = data.units[u].attributes[by] ?? ""
                    let s = sums[key, default: (0, 0)]
                    sums[key] = (s.0 + column[u], s.1 + 1)
                }
                groupMeans = sums.mapValues { $0.0 / Double($0.1) }
            }
            let overall: Double? = switch method {
            case .mean: Statistics.mean(column)
            case .median: Statistics.median(column)
            default: nil
            }
            for u in 0..<unitCount where hasData[u] && column[u].isNaN {
                let fill: Double?
                if case let .groupMean(by) = method {
                    fill = groupMeans[data.units[u].attributes[by] ?? ""]
                } else {
                    fill = overall
                }
                if let fill {
                    values[at(i, u)] = fill
                    result.flags[at(i, u)].insert(.imputed)
                } else {
                    result.warnings.append(.imputationFailed(indicator: criteria.nodes[i].id, unit: data.units[u].code))
                }
            }
        }
    }

    /// Step 4: leave unranked the units with too little data.
    mutating func screen() throws {
        if !hasData.contains(true) { throw ScoringError.noData(period: data.period.description) }
        guard let step = criteria.screen else { return }
        let scored = scoredIndicators
        for u in 0..<unitCount where hasData[u] {
            let share: Double
            switch step.basis {
            case .raw:
                share = result.coverage[u]
            case .imputed:
                let present = scored.reduce(0) { $0 + (values[at($1, u)].isNaN ? 0 : 1) }
                share = scored.isEmpty ? 0 : Double(present) / Double(scored.count)
            }
            if share + 1e-12 < step.minCoverage {
                ranked[u] = false
                result.exclusions[u] = .lowCoverage(coverage: share, required: step.minCoverage)
            }
        }
    }
}
