import Foundation

extension Working {
    /// Step 5: outlier treatment over the ranked units.
    mutating func treat() {
        for i in scoredIndicators {
            let step = settings[i].treat ?? .none
            let units = (0..<unitCount).filter { ranked[$0] && values[at(i, $0)].isFinite }
            guard units.count > 3 else { continue }
            let original = units.map { values[at(i, $0)] }
            switch step {
            case .none:
                continue
            case .log:
                applyLog(i, units: units, original: original, points: 0)
            case let .winsorise(maxPoints, skewLimit, kurtosisLimit, fallback):
                var x = original
                var changed = [Bool](repeating: false, count: x.count)
                func fails(_ v: [Double]) -> Bool {
                    guard let s = Statistics.skewness(v), let k = Statistics.kurtosis(v) else { return false }
                    return abs(s) >= skewLimit && k >= kurtosisLimit
                }
                var iterations = 0
                while fails(x) && iterations < maxPoints {
                    iterations += 1
                    let skew = Statistics.skewness(x) ?? 0
                    if skew >= 0 {
                        guard let top = x.max(), let next = x.filter({ $0 < top }).max() else { break }
                        for k in x.indices where x[k] == top {
                            x[k] = next
                            changed[k] = true
                        }
                    } else {
                        guard let bottom = x.min(), let next = x.filter({ $0 > bottom }).min() else { break }
                        for k in x.indices where x[k] == bottom {
                            x[k] = next
                            changed[k] = true
                        }
                    }
                }
                if fails(x) && fallback == .log {
                    applyLog(i, units: units, original: original, points: iterations)
                } else if iterations > 0 {
                    for (k, u) in units.enumerated() {
                        values[at(i, u)] = x[k]
                        if changed[k] { result.flags[at(i, u)].insert(.winsorised) }
                    }
                    result.warnings.append(
                        .treated(indicator: criteria.nodes[i].id, method: "winsorise", points: changed.filter { $0 }.count))
                }
            }
        }
        for i in scoredIndicators {
            for u in 0..<unitCount { result.usedValues[at(i, u)] = values[at(i, u)] }
        }
    }

    /// ln(x − min + 0.01 (max − min)) of the untreated values.
    private mutating func applyLog(_ i: Int, units: [Int], original: [Double], points: Int) {
        guard let lo = original.min(), let hi = original.max(), hi > lo else { return }
        for (k, u) in units.enumerated() {
            values[at(i, u)] = Foundation.log(original[k] - lo + 0.01 * (hi - lo))
            result.flags[at(i, u)].insert(.logTreated)
        }
        result.warnings.append(.treated(indicator: criteria.nodes[i].id, method: "log", points: points))
    }
}
