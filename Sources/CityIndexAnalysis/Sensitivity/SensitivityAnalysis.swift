import CityIndexCore
import Dispatch
import Foundation

/// Monte Carlo uncertainty and variance-based sensitivity analysis of a ranking (JRC audit
/// style): how far each unit's rank moves when weights, normalisation, aggregation, imputation
/// or the indicators included change, and which of those choices matter.
///
/// Replication `j` draws two independent input samples A_j and B_j from its own random stream
/// (`Xoshiro256(seed:stream: j)`), evaluates the index at A_j, B_j and at A_j with each input
/// taken from B_j (the Saltelli design), so results do not depend on the number of threads.
/// Replications run in fixed-size chunks on all cores; each worker allocates its buffers once.
///
/// ```swift
/// var options = SensitivityOptions(runs: 1000, seed: 1, weightSpread: 0.25)
/// options.aggregations = [.arithmetic, .geometric]
/// let result = try SensitivityAnalysis(criteria: set, data: data, options: options).run()
/// result.intervals[0].lowRank
/// ```
public struct SensitivityAnalysis: Sendable {
    /// The criteria set.
    public var criteria: CriteriaSet
    /// The period's data.
    public var data: PeriodData
    /// The uncertainties and run settings.
    public var options: SensitivityOptions

    /// Replications per chunk of parallel work.
    static let chunkSize = 16

    /// Creates the analysis.
    public init(criteria: CriteriaSet, data: PeriodData, options: SensitivityOptions) {
        self.criteria = criteria
        self.data = data
        self.options = options
    }

    /// Checks the options.
    /// - Throws: `SensitivityError.badOption`.
    public func validate() throws {
        if options.runs < 2 { throw SensitivityError.badOption(name: "runs", reason: "\(options.runs) is too few: give at least 2") }
        if let s = options.weightSpread, !(s >= 0 && s < 1) {
            throw SensitivityError.badOption(name: "weights", reason: "\(s) is not a share in [0, 1): 0.25 varies each weight within ±25 %")
        }
        if let a = options.dirichletConcentration, !(a > 0 && a.isFinite) {
            throw SensitivityError.badOption(name: "dirichlet", reason: "the concentration \(a) must be above 0")
        }
        if options.weightSpread != nil && options.dirichletConcentration != nil {
            throw SensitivityError.badOption(name: "weights", reason: "give either a ± spread or a Dirichlet concentration, not both")
        }
        if options.bootstrap < 0 { throw SensitivityError.badOption(name: "bootstrap", reason: "must be 0 or more") }
    }

    /// Runs the analysis.
    ///
    /// - Throws: `SensitivityError`, or the `ScoringError` of the nominal scoring.
    /// - Complexity: O(runs × (inputs + 2) × (nodes × units + units²)) spread over the cores,
    ///   plus O(bootstrap × runs × inputs × units) for the intervals of the indices.
    public func run() throws -> SensitivityResult {
        let clock = ContinuousClock()
        let start = clock.now
        try validate()
        let nominal = try Scorer(criteria: criteria).score(data)
        let model = try SensitivityModel(criteria: criteria, data: data, nominal: nominal, options: options)
        guard model.unitCount >= 2 else { throw SensitivityError.tooFewUnits(ranked: model.unitCount) }
        let nominalRows = data.units.indices.filter { nominal.rank(node: 0, unit: $0) != nil }
        let nominalRanks = nominalRows.map { nominal.rank(node: 0, unit: $0) ?? 0 }
        let nominalScores = nominalRows.map { nominal.score(node: 0, unit: $0) ?? .nan }

        let inputs = options.uncertainInputs
        let n = options.runs
        let units = model.unitCount
        let outputs = units + 1  // each unit's rank, then the mean rank shift
        let designs = inputs.isEmpty ? 1 : inputs.count + 2  // A, B, A_B^i
        // y[design][output * n + j]
        let y = (0..<designs).map { _ in SharedBuffer<Double>(repeating: 0, count: outputs * n) }
        let chunks = (n + Self.chunkSize - 1) / Self.chunkSize
        // One worker per core, each with its buffers allocated once, takes every `workers`-th
        // chunk: no allocation per replication, and replication j uses stream j whatever the
        // number of workers.
        let workers = options.parallel ? Swift.max(1, Swift.min(chunks, ProcessInfo.processInfo.activeProcessorCount)) : 1
        let work: @Sendable (Int) -> Void = { worker in
            var w = Workspace(nodes: model.nodeCount, units: units, nominalWeights: model.nominalWeights)
            for chunk in stride(from: worker, to: chunks, by: workers) {
                let first = chunk * Self.chunkSize
                for j in first..<Swift.min(first + Self.chunkSize, n) {
                    var rng = Xoshiro256(seed: options.seed, stream: UInt64(j))
                    let a = model.draw(&rng, options: options, weights: &w.weightsA)
                    let b = inputs.isEmpty ? a : model.draw(&rng, options: options, weights: &w.weightsB)
                    for d in 0..<designs {
                        let draw: Draw
                        var useB = false
                        switch d {
                        case 0: draw = a
                        case 1:
                            draw = b
                            useB = true
                        default:
                            let input = inputs[d - 2]
                            draw = a.with(input, from: b)
                            useB = input == .weights
                        }
                        if useB {
                            model.evaluate(draw, weights: w.weightsB, into: &w)
                        } else {
                            model.evaluate(draw, weights: w.weightsA, into: &w)
                        }
                        var shift = 0.0
                        let out = y[d]
                        for u in 0..<units {
                            out[u * n + j] = Double(w.ranks[u])
                            shift += Double(abs(w.ranks[u] - nominalRanks[u]))
                        }
                        out[units * n + j] = shift / Double(units)
                    }
                }
            }
        }
        if workers > 1 {
            DispatchQueue.concurrentPerform(iterations: workers, execute: work)
        } else {
            work(0)
        }
        let ys = y.map(\.array)

        // Rank intervals from the A sample.
        var intervals: [UnitRankInterval] = []
        for u in 0..<units {
            let ranks = ys[0][(u * n)..<(u * n + n)].sorted()
            let shift = ranks.reduce(0) { $0 + abs($1 - Double(nominalRanks[u])) } / Double(n)
            intervals.append(UnitRankInterval(
                unit: model.units[u], nominalRank: nominalRanks[u], nominalScore: nominalScores[u],
                medianRank: Percentile.ofRanks(sorted: ranks, 0.5), lowRank: Percentile.ofRanks(sorted: ranks, 0.05),
                highRank: Percentile.ofRanks(sorted: ranks, 0.95), meanAbsoluteShift: shift))
        }
        let order = units == 0 ? [] : Array(0..<units).sorted {
            (nominalRanks[$0], model.units[$0].code) < (nominalRanks[$1], model.units[$1].code)
        }
        intervals = order.map { intervals[$0] }

        let indices = inputs.isEmpty ? [] : estimate(ys: ys, inputs: inputs, outputs: outputs, units: model.units, order: order)
        var result = SensitivityResult(
            criteriaID: criteria.id, criteriaName: criteria.name, precision: criteria.precision, period: data.period, options: options, inputs: inputs,
            inputLevels: levels(model), intervals: intervals, indices: indices, evaluations: n * designs,
            seconds: 0)
        result.drivers = drivers(model: model, ranks: ys[0], indices: indices)
        result.seconds = Self.seconds(clock.now - start)
        return result
    }

