import CityIndexFormats
import Foundation

/// The GSO yearbook tables (../shared/data/vn) as a long observation file and a criteria set:
/// each (table, item) of the province rows is an indicator, grouped by topic and table.
enum RealData {
    struct Converted {
        var data: String
        var criteria: String
        var rows: Int
        var indicators: Int
        var periods: Int
        var skipped: Int
        /// Provinces with at least one value.
        var units: Int
        /// The latest year with data.
        var lastPeriod: String
    }

    static func convert(gso: String, folder: String) throws -> Converted {
        var reader = try CSVReader(path: gso)
        guard let header = try reader.nextRecord() else { throw BenchError("empty \(gso)") }
        let col = Dictionary(uniqueKeysWithValues: header.fields.enumerated().map { ($1, $0) })
        guard let table = col["table"], let topic = col["topic"], let level = col["area_level"], let code = col["gso_code"],
            let year = col["year"], let item = col["item"], let value = col["value"]
        else { throw BenchError("unexpected columns in \(gso)") }
        var ids: [String: String] = [:]
        var tree: [String: [String: [String]]] = [:]  // topic → table → indicator ids
        var topicOrder: [String] = []
        var tableOrder: [String: [String]] = [:]
        var seen = Set<String>()
        var out = "unit,indicator,period,value\n"
        var rows = 0, skipped = 0
        var years = Set<String>()
        var codes = Set<String>()
        while let r = try reader.nextRecord() {
            let f = r.fields
            guard f.count == header.fields.count, f[level] == "province", !f[code].isEmpty, f[year].count == 4,
                let v = Double(f[value]), v.isFinite
            else {
                skipped += 1
                continue
            }
            let key = f[table] + "\u{1}" + f[item]
            let id: String
            if let known = ids[key] {
                id = known
            } else {
                id = "g" + Generator.pad(ids.count + 1, 4)
                ids[key] = id
                if tree[f[topic]] == nil { topicOrder.append(f[topic]) }
                if tree[f[topic], default: [:]][f[table]] == nil { tableOrder[f[topic], default: []].append(f[table]) }
                tree[f[topic], default: [:]][f[table], default: []].append(id)
            }
            guard seen.insert(f[code] + "|" + id + "|" + f[year]).inserted else {
                skipped += 1
                continue
            }
            years.insert(f[year])
            codes.insert(f[code])
            out += "\(f[code]),\(id),\(f[year]),\(f[value])\n"
            rows += 1
        }
        var y = "id: gso-bench\nversion: \"1\"\nname: {en: GSO province tables 1995-2016}\nlanguage: en\nscale: 100\n"
        y += "defaults:\n  normalise: {method: min-max}\n  aggregate: {method: arithmetic, missing: reweight}\nroot:\n  id: index\n  children:\n"
        for (t, topicName) in topicOrder.enumerated() {
            y += "    - id: topic\(t + 1)\n      children:\n"
            for (k, tableName) in (tableOrder[topicName] ?? []).enumerated() {
                y += "        - id: topic\(t + 1)t\(k + 1)\n          children:\n"
                for id in tree[topicName]?[tableName] ?? [] { y += "            - {id: \(id)}\n" }
            }
        }
        let data = folder + "/gso-long.csv", criteria = folder + "/gso-criteria.yaml"
        try out.write(toFile: data, atomically: true, encoding: .utf8)
        try y.write(toFile: criteria, atomically: true, encoding: .utf8)
        return Converted(data: data, criteria: criteria, rows: rows, indicators: ids.count, periods: years.count, skipped: skipped,
            units: codes.count, lastPeriod: years.max() ?? "")
    }
}
