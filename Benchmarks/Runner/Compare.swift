import Foundation

/// Checks CityIndex's rankings against the pandas baseline's: same ranked units, same ranks,
/// index scores within 1e-9.
enum Compare {
    static func rankings(cityindex folder: String, pandas path: String) throws -> String {
        var theirs: [String: (Double, Int)] = [:]
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard f.count == 4, let s = Double(f[2]), let r = Int(f[3]) else { continue }
            theirs["\(f[0])|\(f[1])"] = (s, r)
        }
        var compared = 0
        var maxDiff = 0.0
        var rankMismatches = 0
        var missing = 0
        // The report writes one folder per period, each with its ranking.csv.
        let periods = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            .filter { FileManager.default.fileExists(atPath: folder + "/" + $0 + "/ranking.csv") }
        guard !periods.isEmpty else { throw BenchError("no <period>/ranking.csv under \(folder)") }
        for p in periods {
            let ranking = try String(contentsOfFile: folder + "/" + p + "/ranking.csv", encoding: .utf8)
            for line in ranking.split(separator: "\n").dropFirst() {
                let f = line.split(separator: ",", omittingEmptySubsequences: false)
                guard f.count >= 4, let r = Int(f[0]), let s = Double(f[3]) else { continue }
                guard let t = theirs.removeValue(forKey: "\(p)|\(f[1])") else {
                    missing += 1
                    continue
                }
                compared += 1
                maxDiff = max(maxDiff, abs(t.0 - s))
                if t.1 != r { rankMismatches += 1 }
            }
        }
        let ok = missing == 0 && theirs.isEmpty && rankMismatches == 0 && maxDiff <= 1e-9
        let summary = "\(ok ? "yes" : "NO"): \(compared) unit-periods, \(rankMismatches) rank differences, "
            + "max score difference \(maxDiff), \(missing + theirs.count) units ranked by one side only"
        guard ok else { throw BenchError("results differ from pandas: " + summary) }
        return summary
    }
}