    /// The indices of every output to every input, with bootstrap intervals.
    private func estimate(ys: [[Double]], inputs: [UncertainInput], outputs: Int, units: [UnitInfo], order: [Int]) -> [SensitivityIndex] {
        let n = options.runs
        let resamples = options.bootstrap
        var drawn = [Int32](repeating: 0, count: resamples * n)
        var rng = Xoshiro256(seed: options.seed, stream: UInt64.max)
        for k in drawn.indices { drawn[k] = Int32(rng.nextIndex(n)) }
        let rows = drawn
        let outputOrder = [outputs - 1] + order  // the mean rank shift first, then units by nominal rank
        let results = SharedBuffer<SensitivityIndex?>(repeating: nil, count: outputOrder.count * inputs.count)
        let work: @Sendable (Int) -> Void = { k in
            let o = outputOrder[k]
            let range = (o * n)..<(o * n + n)
            let a = ys[0][range], b = ys[1][range]
            for (i, input) in inputs.enumerated() {
                let ab = ys[i + 2][range]
                let point = JansenEstimator.indices(a: a, b: b, ab: ab)
                var firsts: [Double] = [], totals: [Double] = []
                if !point.first.isNaN {
                    for r in 0..<resamples {
                        let s = JansenEstimator.indices(a: a, b: b, ab: ab, rows: rows[(r * n)..<(r * n + n)])
                        if !s.first.isNaN {
                            firsts.append(s.first)
                            totals.append(s.total)
                        }
                    }
                }
                firsts.sort()
                totals.sort()
                let output: SensitivityOutput = o == outputs - 1 ? .meanRankShift : .rank(unit: units[o].code)
                results[k * inputs.count + i] = SensitivityIndex(
                    output: output, input: input, first: point.first,
                    firstLow: Percentile.of(sorted: firsts, 0.025), firstHigh: Percentile.of(sorted: firsts, 0.975),
                    total: point.total,
                    totalLow: Percentile.of(sorted: totals, 0.025), totalHigh: Percentile.of(sorted: totals, 0.975))
            }
        }
        if options.parallel {
            DispatchQueue.concurrentPerform(iterations: outputOrder.count, execute: work)
        } else {
            for k in outputOrder.indices { work(k) }
        }
        return results.array.compactMap { $0 }
    }

    /// What each input could take, as text.
    private func levels(_ model: SensitivityModel) -> [UncertainInput: String] {
        var out: [UncertainInput: String] = [:]
        if let a = options.dirichletConcentration {
            out[.weights] = "Dirichlet around the nominal weights, concentration \(Self.trimmed(a)) per child"
        } else if let s = options.weightSpread, s > 0 {
            out[.weights] = "each weight uniform within ±\(Self.trimmed(s * 100)) % of its nominal value"
        }
        out[.normalisation] = model.normalisations.map(\.rawValue).joined(separator: ", ")
        out[.aggregation] = model.aggregations.map(\.rawValue).joined(separator: ", ")
        out[.imputation] = "as set, none"
        out[.leaveOut] = "none, or one \(options.leaveOut?.rawValue ?? "") of \(model.leaveOutNodes.count)"
        return out
    }

    /// `x` as a person writes a parameter: without a decimal part when it is whole (25, 12.5),
    /// at most 12 significant digits (0.1 × 100 is 10, not 10.000000000000002).
    public static func trimmed(_ x: Double) -> String {
        let clean = Double(String(format: "%.12g", x)) ?? x
        return clean == clean.rounded() && abs(clean) < 1e15 ? String(Int(clean)) : String(clean)
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
