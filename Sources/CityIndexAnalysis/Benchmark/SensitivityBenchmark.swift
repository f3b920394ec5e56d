import CityIndexCore
import Foundation

/// Times a sensitivity run on all cores against the same run on one thread.
///
/// ```swift
/// let (set, data) = SensitivityBenchmark.syntheticCase()
/// let m = try SensitivityBenchmark.measure(label: "63 x 50", criteria: set, data: data, runs: 1000)
/// print(m.line)
/// ```
public enum SensitivityBenchmark {
    /// One timed comparison.
    public struct Measurement: Sendable, Hashable {
        /// What was run.
        public var label: String
        /// Replications (Saltelli base samples).
        public var runs: Int
        /// Evaluations of the index per run.
        public var evaluations: Int
        /// Seconds on one thread and on all cores.
        public var serialSeconds: Double
        public var parallelSeconds: Double
        /// Whether both runs gave the same intervals and indices (they must).
        public var identical: Bool

        /// serial / parallel.
        public var speedup: Double { parallelSeconds > 0 ? serialSeconds / parallelSeconds : .nan }

        /// A report line.
        public var line: String {
            func f(_ x: Double, _ d: Int) -> String { String(format: "%.\(d)f", x) }
            return "\(label): \(runs) runs (\(evaluations) evaluations): 1 thread \(f(serialSeconds, 3)) s, "
                + "all cores \(f(parallelSeconds, 3)) s, speed-up \(f(speedup, 2))x\(identical ? "" : " (RESULTS DIFFER)")"
        }
    }

    /// The uncertainties benchmarked: weights ±25 %, three normalisations, two aggregations,
    /// imputation on or off, one indicator left out.
    /// - Complexity: O(1).
    public static func options(runs: Int, parallel: Bool) -> SensitivityOptions {
        SensitivityOptions(
            runs: runs, seed: 1, weightSpread: 0.25, normalisations: [.minMax, .zScore, .rank],
            aggregations: [.arithmetic, .geometric], imputationUncertain: true, leaveOut: .indicator, bootstrap: 100,
            parallel: parallel)
    }

    /// Runs the analysis once on one thread and once on all cores.
    /// - Throws: what `SensitivityAnalysis.run()` throws.
    /// - Complexity: two sensitivity runs.
    public static func measure(label: String, criteria: CriteriaSet, data: PeriodData, runs: Int) throws -> Measurement {
        let serial = try SensitivityAnalysis(criteria: criteria, data: data, options: options(runs: runs, parallel: false)).run()
        let parallel = try SensitivityAnalysis(criteria: criteria, data: data, options: options(runs: runs, parallel: true)).run()
        return Measurement(
            label: label, runs: runs, evaluations: parallel.evaluations, serialSeconds: serial.seconds,
            parallelSeconds: parallel.seconds,
            identical: serial.intervals == parallel.intervals && serial.indices.elementsEqual(parallel.indices, by: Self.same))
    }

    private static func same(_ a: SensitivityIndex, _ b: SensitivityIndex) -> Bool {
        func eq(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
        return a.output == b.output && a.input == b.input && eq(a.first, b.first) && eq(a.total, b.total)
            && eq(a.firstLow, b.firstLow) && eq(a.firstHigh, b.firstHigh) && eq(a.totalLow, b.totalLow) && eq(a.totalHigh, b.totalHigh)
    }

    /// A seeded synthetic case: `units` units, `indicators` indicators in `pillars` equal
    /// pillars under one index, skewed values with about 3 % missing, mean imputation, COINr
    /// winsorisation, min-max to 0-100, two decimals.
    /// - Complexity: O(units × indicators).
    public static func syntheticCase(units: Int = 63, indicators: Int = 50, pillars: Int = 5, seed: UInt64 = 1) -> (criteria: CriteriaSet, data: PeriodData) {
        let place = SourcePlace(file: "synthetic")
        var nodes = [CriteriaNode(id: "index", place: place)]
        let perPillar = max(1, (indicators + pillars - 1) / pillars)
        var ids: [String] = []
        for p in 0..<pillars {
            nodes.append(CriteriaNode(id: "p\(p + 1)", parent: 0, place: place))
            let parent = nodes.count - 1
            for k in 0..<perPillar where ids.count < indicators {
                let id = "x\(p + 1)_\(k + 1)"
                ids.append(id)
                let settings = StepSettings(direction: (k % 7 == 3) ? .lower : .higher)
                nodes.append(CriteriaNode(id: id, weight: 1 + Double(k % 3) * 0.5, settings: settings, parent: parent, place: place))
            }
        }
        let defaults = StepSettings(
            impute: .mean, treat: .winsorise(maxPoints: 5, skew: 2, kurtosis: 3.5, fallback: .log), normalise: .minMax,
            aggregate: AggregateStep())
        let set = CriteriaSet(
            id: "synthetic", name: LocalizedText(), scale: 100, precision: 2, defaults: defaults, nodes: nodes, file: "synthetic")
        var rng = Xoshiro256(seed: seed, stream: 7)
        let unitInfos = (0..<units).map { UnitInfo(code: String(format3(10 + $0)), name: "Province \($0 + 1)") }
        var data = PeriodData(period: Period.year(2024), units: unitInfos, indicators: ids)
        let level = (0..<units).map { _ in rng.nextNormal() }
        for c in ids.indices {
            for u in 0..<units {
                if rng.nextUnit() < 0.03 { continue }
                let value = 10 * Foundation.exp(0.6 * level[u] + 0.8 * rng.nextNormal())
                data.set(value, unit: u, column: c)
            }
        }
        return (set, data)
    }

    private static func format3(_ x: Int) -> String {
        let s = String(x)
        return s.count >= 3 ? s : String(repeating: "0", count: 3 - s.count) + s
    }
}
