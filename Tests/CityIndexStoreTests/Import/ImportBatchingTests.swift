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
            // 300 new values (two full batches and some held), then the first and last again.
            var values = Self.sorted(300)
            values.append(("u000", "i0", "2024", 0))
            values.append(("u029", "i9", "2024", 1))
            let (summary, outcomes) = try stream(store, "a.csv", values)
            #expect(outcomes.prefix(300).allSatisfy { $0 == .inserted })
            #expect(outcomes[300] == .duplicateInFile(storedValue: 0))
            #expect(outcomes[301] == .duplicateInFile(storedValue: 299))
            #expect(summary == .imported(importID: 1, inserted: 300, replaced: 0, unchanged: 0))
            #expect(try store.database.fetchValue("SELECT count(*) FROM observation") == .integer(300))
            #expect(try store.database.fetchValue("SELECT sum(value) FROM observation") == .real(299 * 300 / 2))
            try expectHealthy(store)
        }
    }

    @Test("values after the stored ones are batched, stored ones are compared")
    func laterImports() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            _ = try stream(store, "a.csv", Self.sorted(200))
            // The same 200 (unchanged), then a new period (batched).
            let next = Self.sorted(200) + Self.sorted(200, period: "2025")
            let (summary, outcomes) = try stream(store, "b.csv", next)
            #expect(summary == .imported(importID: 2, inserted: 200, replaced: 0, unchanged: 200))
            #expect(outcomes.prefix(200).allSatisfy { $0 == .unchanged })
            #expect(outcomes.suffix(200).allSatisfy { $0 == .inserted })
            // A changed value in the middle conflicts; nothing of that import is kept.
            var changed = Self.sorted(200, period: "2026")
            changed.append(("u005", "i5", "2024", 1000))
            #expect(throws: StoreError.self) { _ = try stream(store, "c.csv", changed) }
            #expect(try store.database.fetchValue("SELECT count(*) FROM observation") == .integer(400))
            let (replaced, _) = try stream(store, "c.csv", changed, replace: true)
            #expect(replaced == .imported(importID: 3, inserted: 200, replaced: 1, unchanged: 0))
            #expect(try store.database.fetchValue("SELECT count(*) FROM observation") == .integer(600))
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

    @Test("an import that fails after full batches leaves nothing")
    func failureRollsBack() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            struct Stop: Error {}
            #expect(throws: Stop.self) {
                _ = try store.importStreaming(
                    sha256: "x", fileName: "x.csv", options: "", importedAt: Date(), replace: false
                ) { writer in
                    for (k, v) in Self.sorted(500).enumerated() {
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
