import CityIndexCore
import CityIndexStore
import Foundation
import Testing

@Suite("Runs")
struct RunsTests {
    static func sample() throws -> RunRecord {
        RunRecord(
            createdAt: Date(timeIntervalSince1970: 1_760_000_000), criteriaID: "dti",
            criteriaVersion: "2024", criteriaSHA256: String(repeating: "a", count: 64),
            dataSHA256: String(repeating: "b", count: 64),
            periods: [try period("2023"), try period("2024-Q3")], options: #"{"ties":"competition"}"#,
            toolVersion: "0.1.0",
            results: [
                RunResultRow(period: try period("2024-Q3"), unit: "79", node: "root", score: 0.712, rank: 1),
                RunResultRow(period: try period("2024-Q3"), unit: "01", node: "root", score: 0.698, rank: 2, flags: "imputed"),
                RunResultRow(period: try period("2023"), unit: "92", node: "root", score: nil, rank: nil, flags: "not-ranked"),
                RunResultRow(period: try period("2023"), unit: "Hà Nội", node: "input", score: 0, rank: 3),
            ])
    }

    @Test("a run and its results round-trip")
    func roundTrip() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            var record = try Self.sample()
            let id = try store.saveRun(record).id
            record.id = id
            #expect(try store.run(id: id) == record)
            #expect(try store.run(id: id + 1) == nil)

            let secondID = try store.saveRun(try Self.sample()).id
            let runs = try store.runs()
            #expect(runs.map(\.id) == [id, secondID])
            #expect(runs.first?.resultCount == 4)
            #expect(runs.first?.periods.map(\.description) == ["2023", "2024-Q3"])
            #expect(runs.first?.createdAt == record.createdAt)
            #expect(runs.first?.criteriaSHA256 == record.criteriaSHA256)
            try expectHealthy(store)
        }
    }

    @Test("a run with a duplicate result key is not saved at all")
    func duplicateResultRollsBack() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            var record = try Self.sample()
            record.results.append(record.results[0])
            #expect(throws: DatabaseError.self) { _ = try store.saveRun(record) }
            #expect(try store.runs().isEmpty)
            #expect(try store.database.fetchValue("SELECT count(*) FROM run_result") == .integer(0))
        }
    }
}
