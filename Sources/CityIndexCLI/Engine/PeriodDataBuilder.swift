import CityIndexCore
import CityIndexFormats
import CityIndexStore

/// Builds the dense matrix of one period from the store, with the units of the registry.
struct PeriodDataBuilder {
    var criteria: LoadedCriteria
    var store: Store

    /// The data of `period`, plus the sources of the values used.
    func build(period: Period) throws -> (data: PeriodData, sources: [String], sha256: String) {
        let ids = criteria.set.indicatorIDs
        let observations = try store.observations(indicators: ids, periods: [period])
        var units: [String: UnitInfo] = [:]
        for stored in try store.units() {
            units[stored.code] = UnitInfo(code: stored.code, name: stored.name ?? stored.code, nameEN: stored.nameEN, attributes: stored.attributes)
        }
        var included = Set(observations.map(\.unit))
        if let registry = criteria.registry {
            for entry in registry.entries {
                var unit = entry.unit
                // Attributes imported with the data (groups) override the registry's.
                if let stored = units[unit.code] { unit.attributes.merge(stored.attributes) { _, new in new } }
                units[unit.code] = unit
                if entry.isValid(in: period) { included.insert(unit.code) }
            }
        }
        let codes = included.sorted()
        let row = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        var data = PeriodData(
            period: period, units: codes.map { units[$0] ?? UnitInfo(code: $0, name: $0) }, indicators: ids)
        var sources = Set<String>()
        var digestText = ""
        for o in observations.sorted(by: { ($0.unit, $0.indicator) < ($1.unit, $1.indicator) }) {
            guard let u = row[o.unit], let c = data.column(of: o.indicator) else { continue }
            data.set(o.value, unit: u, column: c)
            if let s = o.source, !s.isEmpty { sources.insert(s) }
            digestText += "\(o.unit)\t\(o.indicator)\t\(o.period)\t\(o.value)\n"
        }
        return (data, sources.sorted(), SHA256Digest.hex(of: Array(digestText.utf8)))
    }
}
