import Foundation
import Testing

/// Every `--format json` prints well-formed JSON holding the values of the same command's CSV:
/// one object per CSV row keyed by its columns, numbers as JSON numbers, empty cells as null.
@Suite(.serialized) struct JSONOutputTests {
    func demo(_ arguments: [String], in tmp: TemporaryFolder) -> Invocation {
        cityindex(arguments + [
            "--criteria", repo("Indicators/qd2244-provinces.yaml"), "--data", repo("Indicators/demo/qd2244-demo.csv"), "--data-basis", "2025",
            "--db", tmp.path("store.sqlite"),
        ])
    }

    /// The JSON objects hold exactly the CSV rows: same columns, text equal, numbers equal as
    /// numbers, null where the CSV cell is empty; `numeric` columns are never strings, but for
    /// the "new" a rank change holds for a unit new this period (as in the CSV).
    func expectSameRows(_ json: [[String: Any]], _ csv: [[String: String]], numeric: (String) -> Bool, _ what: String) {
        #expect(json.count == csv.count, "\(what): \(json.count) objects, \(csv.count) CSV rows")
        for (object, row) in zip(json, csv) {
            #expect(Set(object.keys) == Set(row.keys), "\(what): keys \(object.keys.sorted()) vs columns \(row.keys.sorted())")
            for (key, text) in row {
                let value = object[key]
                if value is NSNull {
                    #expect(text.isEmpty, "\(what) \(key): null in JSON, \"\(text)\" in CSV")
                } else if let s = value as? String {
                    #expect(!numeric(key) || (key == "rank_change" && s == "new"), "\(what) \(key): \"\(s)\" is a string, not a JSON number")
                    #expect(s == text, "\(what) \(key): \"\(s)\" in JSON, \"\(text)\" in CSV")
                } else if let n = value as? NSNumber {
                    // The same text in both files; Foundation's JSON parser on Linux may read a
                    // number of 15 or more digits an ulp away from the shortest decimal's double.
                    let csvValue = Double(text) ?? .nan
                    #expect(abs(csvValue - n.doubleValue) <= csvValue.ulp, "\(what) \(key): \(n) in JSON, \"\(text)\" in CSV")
                } else {
                    Issue.record("\(what) \(key): unexpected JSON value \(String(describing: value))")
                }
            }
        }
    }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text.prefix(200))")
    }

    @Test func trendPrintsJSONWithTheCSVValues() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let csv = demo(["trend", "--unit", "01", "--format", "csv"], in: tmp)
        #expect(csv.status == 0, "\(csv.stderr)")
        let json = demo(["trend", "--unit", "01", "--format", "json"], in: tmp)
        #expect(json.status == 0, "\(json.stderr)")
        let document = try object(json.stdout)
        #expect(document["unit"] as? String == "01")
        #expect((document["name"] as? String)?.contains("Hà Nội") == true, "diacritics intact")
        #expect(document["criteria"] as? String == "qd2244-provinces")
        #expect(document["periods"] as? [String] == ["2024", "2025"])

        let tables = csv.stdout.components(separatedBy: "\n\n")
        try #require(tables.count == 2, "the series, a blank line, the growth")
        let series = try #require(document["series"] as? [[String: Any]])
        let growth = try #require(document["growth"] as? [[String: Any]])
        #expect(!series.isEmpty && !growth.isEmpty)
        expectSameRows(series, parseCSV(tables[0]), numeric: { $0 == "level" || $0.hasSuffix("_score") || $0.hasSuffix("_rank") }, "series")
        expectSameRows(growth, parseCSV(tables[1]), numeric: { $0.hasSuffix("_value") || $0 == "annual_growth" || $0 == "change" }, "growth")
        #expect(series.first?["node"] as? String == "qd2244")
        #expect(series.first?["2025_score"] is NSNumber)
    }

    @Test(
        "score --format json holds the CSV's values",
        arguments: [["--levels", "index"], ["--levels", "all"], ["--levels", "index", "--all-periods"], ["--levels", "all", "--all-periods"]])
    func scorePrintsJSONWithTheCSVValues(options: [String]) throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let csv = demo(["score", "--format", "csv"] + options, in: tmp)
        #expect(csv.status == 0, "\(csv.stderr)")
        let json = demo(["score", "--format", "json"] + options, in: tmp)
        #expect(json.status == 0, "\(json.stderr)")
        let document = try object(json.stdout)
        #expect(document["criteria"] as? String == "qd2244-provinces")
        let rows = try #require(document["rows"] as? [[String: Any]])
        let numeric: (String) -> Bool = { ["score", "rank", "level", "score_change", "rank_change", "base_rank"].contains($0) }
        expectSameRows(rows, parseCSV(csv.stdout), numeric: numeric, "score \(options.joined(separator: " "))")
    }
}
