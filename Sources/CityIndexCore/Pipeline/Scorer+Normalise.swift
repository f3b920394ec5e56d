extension Working {
    /// Step 6 for indicator `i`: the ranked units with a value and their transformed values.
    func transformed(_ i: Int) throws -> (units: [Int], values: [Double]) {
        let node = criteria.nodes[i]
        let transform = settings[i].transform ?? .none
        let units = (0..<unitCount).filter { ranked[$0] && values[at(i, $0)].isFinite }
        var x = [Double](repeating: 0, count: units.count)
        for (k, u) in units.enumerated() {
            let v = values[at(i, u)]
            guard transform.accepts(v) else {
                throw ScoringError.transformDomain(
                    indicator: node.id, transform: transform.rawValue, unit: data.units[u].code, value: v)
            }
            x[k] = transform.apply(v)
        }
        return (units, x)
    }

    /// The transformed values of every scored indicator, by id.
    func transformedValues() throws -> [String: [Double]] {
        var out: [String: [Double]] = [:]
        for i in scoredIndicators { out[criteria.nodes[i].id] = try transformed(i).values }
        return out
    }

    /// Steps 6 and 7: transform, then normalise each scored indicator over the ranked units.
    mutating func normalise() throws {
        let scale = criteria.scale
        var empty: [String] = []
        var lackingTarget: [String] = []
        var valuesLackingTarget = 0
        defer {
            if empty.count == 1 { result.warnings.append(.emptyIndicator(indicator: empty[0])) }
            if empty.count > 1 { result.warnings.append(.emptyIndicators(empty)) }
            if !lackingTarget.isEmpty { result.warnings.append(.missingTargets(indicators: lackingTarget, values: valuesLackingTarget)) }
        }
        for i in scoredIndicators {
            let node = criteria.nodes[i]
            let s = settings[i]
            var (units, x) = try transformed(i)
            if units.isEmpty {
                empty.append(node.id)
                continue
            }
            let method = s.normalise ?? .minMax
            var normaliser = Normaliser(
                method: method, direction: s.direction ?? .higher, scale: scale, transform: s.transform ?? .none,
                target: node.target)
            if method.usesTarget {
                let found = targets(i, units: units, given: method.givenTarget)
                let kept = found.indices.filter { found[$0] != nil }
                for k in found.indices where found[k] == nil { result.flags[at(i, units[k])].insert(.noTarget) }
                if kept.count < units.count {
                    lackingTarget.append(node.id)
                    valuesLackingTarget += units.count - kept.count
                }
                normaliser.targets = kept.compactMap { found[$0] }
                x = kept.map { x[$0] }
                units = kept.map { units[$0] }
                if units.isEmpty { continue }
            }
            normaliser.bounds = context.bounds[node.id]
            if let b = normaliser.bounds { result.boundsUsed[node.id] = b.reference }
            let scores = normaliser.scores(x)
            if let constant = scores.constantValue {
                result.warnings.append(
                    .constantIndicator(indicator: node.id, value: values[at(i, units[0])], score: constant))
            }
            for (k, u) in units.enumerated() {
                result.scores[at(i, u)] = scores.values[k]
                if scores.clipped[k] { result.flags[at(i, u)].insert(.clipped) }
            }
        }
    }
}

extension Working {
    /// The target of indicator `i` for each of `units` (nil where there is none): the most
    /// specific entry of the targets file, else the target written in the normalisation (`given`),
    /// else the node's `target`. Records every target used in `result.targetsUsed`.
    mutating func targets(_ i: Int, units: [Int], given: Double?) -> [Double?] {
        let node = criteria.nodes[i]
        var out: [Double?] = []
        out.reserveCapacity(units.count)
        var useOf: [Int: Int] = [:]  // entry index (-1: the set's target) → index in targetsUsed
        func record(_ key: Int, _ target: Double, _ origin: TargetUse.Origin, unit u: Int) {
            if let k = useOf[key] {
                result.targetsUsed[k].units.append(u)
            } else {
                useOf[key] = result.targetsUsed.count
                result.targetsUsed.append(TargetUse(indicator: i, target: target, origin: origin, units: [u]))
            }
        }
        for u in units {
            if let k = criteria.targets.entryIndex(indicator: node.id, unit: data.units[u], period: data.period) {
                let entry = criteria.targets.entries[k]
                out.append(entry.target)
                record(k, entry.target, .file(entry), unit: u)
            } else if let t = given ?? node.target {
                out.append(t)
                record(-1, t, .criteriaSet(node.place.appending(path: given != nil ? "normalise.target" : "target")), unit: u)
            } else {
                out.append(nil)
            }
        }
        return out
    }
}

/// Step 7 for one indicator: values (already transformed) to scores.
public struct Normaliser: Sendable {
    /// Scores and marks for one indicator.
    public struct Output: Sendable {
        /// One score per input value.
        public var values: [Double]
        /// Whether each value was clipped at a goalpost or cap.
        public var clipped: [Bool]
        /// Set when every value was equal and the method had no spread to work with.
        public var constantValue: Double?
    }

