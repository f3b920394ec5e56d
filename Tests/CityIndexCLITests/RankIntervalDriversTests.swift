import Foundation
import Testing

/// Issue 15, deliverable 4: a wide rank interval is explained by the input that drives it. A
/// unit best on three indicators and last on the fourth ranks first under the arithmetic mean
/// and last under the geometric alternative, whose floor its zero score falls to.
@Suite struct RankIntervalDriversTests {
    static let yaml = """
        id: drivers
        name: {en: Drivers, vi: Động lực}
        language: en
        scale: 100
        precision: 2
        defaults:
          normalise: {method: goalposts, min: 0, max: 100}
        root:
          id: index
          children:
            - id: p
              name: {en: Pillar, vi: Trụ cột}
              children:
                - {id: a, name: {en: Alpha, vi: An pha}}
                - {id: b, name: {en: Beta, vi: Bê ta}}
                - {id: c, name: {en: Gamma, vi: Ga ma}}
                - {id: d, name: {en: Delta, vi: Đen ta}}
        uncertainty:
          aggregate: [arithmetic, geometric]
          runs: 200
          seed: 3
        """

    /// Ten units: U01 at the top on a, b, c and at 0 on d; the others in the middle (scores
    /// are the values: goalposts 0 and 100).
    static var data: String {
        var rows = ["unit,name,period,a,b,c,d", "U01,Top but one zero,2024,100,100,100,0"]
        for k in 2...10 {
            let v = [40 + k, 60 - k, 45 + (k % 3), 10 + 8 * k]
            rows.append("U\(String(format: "%02d", k)),Unit \(k),2024,\(v[0]),\(v[1]),\(v[2]),\(v[3])")
        }
        return rows.joined(separator: "\n") + "\n"
    }

    @Test("sensitivity and report name the aggregation, the geometric alternative and the indicator raised to the floor", arguments: ["en", "vi"])
    func wideIntervalExplained(language: String) throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try Self.yaml.write(toFile: tmp.path("d.yaml"), atomically: true, encoding: .utf8)
        try Self.data.write(toFile: tmp.path("d.csv"), atomically: true, encoding: .utf8)
        let run = cityindex([
            "report", "--criteria", tmp.path("d.yaml"), "--data", tmp.path("d.csv"), "--db", tmp.path("s.sqlite"), "--out", tmp.path("out"),
            "--no-charts", "--no-html", "--lang", language,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try String(contentsOfFile: tmp.path("out/report.md"), encoding: .utf8)
        // The unit's interval runs from first to last: arithmetic and geometric are equally likely.
        let units = parseCSV(try String(contentsOfFile: tmp.path("out/sensitivity-units.csv"), encoding: .utf8))
        let top = try #require(units.first { $0["unit"] == "U01" })
        #expect(top["nominal_rank"] == "1" && Double(top["p95_rank"] ?? "") == 10, "\(top)")
        // The only uncertain input explains (nearly) all of the variance of its rank.
        let indices = parseCSV(try String(contentsOfFile: tmp.path("out/sensitivity-indices.csv"), encoding: .utf8))
        let row = try #require(indices.first { $0["output"] == "rank:U01" && $0["input"] == "aggregation" })
        let total = try #require(Double(row["total"] ?? ""))
        #expect(total > 0.9)
        let shown = String(format: "%.3f", total).replacingOccurrences(of: ".", with: language == "vi" ? "," : ".")
        let expected = language == "en"
            ? "- **Top but one zero** 1–10: mostly the aggregation (S_Ti \(shown)); its worst rank, 10, comes under the geometric alternative, where an indicator scoring 0 or less is raised to the floor of the geometric mean: Delta."
            : "- **Top but one zero** 1–10: chủ yếu do phương pháp tổng hợp (S_Ti \(shown)); hạng thấp nhất, 10, xảy ra với phương án trung bình nhân, khi 1 chỉ tiêu có điểm bằng 0 hoặc thấp hơn bị nâng lên mức sàn của trung bình nhân: Đen ta."
        #expect(report.contains(expected), "\(report)")
    }
}
