import CityIndexCore
import CityIndexStore
import Foundation
import Testing

/// New values in key order are held and written by multi-row `INSERT`s; values given twice
/// and values already stored must be found exactly as one by one.
@Suite("Import batching")
struct ImportBatchingTests {
    /// `count` values of one period in key order: units `u000…`, indicators `i0…i9`.
    static func sorted(_ count: Int, period: String = "2024", offset: Double = 0) -> [(String, String, String, Double)] {
        (0..<count).map { k in
            (String(format: "u%03d", k / 10), "i\(k % 10)", period, Double(k) + offset)
        }
    }

    func stream(
        _ store: Store, _ name: String, _ values: [(String, String, String, Double)], replace: Bool = false
    ) throws -> (summary: ImportSummary, outcomes: [ObservationWriter.Outcome]) {
        var outcomes: [ObservationWriter.Outcome] = []
        let summary = try store.importStreaming(
            sha256: name, fileName: name, options: "", importedAt: Date(timeIntervalSince1970: 0), replace: replace
        ) { writer in
            for (line, v) in values.enumerated() {
                let outcome = try writer.write(
                    unit: v.0, indicator: v.1, period: try period(v.2), value: v.3, source: nil, note: nil,
                    line: line + 2, column: 13)
                // As the command does: a value given twice is reported by the reader, not as a conflict.
                if case .duplicateInFile(let earlier) = outcome, earlier != v.3 { writer.dropLastConflict() }
                outcomes.append(outcome)
            }
            return ([], [])
        }
        return (summary, outcomes)
    }

    @Test("a value given twice after a full batch is found, held or written")
    func duplicatesAfterBatches() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            // 2,100 new values (two full hand-overs of 1,024 and some held), then the first and
            // last again.
            var values = Self.sorted(2_100)
            values.append(("u000", "i0", "2024", 0))
            values.append(("u209", "i9", "2024", 1))
            let (summary, outcomes) = try stream(store, "a.csv", values)
            #expect(outcomes.prefix(2_100).allSatisfy { $0 == .inserted })
            #expect(outcomes[2_100] == .duplicateInFile(storedValue: 0))
            #expect(outcomes[2_101] == .duplicateInFile(storedValue: 2_099))
            #expect(summary == .imported(importID: 1, inserted: 2_100, replaced: 0, unchanged: 0))
            #expect(try store.database.fetchValue("SELECT count(*) FROM observation") == .integer(2_100))
            #expect(try store.database.fetchValue("SELECT sum(value) FROM observation") == .real(2_099 * 2_100 / 2))
            try expectHealthy(store)
        }
    }

    @Test("values after the stored ones are batched, stored ones are compared")
    func laterImports() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            _ = try stream(store, "a.csv", Self.sorted(2_100))
            // The same 2,100 (unchanged), then a new period (handed over in batches).
            let next = Self.sorted(2_100) + Self.sorted(2_100, period: "2025")
            let (summary, outcomes) = try stream(store, "b.csv", next)
            #expect(summary == .imported(importID: 2, inserted: 2_100, replaced: 0, unchanged: 2_100))
            #expect(outcomes.prefix(2_100).allSatisfy { $0 == .unchanged })
            #expect(outcomes.suffix(2_100).allSatisfy { $0 == .inserted })
            // A changed value after full batches conflicts; nothing of that import is kept.
            var changed = Self.sorted(2_100, period: "2026")
            changed.append(("u005", "i5", "2024", 1000))
            #expect(throws: StoreError.self) { _ = try stream(store, "c.csv", changed) }
            #expect(try store.database.fetchValue("SELECT count(*) FROM observation") == .integer(4_200))
            let (replaced, _) = try stream(store, "c.csv", changed, replace: true)
            #expect(replaced == .imported(importID: 3, inserted: 2_100, replaced: 1, unchanged: 0))
            #expect(try store.database.fetchValue("SELECT count(*) FROM observation") == .integer(6_300))
            #expect(try store.database.fetchValue("SELECT count(*) FROM observation_history") == .integer(1))
            try expectHealthy(store)
        }
    }

    @Test("values out of key order are written one by one")
    func outOfOrder() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            let values = Self.sorted(300).reversed() + Self.sorted(300, period: "2023")
            let (summary, outcomes) = try stream(store, "a.csv", Array(values))
            #expect(outcomes.allSatisfy { $0 == .inserted })
            #expect(summary == .imported(importID: 1, inserted: 600, replaced: 0, unchanged: 0))
            #expect(try store.database.fetchValue("SELECT count(*) FROM observation") == .integer(600))
            try expectHealthy(store)
        }
    }

    @Test("batches written on another core store what values written one by one store")
    func backgroundBatchesEqualOneByOne() throws {
        // Three periods; new units and indicators keep appearing between full batches; text
        // columns vary, so every bound column of a batch is checked.
        let values = ["2023", "2024", "2025"].flatMap { Self.sorted(2_000, period: $0, offset: 0.25) }
        func rows(_ store: Store) throws -> [[DatabaseValue]] {
            try store.database.makeStatement(
                "SELECT unit, indicator, period, value, source, note FROM observation ORDER BY unit, indicator, period"
            ).fetchAll { row in try (0..<6).map { try row.value(at: Int32($0)) } }
        }
        func load(_ ordered: [(String, String, String, Double)]) throws -> [[DatabaseValue]] {
            try withStorePath { path in
                let store = try Store(path: path)
                _ = try store.importStreaming(
                    sha256: "x", fileName: "x.csv", options: "", importedAt: Date(timeIntervalSince1970: 0), replace: false
                ) { writer in
                    for (k, v) in ordered.enumerated() {
                        let n = Int(v.3)
                        try writer.write(
                            unit: v.0, indicator: v.1, period: try period(v.2), value: v.3,
                            source: n % 3 == 0 ? nil : "source \(n)", note: n % 5 == 0 ? "note \(n % 7)" : nil,
                            line: k + 2, column: 1)
                    }
                    return ([], [])
                }
                try expectHealthy(store)
                return try rows(store)
            }
        }
        let batched = try load(values)
        #expect(batched.count == 6_000)
        // Reversed, each value after the first is below the greatest key: one by one, no batch.
        #expect(try load(values.reversed()) == batched)
    }

    @Test("an import that fails after full batches leaves nothing")
    func failureRollsBack() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            struct Stop: Error {}
            #expect(throws: Stop.self) {
                _ = try store.importStreaming(
                    sha256: "x", fileName: "x.csv", options: "", importedAt: Date(), replace: false
                ) { writer in
                    for (k, v) in Self.sorted(2_100).enumerated() {
                        try writer.write(
                            unit: v.0, indicator: v.1, period: try period(v.2), value: v.3, source: "s\(k)", note: nil,
                            line: k + 2, column: 1)
                    }
                    throw Stop()
                }
            }
            #expect(try store.database.fetchValue("SELECT count(*) FROM observation") == .integer(0))
            #expect(try store.database.fetchValue("SELECT count(*) FROM import_file") == .integer(0))
        }
    }
}
