import CityIndexCore
import Foundation

/// For a unit and a target rank, the value of each indicator that alone would reach the rank
/// with everything else fixed, found on the real pipeline and verified by re-scoring.
///
/// Every candidate value goes through `Scorer` with the whole period's data, so denomination,
/// imputation, treatment, min-max bounds that move, rounding and ties all count. Where the
/// pipeline is linear around the unit's value (no transform or treatment moving, bounds fixed,
/// arithmetic aggregation) two unrounded scorings give the exact value; otherwise, and whenever
/// that value fails to verify, bisection finds it. The value returned is rounded outward to the
/// data's own decimals and that rounded value is re-scored: it always reaches the target. No
/// value outside the indicator's declared valid range (`range: [min, max]`) is ever proposed.
///
/// ```swift
/// let plan = try WhatItTakes(result: result).solve(unit: 7)      // one place up
/// plan.answers.first?.needed                                       // in the indicator's unit
/// ```
public struct WhatItTakes: Sendable {
    /// The result the question is about.
    public let result: ScoreResult
    /// The observations of the period (every indicator of the set).
    public let data: PeriodData
    /// What scoring the period used beyond its data (other periods, frozen bounds).
    public let context: ScoringContext
    private let roundedScorer: Scorer
    private let unroundedScorer: Scorer
    /// The unrounded scoring of `data` as it is: where every linear solution starts from (the
    /// unit's own value), scored once per solver instead of once per unit and indicator.
    private let unroundedBaseline: ScoreResult?

    /// Creates a solver; `data` defaults to the observations rebuilt from `result`; give the
    /// `context` the result was scored with when it used other periods or frozen bounds.
    ///
    /// Keep one solver for many units (as `report --profiles` does): the scoring every
    /// solution starts from is done here, once.
    /// - Complexity: one `Scorer` run.
    public init(result: ScoreResult, data: PeriodData? = nil, context: ScoringContext = ScoringContext()) {
        self.result = result
        let data = data ?? PeriodData(rebuiltFrom: result)
        self.data = data
        self.context = context
        roundedScorer = Scorer(criteria: result.criteria)
        var exact = result.criteria
        exact.precision = nil
        unroundedScorer = Scorer(criteria: exact)
        unroundedBaseline = try? unroundedScorer.score(data, context: context)
    }

    /// What it takes for `unit` to reach `targetRank` (default: one place up from its rank).
    ///
    /// - Throws: `WhatItTakesError` when the unit is not ranked or the rank is out of range.
    /// - Complexity: O(indicators × k) scorings, k ≈ 2 for linear indicators and ≈ 40 otherwise.
    public func solve(unit: Int, targetRank: Int? = nil, shortlist: Int? = nil) throws(WhatItTakesError) -> WhatItTakesPlan {
        let code = result.units[unit].code
        guard let rank = result.rank(node: 0, unit: unit) else {
            throw .unitNotRanked(unit: code, reason: result.exclusions[unit]?.description ?? "no index score")
        }
        guard data.units.indices.contains(unit), data.units[unit].code == code else { throw .dataMismatch(unit: code) }
        let target = targetRank ?? max(1, rank - 1)
        guard target >= 1, target <= result.rankedCount else {
            throw .targetOutOfRange(rank: target, rankedCount: result.rankedCount)
        }
        let threshold = thresholdScore(unit: unit, target: target)
        guard rank > target else {
            return WhatItTakesPlan(unit: unit, currentRank: rank, targetRank: target, targetScore: threshold, answers: [])
        }
        let indicators = result.criteria.scoredIndicatorIndices
        func solveAll(_ list: [Int]) -> [WhatItTakesAnswer] {
            let box = AnswerBox(count: list.count)
            DispatchQueue.concurrentPerform(iterations: list.count) { k in
                box.set(k, answer(indicator: list[k], unit: unit, target: target, threshold: threshold))
            }
            return box.answers
        }
        guard let shortlist, shortlist < indicators.count else {
            return WhatItTakesPlan(unit: unit, currentRank: rank, targetRank: target, targetScore: threshold, answers: solveAll(indicators))
        }
        // The most promising indicators first (the largest share of the index a unit can still
        // gain through each: its effective weight times the room left above its score there),
        // solved a few at a time until `shortlist` of them reach the target.
        let scale = result.criteria.scale
        let promise = Dictionary(uniqueKeysWithValues: indicators.map { i in
            (i, result.criteria.effectiveWeight(of: i) * max(0, scale - (result.score(node: i, unit: unit) ?? 0)))
        })
        let ordered = indicators.sorted { (promise[$0] ?? 0, -$0) > (promise[$1] ?? 0, -$1) }
        var found: [WhatItTakesAnswer] = []
        var next = 0
        while found.count < shortlist && next < ordered.count && next < shortlist * 4 {
            let batch = Array(ordered[next..<min(ordered.count, next + shortlist)])
            next += batch.count
            found += solveAll(batch).filter { $0.needed != nil }
        }
        let spread = { (a: WhatItTakesAnswer) -> Double in
            let column = data.column(of: result.criteria.nodes[a.indicator].id)
            let values = column.map { c in data.units.indices.compactMap { data.value(unit: $0, column: c) } } ?? []
            let width = (values.max() ?? 0) - (values.min() ?? 0)
            return abs(a.change ?? .infinity) / (width > 0 ? width : 1)
        }
        let best = found.sorted { (spread($0), $0.indicator) < (spread($1), $1.indicator) }.prefix(shortlist)
        var plan = WhatItTakesPlan(unit: unit, currentRank: rank, targetRank: target, targetScore: threshold, answers: Array(best))
        plan.shortlistOf = indicators.count
        plan.examined = next
        return plan
    }

