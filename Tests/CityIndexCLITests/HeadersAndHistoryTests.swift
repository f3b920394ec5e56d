import CityIndexFormats
import Foundation
import Testing

/// Issue 15, deliverable 3: `--headers ids|vi|en` for CSV files and workbook sheets, and the
/// history table of several periods (`history.csv` and its sheet).
@Suite struct HeadersAndHistoryTests {
    static let gso = repo("Indicators/gso-provinces.yaml")
    static let extract = repo("Indicators/gso/gso-provinces-2010-2016.csv")

    /// The fields of a CSV file, header first.
    static func fields(_ path: String) throws -> [[String]] { try DemoWorkbookTests.fields(path) }

    @Test("--headers gives CSV files and the workbook ids, Vietnamese or English titles over the same rows; the workbook of a Vietnamese report is Vietnamese by default")
    func headerStyles() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let db = tmp.path("s.sqlite")
        #expect(cityindex(["import", "--criteria", Self.gso, "--data", Self.extract, "--db", db]).status == 0)
        var rankings: [String: [[String]]] = [:]
        for style in ["default", "ids", "vi", "en"] {
            let out = tmp.path(style)
            let run = cityindex(
                ["report", "--criteria", Self.gso, "--period", "2016", "--db", db, "--out", out, "--xlsx", "--no-charts", "--no-html", "--as-of", "2026-01-01"]
                    + (style == "default" ? [] : ["--headers", style]))
            #expect(run.status == 0, "\(run.stderr)")
            rankings[style] = try Self.fields(out + "/ranking.csv")
            let book = try XLSXReader(path: out + "/report.xlsx")
            switch style {
            case "default", "vi":
                #expect(book.sheetNames == ["Xếp hạng", "Điểm", "Qua các kỳ", "Giá trị", "Tiêu chí", "Phương pháp", "Mã cột"], "\(style)")
                let ranking = try book.table(sheet: "Xếp hạng").rows[0].cells.map(\.csvText)
                #expect(Array(ranking.prefix(10)) == [
                    "Hạng", "Mã đơn vị", "Tên đơn vị", "Điểm", "Thay đổi hạng (số bậc tăng)", "Thay đổi điểm", "Kỳ so sánh", "Hạng kỳ so sánh",
                    "Đời sống dân cư", "Đời sống dân cư: hạng",
                ])
                // The last sheet gives every column's id: the ids of the CSV files written by default.
                let columns = try WorkbookColumnIDs(book)
                #expect(columns.byFile["ranking.csv"]?.ids == rankings["ids"]?.first ?? rankings["default"]?.first)
                #expect(columns.byFile["ranking.csv"]?.titles == ranking)
                #expect(columns.bySheet["Giá trị"]?.ids == ReportWorkbookHeader.values)
            case "en":
                #expect(book.sheetNames == ["Ranking", "Scores", "History", "Values", "Criteria", "Methodology", "Column ids"])
                #expect(try book.table(sheet: "History").rows[0].cells.map(\.csvText) == [
                    "Unit code", "Unit name", "Score 2014", "Rank 2014", "Score 2016", "Rank 2016", "Rank change 2016",
                ])
            default:
                #expect(book.sheetNames == ["ranking", "scores", "history", "values", "criteria", "methodology"])
            }
        }
        // CSV headers: ids unless asked, and the same rows under every header.
        let ids = try #require(rankings["ids"])
        #expect(rankings["default"] == ids)
        #expect(Array(ids[0].prefix(4)) == ["rank", "unit", "name", "score"])
        #expect(Array(try #require(rankings["vi"])[0].prefix(4)) == ["Hạng", "Mã đơn vị", "Tên đơn vị", "Điểm"])
        #expect(Array(try #require(rankings["en"])[0].prefix(4)) == ["Rank", "Unit code", "Unit name", "Score"])
        for style in ["vi", "en"] {
            #expect(Array(try #require(rankings[style]).dropFirst()) == Array(ids.dropFirst()), "\(style)")
        }
        // score, sensitivity and audit take --headers too.
        let score = cityindex(["score", "--criteria", Self.gso, "--period", "2016", "--db", db, "--headers", "vi"])
        #expect(
            score.stdout.hasPrefix(
                "Hạng,Mã đơn vị,Tên đơn vị,Điểm,Thay đổi hạng (số bậc tăng),Thay đổi điểm,Kỳ so sánh,Hạng kỳ so sánh,Đời sống dân cư,Giáo dục và lao động,Y tế,Kinh tế\n"),
            "\(score.stdout.prefix(200))")
        let audit = cityindex(["audit", "--criteria", Self.gso, "--period", "2016", "--db", db, "--out", tmp.path("audit"), "--headers", "en"])
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(try Self.fields(tmp.path("audit/audit-pillars.csv"))[0] == [
            "Pillar", "Indicators", "Units with every value", "Cronbach's alpha", "First component's share", "Eigenvalues",
        ])
    }

    @Test("history.csv: each period's score and rank as its ranking.csv has them, the rank change since the period before")
    func historyOfEveryPeriod() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let out = tmp.path("out")
        let run = cityindex([
            "report", "--criteria", Self.gso, "--data", Self.extract, "--all-periods", "--db", tmp.path("s.sqlite"), "--out", out,
            "--no-charts", "--no-html", "--xlsx", "--headers", "ids",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let periods = ["2010", "2012", "2014", "2016"]
        // The first period has nothing before it: no history.
        #expect(!FileManager.default.fileExists(atPath: out + "/2010/history.csv"))
        // Per period, unit → (score, rank) from its own ranking.csv.
        var ranking: [String: [String: (score: String, rank: String)]] = [:]
        for p in periods {
            for row in parseCSV(try String(contentsOfFile: out + "/\(p)/ranking.csv", encoding: .utf8)) {
                ranking[p, default: [:]][row["unit"] ?? ""] = (row["score"] ?? "", row["rank"] ?? "")
            }
        }
        let history = parseCSV(try String(contentsOfFile: out + "/2016/history.csv", encoding: .utf8))
        #expect(history.count == 63)
        let header = try #require(try Self.fields(out + "/2016/history.csv").first)
        #expect(header == ["unit", "name","2010_score", "2010_rank", "2012_score", "2012_rank", "2012_rank_change", "2014_score", "2014_rank", "2014_rank_change", "2016_score", "2016_rank", "2016_rank_change"])
        var checked = 0
        for row in history {
            let unit = row["unit"] ?? ""
            for (k, p) in periods.enumerated() {
                let then = ranking[p]?[unit]
                #expect(row["\(p)_score"] == then?.score && row["\(p)_rank"] == then?.rank, "\(unit) \(p)")
                guard k > 0 else { continue }
                let before = ranking[periods[k - 1]]?[unit]?.rank ?? "", now = then?.rank ?? ""
                let expected = now.isEmpty ? "" : before.isEmpty ? "new" : String(Int(before)! - Int(now)!)
                #expect(row["\(p)_rank_change"] == expected, "\(unit) \(p): \(row["\(p)_rank_change"] ?? "-"), worked out \(expected)")
                checked += 1
            }
        }
        #expect(checked == 63 * 3)
        // Rows in the order of the last ranking; the 2014 folder's history stops at 2014.
        #expect(history.map { $0["2016_rank"].flatMap { Int($0) } ?? Int.max } == history.map { $0["2016_rank"].flatMap { Int($0) } ?? Int.max }.sorted())
        #expect(try Self.fields(out + "/2014/history.csv")[0].last == "2014_rank_change")
        // The workbook's history sheet holds the same rows.
        let sheet = try XLSXReader(path: out + "/2016/report.xlsx").table(sheet: "history").rows
        let csv = try Self.fields(out + "/2016/history.csv")
        #expect(sheet.count == csv.count)
        for (row, record) in zip(sheet, csv) {
            let cells = row.cells + Array(repeating: .empty, count: max(0, record.count - row.cells.count))
            #expect(zip(cells, record).allSatisfy { DemoWorkbookTests.same($0, $1, dialect: .data) }, "row \(row.number): \(cells) \(record)")
        }
    }

    @Test("a unit not ranked in the base period is new in history.csv, as in ranking.csv (the demo's Lai Chau)")
    func historyNewUnit() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let out = tmp.path("out")
        let run = cityindex(["report", "--db", tmp.path("s.sqlite"), "--out", out, "--no-charts", "--no-html", "--no-sensitivity"])
        #expect(run.status == 0, "\(run.stderr)")
        let history = parseCSV(try String(contentsOfFile: out + "/history.csv", encoding: .utf8))
        let ranking = parseCSV(try String(contentsOfFile: out + "/ranking.csv", encoding: .utf8))
        #expect(history.count == 34)
        let changes = Dictionary(uniqueKeysWithValues: ranking.map { ($0["unit"] ?? "", $0["rank_change"] ?? "") })
        for row in history { #expect(row["2025_rank_change"] == changes[row["unit"] ?? ""], "\(row["unit"] ?? "")") }
        #expect(history.first { $0["unit"] == "12" }?["2025_rank_change"] == "new")
        #expect(history.first { $0["unit"] == "12" }?["2024_rank"] == "")
    }
}
