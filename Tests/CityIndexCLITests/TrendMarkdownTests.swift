import Foundation
import Testing

/// `trend --format md` speaks the report language like the other reports: localised headers
/// and node names, and in Vietnamese the decimal comma; `--format csv` stays data.
@Suite(.serialized) struct TrendMarkdownTests {
    func demo(_ arguments: [String], in tmp: TemporaryFolder) -> Invocation {
        cityindex(arguments + [
            "--criteria", repo("Indicators/qd2244-provinces.yaml"), "--data", repo("Indicators/demo/qd2244-demo.csv"), "--data-basis", "2025",
            "--db", tmp.path("store.sqlite"),
        ])
    }

    @Test func trendMarkdownIsLocalised() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let csv = demo(["trend", "--unit", "01", "--format", "csv"], in: tmp)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasPrefix("node,level,2024_score,2024_rank,2025_score,2025_rank\n"))
        let index = try #require(parseCSV(csv.stdout.components(separatedBy: "\n\n")[0]).first)  // the root
        let score = try #require(index["2025_score"])  // "93.34": data, decimal point
        #expect(score.contains("."))

        let vi = demo(["trend", "--unit", "01"], in: tmp)  // the set's language: vi
        #expect(vi.status == 0, "\(vi.stderr)")
        #expect(vi.stdout.contains("| Tiêu chí | 2024: điểm | 2024: hạng | 2025: điểm | 2025: hạng |"), "\(vi.stdout)")
        #expect(vi.stdout.contains("| Chỉ tiêu | Đơn vị đo | Đầu kỳ | Cuối kỳ | Thay đổi |"))
        #expect(vi.stdout.contains(score.replacingOccurrences(of: ".", with: ",")), "decimal comma")
        #expect(!vi.stdout.contains(" \(score) "), "no decimal point in Vietnamese")
        #expect(!vi.stdout.contains("inp_st_investment"), "names, not ids")
        #expect(!vi.stdout.contains("annual growth"))

        let en = demo(["trend", "--unit", "01", "--lang", "en"], in: tmp)
        #expect(en.status == 0, "\(en.stderr)")
        #expect(en.stdout.contains("| Criterion | 2024: score | 2024: rank | 2025: score | 2025: rank |"), "\(en.stdout)")
        #expect(en.stdout.contains("| Indicator | Unit of measure | First | Last | Change |"))
        #expect(en.stdout.contains(" \(score) "))
    }
}