    public func rank(unit: Int, indicator: Int, value: Double) -> Int? {
        guard let column = data.column(of: result.criteria.nodes[indicator].id) else { return nil }
        var changed = data
        changed.set(value, unit: unit, column: column)
        guard let rescored = try? roundedScorer.score(changed, context: context, ranking: .indexOnly) else { return nil }
        return rescored.rank(node: 0, unit: unit)
    }

    // MARK: - One indicator

    private func answer(indicator i: Int, unit u: Int, target: Int, threshold: Double?) -> WhatItTakesAnswer {
        let column = data.column(of: result.criteria.nodes[i].id)
        let observed = column.map { c in data.units.indices.compactMap { data.value(unit: $0, column: c) } } ?? []
        let decimals = Self.decimals(of: observed)
        let current = column.flatMap { data.value(unit: u, column: $0) }
        let range = result.criteria.effectiveSettings(of: i).range
        func valid(_ v: Double) -> Bool { range?.contains(v) ?? true }
        func reaches(_ v: Double) -> Bool { (rank(unit: u, indicator: i, value: v) ?? Int.max) <= target }
        func finish(_ v: Double, _ method: WhatItTakesAnswer.Method, sign: Double) -> WhatItTakesAnswer? {
            // Round outward to the data's decimals, then prove it.
            let factor = pow(10.0, Double(decimals))
            let rounded = sign > 0 ? (v * factor - 1e-9).rounded(.up) / factor : (v * factor + 1e-9).rounded(.down) / factor
            for candidate in [rounded, v] where valid(candidate) {
                if let r = rank(unit: u, indicator: i, value: candidate), r <= target {
                    let lo = observed.min() ?? candidate, hi = observed.max() ?? candidate
                    return WhatItTakesAnswer(
                        indicator: i, current: current, needed: candidate, obstacle: nil, method: method, decimals: decimals,
                        beyondObservedRange: candidate > hi || candidate < lo, verifiedRank: r)
                }
            }
            return nil
        }
        func none(_ obstacle: WhatItTakesAnswer.Obstacle) -> WhatItTakesAnswer {
            WhatItTakesAnswer(
                indicator: i, current: current, needed: nil, obstacle: obstacle, method: nil, decimals: decimals,
                beyondObservedRange: false, verifiedRank: nil)
        }
        guard column != nil, let lo = observed.min(), let hi = observed.max() else { return none(.noData) }
        let sign = improvingSign(i)
        let start = current ?? (sign > 0 ? lo : hi)
        if current == nil, reaches(start), let done = finish(start, .bisection, sign: sign) { return done }

        if let threshold, let v = linearSolution(indicator: i, unit: u, from: start, threshold: threshold, spread: hi - lo, sign: sign),
            (v - start) * sign > 0, valid(v), let done = finish(v, .exact, sign: sign)
        {
            return done
        }
        // Bracket: walk outward until the target is reached, never past the valid range.
        let step = Swift.max(hi - lo, abs(start), 1e-6)
        let floorAtZero = lo >= 0
        let bound = range.map { sign > 0 ? $0.max : $0.min }
        var atBound = false
        var good: Double?
        var k = 0.0
        while good == nil && k <= 12 {
            var candidate = start + sign * step * pow(2, k - 4)
            if floorAtZero && candidate < 0 { candidate = 0 }
            if let bound, (candidate - bound) * sign >= 0 {
                candidate = bound
                atBound = true
            }
            if reaches(candidate) { good = candidate }
            if (floorAtZero && candidate == 0) || atBound { break }
            k += 1
        }
        guard var feasible = good else { return none(atBound ? .outsideRange : .notEnough) }
        var infeasible = start
        // Stop at a quarter of the data's last decimal, or at 0.01 % of the value for large figures
        // (the figure is then rounded outward and re-scored, so it always reaches the target).
        let resolution = Swift.max(pow(10.0, -Double(decimals)) / 4, abs(feasible) * 1e-4)
        var iterations = 0
        while abs(feasible - infeasible) > resolution && iterations < 60 {
            let mid = (feasible + infeasible) / 2
            if reaches(mid) { feasible = mid } else { infeasible = mid }
            iterations += 1
        }
        return finish(feasible, .bisection, sign: sign) ?? none(atBound ? .outsideRange : .notEnough)
    }

