import Foundation
import Testing

/// Issue 15, deliverable 5: scoring warnings one line per cause, the full list under --verbose
/// and in the report's data notes, on the GSO example with its denominator left out (one
/// missing table gave hundreds of lines).
@Suite struct WarningGroupsTests {
    static let criteria = repo("Indicators/gso-provinces.yaml")
    static let counted = ["doctors", "patient_beds", "retail_sales"]

    /// The GSO extract without its average population (the denominator of three indicators),
    /// and per period how many values the three indicators have: each becomes a warning.
    static func extractWithoutPopulation(in tmp: TemporaryFolder) throws -> (file: String, values: [String: Int], units: [String: Set<String>]) {
        let text = try String(contentsOfFile: repo("Indicators/gso/gso-provinces-2010-2016.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.filter { !$0.contains(",avg_population,") }
        try kept.joined(separator: "\n").write(toFile: tmp.path("no-population.csv"), atomically: true, encoding: .utf8)
        var values: [String: Int] = [:]
        var units: [String: Set<String>] = [:]
        for row in parseCSV(text) where counted.contains(row["indicator"] ?? "") && !(row["value"] ?? "").isEmpty {
            values[row["period"] ?? "", default: 0] += 1
            units[row["period"] ?? "", default: []].insert(row["unit"] ?? "")
        }
        return (tmp.path("no-population.csv"), values, units)
    }

    @Test("score: one warning line per cause with its count, every warning with --verbose")
    func scoreSummarises() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let (file, values, units) = try Self.extractWithoutPopulation(in: tmp)
        let total = values.values.reduce(0, +)
        try #require(total > 500, "the case must produce hundreds of warnings: \(total)")
        let run = cityindex(["score", "--criteria", Self.criteria, "--data", file, "--all-periods", "--db", tmp.path("s.sqlite")])
        #expect(run.status == 0, "\(run.stderr)")
        let warnings = run.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        // One cause: the missing denominator, which also leaves the three indicators without a value.
        #expect(warnings.count == 1, "\(warnings)")
        let allUnits = Set(units.values.flatMap { $0 })
        #expect(warnings.first?.hasPrefix(
            "warning: denominator \"avg_population\" is missing or zero for \(total) values (3 indicators: doctors, patient_beds, retail_sales; \(allUnits.count) units: 01 Thành phố Hà Nội, 02 Hà Giang, 04 Cao Bằng, 06 Bắc Kạn, 08 Tuyên Quang and \(allUnits.count - 5) more; periods 2010, 2012, 2014, 2016)") == true,
            "\(warnings)")
        #expect(warnings.first?.hasSuffix(
            "each is treated as missing, which leaves 3 indicators without any value, out of every aggregate: doctors (2010, 2012, 2014, 2016), patient_beds (2010, 2012, 2014, 2016), retail_sales (2010, 2012, 2014, 2016)") == true,
            "\(warnings)")

        let verbose = cityindex(["score", "--criteria", Self.criteria, "--all-periods", "--db", tmp.path("s.sqlite"), "--verbose"])
        #expect(verbose.status == 0, "\(verbose.stderr)")
        let every = verbose.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        // Each value without its denominator, and in each period one warning naming the three
        // indicators left empty.
        #expect(every.count == total + values.count, "\(every.count) lines")
        #expect(every.filter { $0.contains("denominator \"avg_population\" is missing or zero") }.count == total)
        for (period, n) in values {
            #expect(every.filter { $0.hasPrefix("warning: \(period): indicator \"") && $0.contains("avg_population") }.count == n, "\(period)")
        }
        // The ranking is the same either way.
        #expect(verbose.stdout == run.stdout)
    }

    @Test("report: the data notes give one line per cause, then every warning")
    func reportDataNotes() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let (file, values, _) = try Self.extractWithoutPopulation(in: tmp)
        let n2016 = try #require(values["2016"])
        let run = cityindex([
            "report", "--criteria", Self.criteria, "--data", file, "--period", "2016", "--db", tmp.path("s.sqlite"), "--out", tmp.path("out"),
            "--no-charts", "--no-html", "--as-of", "2026-01-01",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: ") }.count == 1, "\(run.stderr)")
        let report = try String(contentsOfFile: tmp.path("out/report.md"), encoding: .utf8)
        let notes = try #require(report.components(separatedBy: "## Lưu ý về dữ liệu\n\n").last?.components(separatedBy: "\n## ").first)
        let parts = notes.components(separatedBy: "### Danh sách đầy đủ các lưu ý\n\n")
        try #require(parts.count == 2, "\(notes.prefix(2000))")
        let summary = parts[0].split(separator: "\n").filter { $0.hasPrefix("- ") }
        #expect(summary.count == 1, "\(summary)")
        #expect(summary.first?.hasSuffix("nên 3 chỉ tiêu không còn giá trị nào và không được đưa vào điểm tổng hợp: doctors, patient\\_beds, retail\\_sales") == true, "\(summary)")
        #expect(summary.first?.hasPrefix("- mẫu số \"avg\\_population\" thiếu hoặc bằng 0 ở \(n2016) giá trị (3 chỉ tiêu:") == true, "\(summary)")
        let full = parts[1].split(separator: "\n").filter { $0.hasPrefix("- ") }
        #expect(full.count == n2016 + 1)
        #expect(full.filter { $0.contains("mẫu số \"avg\\_population\" thiếu hoặc bằng 0, giá trị được coi là thiếu") }.count == n2016)
    }
}