    public var method: NormaliseStep
    public var direction: Direction
    public var scale: Double
    public var transform: Transform
    public var target: Double?
    /// One target per value for `target` and `bands` of target (each unit's own target, before
    /// transform); nil: the method's target, else `target`, for every value.
    public var targets: [Double]?
    /// Frozen bounds for min-max and z-score; nil: the values' own.
    public var bounds: IndicatorBounds?

    /// Creates a normaliser.
    public init(method: NormaliseStep, direction: Direction, scale: Double, transform: Transform = .none, target: Double? = nil) {
        self.method = method
        self.direction = direction
        self.scale = scale
        self.transform = transform
        self.target = target
    }

    /// The scores of `x` (finite, transformed values).
    /// - Complexity: O(n log n) for rank and percentile, O(n) otherwise.
    public func scores(_ x: [Double]) -> Output {
        var out = Output(values: [Double](repeating: 0, count: x.count), clipped: [Bool](repeating: false, count: x.count))
        guard !x.isEmpty else { return out }
        let sign = direction.sign
        switch method {
        case .minMax:
            let lo = bounds?.min ?? x.min() ?? 0, hi = bounds?.max ?? x.max() ?? 0
            if hi > lo {
                for k in x.indices {
                    let c = Swift.min(Swift.max(x[k], lo), hi)
                    out.clipped[k] = c != x[k]
                    let t = (c - lo) / (hi - lo)
                    out.values[k] = (sign > 0 ? t : 1 - t) * scale
                }
            } else {
                fillConstant(&out, scale / 2, count: x.count)
            }
        case let .goalposts(minimum, maximum):
            let lo = transform.apply(minimum), hi = transform.apply(maximum)
            for k in x.indices {
                let c = Swift.min(Swift.max(x[k], lo), hi)
                out.clipped[k] = c != x[k]
                let t = (c - lo) / (hi - lo)
                out.values[k] = (sign > 0 ? t : 1 - t) * scale
            }
        case let .target(given):
            let common = transform.apply(given ?? target ?? 1)
            for k in x.indices {
                let t = targets.map { transform.apply($0[k]) } ?? common
                let share: Double
                if sign > 0 {
                    share = t != 0 ? x[k] / t : 1
                } else {
                    share = x[k] > 0 ? t / x[k] : 1
                }
                let capped = Swift.min(Swift.max(share, 0), 1)
                out.clipped[k] = capped != share
                out.values[k] = capped * scale
            }
        case let .zScore(mean, sd):
            let m = bounds?.mean ?? Statistics.mean(x) ?? 0
            if let s = bounds?.sd ?? Statistics.standardDeviation(x), s > 0 {
                for k in x.indices { out.values[k] = mean + sd * sign * (x[k] - m) / s }
            } else {
                fillConstant(&out, mean, count: x.count)
            }
        case .rank, .percentile:
            let r = Self.averageRanks(x.map { $0 * sign })
            let n = Double(x.count)
            if x.count > 1, Set(x).count > 1 {
                for k in x.indices {
                    out.values[k] = method == .rank ? r[k] : (r[k] - 1) / (n - 1) * scale
                }
            } else {
                fillConstant(&out, method == .rank ? (n + 1) / 2 : scale / 2, count: x.count)
            }
        case let .bands(basis, bandTarget, thresholds, points):
            let common = transform.apply(bandTarget ?? target ?? 1)
            for k in x.indices {
                let t = targets.map { transform.apply($0[k]) } ?? common
                let v: Double
                switch basis {
                case .value: v = x[k]
                case .target: v = sign > 0 ? (t != 0 ? x[k] / t : 0) : (x[k] > 0 ? t / x[k] : .infinity)
                }
                // A value at a threshold passes it (within a relative 1e-9: 6.6 / 10 is 66 %).
                let passed = thresholds.reduce(0) { $0 + (v + 1e-9 * Swift.max(1, abs($1)) >= $1 ? 1 : 0) }
                let index = (basis == .value && sign < 0) ? points.count - 1 - passed : passed
                out.values[k] = points[Swift.min(Swift.max(index, 0), points.count - 1)]
            }
        case let .ratio(maxPoints):
            for k in x.indices {
                let c = Swift.min(Swift.max(x[k], 0), 1)
                out.clipped[k] = c != x[k]
                out.values[k] = c * maxPoints
            }
        case let .yesNo(maxPoints):
            for k in x.indices { out.values[k] = x[k] > 0 ? maxPoints : 0 }
        case .none:
            out.values = x
        }
        return out
    }

    private func fillConstant(_ out: inout Output, _ value: Double, count: Int) {
        out.values = [Double](repeating: value, count: count)
        out.constantValue = value
    }

    /// Ranks from the smallest (1) to the largest (n); ties share the mean of their positions.
    static func averageRanks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var ranks = [Double](repeating: 0, count: x.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && x[order[end + 1]] == x[order[start]] { end += 1 }
            let mean = Double(start + end) / 2 + 1
            for k in start...end { ranks[order[k]] = mean }
            start = end + 1
        }
        return ranks
    }
}