    /// The index score to match: the score of the unit that now holds the target rank.
    private func thresholdScore(unit: Int, target: Int) -> Double? {
        let others = result.units.indices.filter { $0 != unit && result.isRanked($0) }.compactMap { result.score(node: 0, unit: $0) }
        switch result.criteria.ties {
        case .dense:
            let distinct = Array(Set(others)).sorted(by: >)
            return target <= distinct.count ? distinct[target - 1] : distinct.last
        case .competition, .ordinal:
            let sorted = others.sorted(by: >)
            return target <= sorted.count ? sorted[target - 1] : sorted.last
        }
    }

    /// +1 when a higher observed value scores better, −1 when lower does.
    private func improvingSign(_ i: Int) -> Double {
        let settings = result.criteria.effectiveSettings(of: i)
        switch settings.normalise ?? .minMax {
        case .none, .ratio, .yesNo: return 1
        default: return (settings.direction ?? .higher).sign
        }
    }

    /// The value that brings the unrounded index score to `threshold` when the index is affine
    /// in the value (checked on three points); nil otherwise.
    private func linearSolution(indicator i: Int, unit u: Int, from start: Double, threshold: Double, spread: Double, sign: Double) -> Double? {
        guard let column = data.column(of: result.criteria.nodes[i].id) else { return nil }
        func index(_ v: Double) -> Double? {
            var changed = data
            changed.set(v, unit: u, column: column)
            return (try? unroundedScorer.score(changed, context: context, ranking: .indexOnly))?.score(node: 0, unit: u)
        }
        let h = Swift.max(spread, abs(start), 1e-6) * 1e-3
        // At the unit's own value the data are unchanged: the baseline holds that score.
        let unchanged = data.value(unit: u, column: column) == start
        let g0 = unchanged ? (unroundedBaseline.map { $0.score(node: 0, unit: u) } ?? index(start)) : index(start)
        guard let g0, let g1 = index(start + sign * h) else { return nil }
        let slope = (g1 - g0) / (sign * h)
        guard slope.isFinite, abs(slope) > 1e-15 else { return nil }
        let v = start + (threshold - g0) / slope
        // Affine check halfway: the pipeline must be linear over the whole step.
        guard let gm = index((start + v) / 2), abs(gm - (g0 + (threshold - g0) / 2)) <= 1e-9 * Swift.max(1, abs(threshold)) else {
            return nil
        }
        return v
    }

    /// The decimals the observed values are written with (0-4).
    public static func decimals(of values: [Double]) -> Int {
        var most = 0
        for v in values.prefix(500) {
            var d = 0
            while d < 4 && abs(v * pow(10, Double(d)) - (v * pow(10, Double(d))).rounded()) > 1e-6 { d += 1 }
            most = Swift.max(most, d)
        }
        return most
    }
}

/// Answers filled in from several threads, one slot each.
private final class AnswerBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [WhatItTakesAnswer?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ k: Int, _ answer: WhatItTakesAnswer) { lock.withLock { slots[k] = answer } }

    var answers: [WhatItTakesAnswer] { lock.withLock { slots.compactMap { $0 } } }
}
