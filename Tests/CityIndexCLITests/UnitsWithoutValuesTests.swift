import CityIndexFormats
import Foundation
import Testing

@testable import CityIndexCLI

/// A unit whose row gives no value (every cell `NA` or empty) is kept: it takes part in the
/// period and every report lists it as not ranked for want of data, whether the data come as
/// CSV (streamed into the store) or as a workbook (read whole first).
@Suite struct UnitsWithoutValuesTests {
    static let rows = [
        "X,Xuân Thủy,2024,1,10,5",
        "W,Wa,2024,NA,,NA",
        "Y,Yên Bái,2024,3,30,0",
        "Z,Zeta,2024,2,20,10",
    ]

    @Test("a unit with a row of missing values is listed as not ranked", arguments: ["csv", "xlsx"])
    func listedNotRanked(format: String) throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let set = tmp.path("tiny.yaml"), out = tmp.path("out"), db = tmp.path("s.sqlite")
        try TwoPillarSet.criteria.write(toFile: set, atomically: true, encoding: .utf8)
        let data = tmp.path("data.\(format)")
        if format == "csv" {
            try ("unit,name,period,a1,a2,b1\n" + Self.rows.joined(separator: "\n") + "\n").write(toFile: data, atomically: true, encoding: .utf8)
        } else {
            var book = XLSXWriter()
            book.add(XLSXSheet(name: "data", header: ["unit", "name", "period", "a1", "a2", "b1"], rows: Self.rows.map { line in
                line.split(separator: ",", omittingEmptySubsequences: false).map { f in
                    Double(f).map { CSVCell.number($0) } ?? (f.isEmpty ? .empty : .text(String(f)))
                }
            }))
            try book.write(toFile: data)
        }
        let run = cityindex([
            "report", "--criteria", set, "--data", data, "--db", db, "--period", "2024", "--out", out,
            "--xlsx", "--no-charts", "--no-html", "--no-sensitivity",
        ])
        try #require(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("3 of 4 units ranked"), "\(run.stderr)")

        let ranking = try String(contentsOfFile: out + "/ranking.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(ranking.count == 5)
        #expect(ranking.last?.hasPrefix(",W,Wa,,") == true, "\(ranking)")
        #expect(ranking.last?.contains("not ranked: no data") == true)
        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(report.contains("| Wa | no data for any scored indicator in this period |"))

        // The workbook's values sheet has the unit's three indicators, without values.
        let values = try XLSXReader(path: out + "/report.xlsx").table(sheet: "values").records.map(\.fields)
        let header = try #require(values.first)
        let unit = try #require(header.firstIndex(of: "unit")), value = try #require(header.firstIndex(of: "value"))
        let w = values.dropFirst().filter { $0[unit] == "W" }
        #expect(w.count == 3)
        #expect(w.allSatisfy { $0.count <= value || $0[value].isEmpty })

        // The unit is stored with its name; importing the file again changes nothing.
        #expect(try sqlite3(db, "SELECT name FROM unit WHERE code = 'W'") == "Wa")
        let again = cityindex(["import", "--criteria", set, "--data", data, "--db", db, "--period", "2024"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try sqlite3(db, "SELECT count(*) FROM unit_period") == "1")
    }

    @Test("a unit without values in one period takes part only in that period")
    func onlyThatPeriod() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let set = tmp.path("tiny.yaml"), data = tmp.path("data.csv"), db = tmp.path("s.sqlite")
        try TwoPillarSet.criteria.write(toFile: set, atomically: true, encoding: .utf8)
        try """
            unit,indicator,period,value
            X,a1,2023,1
            X,a2,2023,2
            X,b1,2023,3
            Y,a1,2023,2
            Y,a2,2023,1
            Y,b1,2023,5
            X,a1,2024,1
            X,a2,2024,2
            X,b1,2024,3
            Y,a1,2024,2
            Y,a2,2024,1
            Y,b1,2024,5
            V,a1,2024,NA

            """.write(toFile: data, atomically: true, encoding: .utf8)
        #expect(cityindex(["import", "--criteria", set, "--data", data, "--db", db]).status == 0)
        let y2023 = cityindex(["score", "--criteria", set, "--db", db, "--period", "2023", "--format", "csv"])
        let y2024 = cityindex(["score", "--criteria", set, "--db", db, "--period", "2024", "--format", "csv"])
        #expect(y2023.status == 0 && y2024.status == 0)
        #expect(!y2023.stdout.contains(",V,"), "\(y2023.stdout)")
        #expect(y2024.stdout.contains("\n,V,V,"), "\(y2024.stdout)")
    }
}
