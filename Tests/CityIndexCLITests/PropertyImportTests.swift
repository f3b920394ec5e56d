import CityIndexFormats
import Foundation
import PropertyBased
import Testing

/// Properties of the files and the store (issue 8, item 4): importing twice equals importing
/// once, the order of rows changes nothing, and every writer's output reads back to the same
/// values (CSV dialects, and the report files against the scores printed by `score`).
@Suite struct PropertyImportTests {
    static let criteria = BadInputCatalogueTests.tiny

    /// A random wide file for the tiny set: its header and its rows (some values missing).
    static func wideRows(_ rng: inout SplitMixRNG) -> [String] {
        let units = 3 + Int(rng.next() % 8)
        return (0..<units).map { u in
            let values = (0..<3).map { _ -> String in
                rng.unit() < 0.1 ? "NA" : String(format: "%.2f", (rng.unit() * 1000).rounded() / 100)
            }
            return "U\(u),Unit \(u),2024," + values.joined(separator: ",")
        }
    }

    static let header = "unit,name,period,a1,a2,b1\n"

    @Test("importing twice equals importing once, and reordering rows changes nothing")
    func idempotentAndOrderFree() async throws {
        await propertyCheck(count: 15, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SplitMixRNG(seed: UInt64(seed))
            let rows = Self.wideRows(&rng)
            var shuffled = rows
            for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            let tmp = try TemporaryFolder()
            defer { tmp.cleanUp() }
            let set = tmp.path("tiny.yaml"), file = tmp.path("data.csv"), reordered = tmp.path("reordered.csv")
            try Self.criteria.write(toFile: set, atomically: true, encoding: .utf8)
            try (Self.header + rows.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            try (Self.header + shuffled.joined(separator: "\n") + "\n").write(toFile: reordered, atomically: true, encoding: .utf8)

            let once = tmp.path("once.sqlite"), twice = tmp.path("twice.sqlite"), other = tmp.path("other.sqlite")
            #expect(cityindex(["import", "--criteria", set, "--data", file, "--db", once]).status == 0)
            #expect(cityindex(["import", "--criteria", set, "--data", file, "--db", twice]).status == 0)
            let again = cityindex(["import", "--criteria", set, "--data", file, "--db", twice])
            #expect(again.status == 0)
            #expect(again.stdout.contains("already imported"), "\(again.stdout)")
            // The same values in another order: a new file, but nothing new, replaced or lost.
            let same = cityindex(["import", "--criteria", set, "--data", reordered, "--db", twice])
            #expect(same.status == 0)
            // (A shuffle that kept the order gives the same bytes: then it is the same file.)
            #expect(same.stdout.contains(": 0 new, 0 replaced, ") || same.stdout.contains("already imported"), "\(same.stdout)")
            #expect(cityindex(["import", "--criteria", set, "--data", reordered, "--db", other]).status == 0)

            let score = ["score", "--criteria", set, "--period", "2024", "--levels", "all", "--format", "csv"]
            let a = cityindex(score + ["--db", once]), b = cityindex(score + ["--db", twice]), c = cityindex(score + ["--db", other])
            #expect(a.status == 0, "\(a.stderr)")
            #expect(a.stdout == b.stdout)
            #expect(a.stdout == c.stdout)
        }
    }

    @Test("report CSVs in every dialect read back to the scores that score prints")
    func reportsReadBack() async throws {
        await propertyCheck(count: 8, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SplitMixRNG(seed: UInt64(seed))
            let rows = Self.wideRows(&rng)
            let tmp = try TemporaryFolder()
            defer { tmp.cleanUp() }
            let set = tmp.path("tiny.yaml"), file = tmp.path("data.csv"), db = tmp.path("s.sqlite")
            try Self.criteria.write(toFile: set, atomically: true, encoding: .utf8)
            try (Self.header + rows.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            let printed = cityindex(["score", "--criteria", set, "--data", file, "--db", db, "--levels", "all", "--format", "csv"])
            try #require(printed.status == 0, "\(printed.stderr)")
            let expected = try Self.read(Array(printed.stdout.utf8), dialect: .data, key: ["unit", "node"], value: "score")

            for dialect in CSVDialect.allCases {
                let out = tmp.path("out-\(dialect.rawValue)")
                let run = cityindex([
                    "report", "--criteria", set, "--db", db, "--period", "2024", "--out", out, "--csv-dialect", dialect.rawValue,
                    "--no-charts", "--no-html", "--as-of", "2025-01-01",
                ])
                try #require(run.status == 0, "\(run.stderr)")
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: out + "/scores.csv")))
                let got = try Self.read(bytes, dialect: dialect, key: ["unit", "node"], value: "score")
                #expect(got == expected, "\(dialect)")
            }
        }
    }

    @Test("the CSV writer's output reads back to the same text and numbers in every dialect")
    func writerReadsBack() async throws {
        let text = Gen.element(of: Array("ab,;\"'\n\r\t=+-@ |<>`ạđ€😀0.5")).compactMap { $0 }.string(of: 0...12)
        await propertyCheck(count: 300, input: text.array(of: 1...4), Gen.double(in: -1e9...1e9).array(of: 1...4)) { texts, numbers in
            for dialect in CSVDialect.allCases {
                var writer = CSVWriter(dialect: dialect)
                writer.writeHeader((0..<(texts.count + numbers.count)).map { "c\($0)" })
                writer.writeRow(texts.map { CSVCell.text($0) } + numbers.map { CSVCell.number($0) })
                var reader = try CSVReader(bytes: writer.bytes, name: "w.csv", options: dialect.readOptions)
                _ = try reader.nextRecord()
                let record = try #require(try reader.nextRecord())
                #expect(try reader.nextRecord() == nil)
                // Text reads back as written (the reader removes the formula guard and normalises to NFC).
                #expect(Array(record.fields.prefix(texts.count)) == texts.map { $0.precomposedStringWithCanonicalMapping }, "\(dialect)")
                for (i, n) in numbers.enumerated() {
                    let back = try NumberParser.parse(record.fields[texts.count + i], decimalComma: dialect.decimalComma)
                    #expect(back == n, "\(dialect): \(n) → \(record.fields[texts.count + i])")
                }
            }
        }
    }

    /// Reads a CSV's `value` column keyed by the `key` columns, as numbers.
    static func read(_ bytes: [UInt8], dialect: CSVDialect, key: [String], value: String) throws -> [String: Double] {
        var reader = try CSVReader(bytes: bytes, name: "r.csv", options: dialect.readOptions)
        let header = try #require(try reader.nextRecord()).fields
        let keys = try key.map { k in try #require(header.firstIndex(of: k), "no column \(k) in \(header)") }
        let v = try #require(header.firstIndex(of: value))
        var out: [String: Double] = [:]
        while let r = try reader.nextRecord() {
            let k = keys.map { r.fields[$0] }.joined(separator: "/")
            if let number = try NumberParser.parse(r.fields[v], decimalComma: dialect.decimalComma) { out[k] = number }
        }
        return out
    }
}
