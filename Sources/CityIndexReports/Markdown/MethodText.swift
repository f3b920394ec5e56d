import CityIndexCore

/// Steps of the methodology described in a few words, for the appendix.
enum MethodText {
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }

    static func normalise(_ n: NormaliseStep, target: Double?) -> String {
        switch n {
        case .minMax: return "min-max"
        case let .goalposts(lo, hi): return "goalposts \(number(lo))–\(number(hi))"
        case let .target(t): return "target \((t ?? target).map(number) ?? "?")"
        case let .zScore(mean, sd): return "z-score (\(number(mean)) ± \(number(sd)))"
        case .rank: return "rank"
        case .percentile: return "percentile"
        case let .bands(basis, t, thresholds, points):
            let of = basis == .target ? " of target \((t ?? target).map(number) ?? "?")" : ""
            return "bands\(of): " + thresholds.map(number).joined(separator: " / ") + " → " + points.map(number).joined(separator: " / ")
        case let .ratio(maxPoints): return "ratio × \(number(maxPoints)) points"
        case let .yesNo(maxPoints): return "yes-no (\(number(maxPoints)) points)"
        case .none: return "none (already a score)"
        }
    }

    static func otherSteps(_ s: StepSettings) -> [String] {
        var steps: [String] = []
        if let d = s.denominate { steps.append("÷ \(d.by)" + (d.factor == 1 ? "" : " × \(number(d.factor))")) }
        switch s.impute ?? .none {
        case .none: break
        case let .groupMean(by): steps.append("impute group-mean by \(by)")
        case let other: steps.append("impute \(other.methodName)")
        }
        switch s.treat ?? .none {
        case .none: break
        case let .winsorise(points, skew, kurtosis, fallback):
            steps.append("winsorise ≤ \(points) points (|skew| < \(number(skew)) or kurtosis < \(number(kurtosis)))" + (fallback == .log ? ", else log" : ""))
        case .log: steps.append("log")
        }
        if let t = s.transform, t != .none { steps.append(t.rawValue) }
        return steps
    }
}
