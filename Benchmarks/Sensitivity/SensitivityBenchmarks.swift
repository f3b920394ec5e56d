import CityIndexAnalysis
import CityIndexCore
import CityIndexFormats
import Foundation
import MallocCounter

/// The sensitivity benchmark (issue 6): 1,000 and 10,000 replications on COINr's ASEM case
/// (51 units × 49 indicators, read from `../shared/validation/asem/` beside the clone) and on a
/// seeded synthetic case of 63 provinces × 50 indicators, each on all cores against one thread.
///
/// Uncertain inputs: weights ±25 %, normalisation (min-max, z-score, rank), aggregation
/// (arithmetic, geometric), imputation on/off, one indicator left out: 7 evaluations of the
/// index per replication. Timed with `ContinuousClock`; both runs must give identical results.
///
/// - Returns: one report line per case and size.
func runSensitivityBenchmarks() -> [String] {
    var lines = ["\(ProcessInfo.processInfo.activeProcessorCount) cores; weights ±25 %, 3 normalisations, 2 aggregations, imputation on/off, one indicator left out"]
    var cases: [(String, CriteriaSet, PeriodData)] = []
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let criteriaPath = root.appendingPathComponent("Indicators/asem.yaml").path
    let dataPath = root.deletingLastPathComponent().appendingPathComponent("shared/validation/asem/iData.csv").path
    do {
        let set = try CriteriaLoader().load(path: criteriaPath).set
        cases.append(("ASEM 51 x 49", set, try asemData(path: dataPath, set: set)))
    } catch {
        lines.append("ASEM: skipped (\(error))")
    }
    let synthetic = SensitivityBenchmark.syntheticCase(units: 63, indicators: 50, pillars: 5, seed: 1)
    cases.append(("synthetic 63 x 50", synthetic.criteria, synthetic.data))
    for (label, set, data) in cases {
        for runs in [1000, 10000] {
            do {
                lines.append(try SensitivityBenchmark.measure(label: label, criteria: set, data: data, runs: runs).line)
            } catch {
                lines.append("\(label), \(runs) runs: failed (\(error))")
            }
        }
        lines.append(allocationsPerReplication(label: label, criteria: set, data: data))
    }
    return lines
}

/// Heap allocations of a whole parallel run at 1,000 and at 2,000 replications: their
/// difference over 1,000 is what one replication allocates (the loop must allocate nothing
/// beyond the result buffers, which are allocated once per run).
private func allocationsPerReplication(label: String, criteria: CriteriaSet, data: PeriodData) -> String {
    func count(_ runs: Int) throws -> Int {
        let analysis = SensitivityAnalysis(criteria: criteria, data: data, options: SensitivityBenchmark.options(runs: runs, parallel: true))
        malloc_counter_start()
        _ = try analysis.run()
        return malloc_counter_stop()
    }
    guard malloc_counter_active() != 0 else { return "\(label): allocation count unavailable (the malloc wrappers are not in effect)" }
    do {
        let small = try count(1000), large = try count(2000)
        let per = Double(large - small) / 1000
        return "\(label): allocations per replication \(String(format: "%.3f", per)) (whole run: \(small) at 1,000 replications, \(large) at 2,000)"
    } catch {
        return "\(label): allocation count failed (\(error))"
    }
}

/// The ASEM iData file as the scorer's matrix (one period, group columns as attributes).
private func asemData(path: String, set: CriteriaSet) throws -> PeriodData {
    let file = try ObservationFileReader(indicatorIDs: Set(set.indicatorIDs)).read(path: path)
    let codes = Array(Set(file.records.map(\.unitKey))).sorted()
    var attributes: [String: [String: String]] = [:]
    var names: [String: String] = [:]
    for a in file.attributes { attributes[a.unitKey, default: [:]][a.name] = a.value }
    for r in file.records { if let n = r.unitName { names[r.unitKey] = n } }
    let units = codes.map { UnitInfo(code: $0, name: names[$0] ?? $0, attributes: attributes[$0] ?? [:]) }
    let period = file.records.first?.period ?? Period.year(2018)
    var data = PeriodData(period: period, units: units, indicators: set.indicatorIDs)
    let row = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
    for r in file.records where r.period == period {
        guard let u = row[r.unitKey], let c = data.column(of: r.indicator) else { continue }
        data.set(r.value, unit: u, column: c)
    }
    return data
}
