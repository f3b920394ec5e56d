import CityIndexCore
import CityIndexStore
import Foundation
import Testing

/// A larger import through the hot path, checked by counts only (no timing assertions).
/// Set `CITYINDEX_STORE_ROWS` to import more rows, e.g. in a release build.
@Suite("Import at scale")
struct ImportScaleTests {
    static let rowCount = ProcessInfo.processInfo.environment["CITYINDEX_STORE_ROWS"].flatMap(Int.init) ?? 60_000

    static func observations(count: Int, offset: Double) -> [ObservationInput] {
        let periods = (2015...2024).map(Period.year)
        let indicators = (0..<100).map { "ind\($0)" }
        return (0..<count).map { i in
            ObservationInput(
                unit: "u\(i / 1000)", indicator: indicators[i % 100], period: periods[(i / 100) % 10],
                value: Double(i) + offset, source: i.isMultiple(of: 7) ? "survey" : nil,
                line: i + 2, column: 1)
        }
    }

    @Test("many values import, re-import unchanged, and replace with full history")
    func largeImport() throws {
        let n = Self.rowCount
        try withStorePath { path in
            let store = try Store(path: path)
            let start = Date()
            let first = try store.importBatch(batch("big.csv", Self.observations(count: n, offset: 0)), replace: false)
            let seconds = Date().timeIntervalSince(start)
            if ProcessInfo.processInfo.environment["CITYINDEX_STORE_ROWS"] != nil {
                print("imported \(n) rows in \(seconds) s: \(Int(Double(n) / seconds)) rows/s")
            }
            #expect(first == .imported(importID: 1, inserted: n, replaced: 0, unchanged: 0))

            let same = try store.importBatch(batch("big-copy.csv", Self.observations(count: n, offset: 0)), replace: false)
            #expect(same == .imported(importID: 2, inserted: 0, replaced: 0, unchanged: n))

            let changed = Self.observations(count: n, offset: 0.5)
            #expect(throws: StoreError.self) { _ = try store.importBatch(batch("big-2.csv", changed), replace: false) }
            let replaced = try store.importBatch(batch("big-2.csv", changed), replace: true)
            #expect(replaced == .imported(importID: 3, inserted: 0, replaced: n, unchanged: 0))
            #expect(try store.database.fetchValue("SELECT count(*) FROM observation_history") == .integer(Int64(n)))
            #expect(try store.observations(indicators: nil, periods: nil).count == n)
            #expect(try store.database.fetchValue("SELECT sum(value) FROM observation")
                == .real(Double(n) * Double(n - 1) / 2 + 0.5 * Double(n)))
            try expectHealthy(store)
        }
    }
}
