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
            // Keys stored already are held and compared when the values held are written.
            #expect(outcomes.prefix(2_100).allSatisfy { $0 == .held })
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

    @Test("a panel exported unit by unit is written at once; values below their period's greatest key are held")
    func outOfOrder() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            // Unit by unit, the periods cycling fastest: each period's keys still increase, so
            // every value is new and written at once, in batches.
            // A 2024 value given twice at the end, below 2024's greatest key, is found as given
            // twice, whatever the periods written in between.
            let values = zip(Self.sorted(1_500), Self.sorted(1_500, period: "2025")).flatMap { [$0, $1] }
            let (summary, outcomes) = try stream(store, "a.csv", values + [values[2]])
            #expect(outcomes.dropLast().allSatisfy { $0 == .inserted })
            #expect(outcomes.last == .duplicateInFile(storedValue: values[2].3))
            #expect(summary == .imported(importID: 1, inserted: 3_000, replaced: 0, unchanged: 0))
            #expect(try store.database.fetchValue("SELECT count(*) FROM observation") == .integer(3_000))
            try expectHealthy(store)
        }
        try withStorePath { path in
            let store = try Store(path: path)
            // Indicator by indicator (ids are given in the order codes are met): after the
            // first indicator's 30 units, each value is below the period's greatest key, (u029,
            // i0), and held, but for the last unit of each indicator.
            let byIndicator = Self.sorted(300).sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            let (summary, outcomes) = try stream(store, "a.csv", byIndicator)
            #expect(outcomes.prefix(30).allSatisfy { $0 == .inserted })
            #expect(outcomes.enumerated().dropFirst(30).allSatisfy { k, o in o == (k % 30 == 29 ? .inserted : .held) })
            #expect(summary == .imported(importID: 1, inserted: 300, replaced: 0, unchanged: 0))
            #expect(try store.database.fetchValue("SELECT count(*) FROM observation") == .integer(300))
            try expectHealthy(store)
        }
    }

    @Test("new units in a stored period are written at once; their keys are created with them")
    func newUnitsInAStoredPeriod() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            _ = try stream(store, "a.csv", Self.sorted(1_000))
            // u000…u099 stored; the file gives u050…u199 of the same period: the first 500
            // values are stored already (held, compared), the rest come after the period's
            // greatest key (units new to the store) and are written at once.
            let next = Array(Self.sorted(2_000).dropFirst(500))
            let (summary, outcomes) = try stream(store, "b.csv", next)
            #expect(outcomes.prefix(500).allSatisfy { $0 == .held })
            #expect(outcomes.dropFirst(500).allSatisfy { $0 == .inserted })
            #expect(summary == .imported(importID: 2, inserted: 1_000, replaced: 0, unchanged: 500))
            #expect(try store.database.fetchValue("SELECT count(*) FROM unit_key") == .integer(200))
            #expect(try store.database.fetchValue("SELECT count(*) FROM unit") == .integer(200))
            #expect(try store.database.fetchValue("SELECT count(*) FROM observation") == .integer(2_000))
            try expectHealthy(store)
        }
    }

    @Test("batches written on another core store what values written one by one store")
    func backgroundBatchesEqualOneByOne() throws {
        // Three periods; new units and indicators keep appearing between full batches. Runs of
        // 300 values without source, note or mark alternate with runs where they vary, so some
        // statements of 128 rows are plain (written by the statement without those columns),
        // some mixed and some carry text in most rows: every bound column is checked.
        let values = ["2023", "2024", "2025"].flatMap { Self.sorted(2_000, period: $0, offset: 0.25) }
        func rows(_ store: Store) throws -> [[DatabaseValue]] {
            try store.database.makeStatement(
                "SELECT unit, indicator, period, value, source, note, quality, verified FROM observation ORDER BY unit, indicator, period"
            ).fetchAll { row in try (0..<8).map { try row.value(at: Int32($0)) } }
        }
        func load(_ ordered: [(String, String, String, Double)]) throws -> [[DatabaseValue]] {
            try withStorePath { path in
                let store = try Store(path: path)
                _ = try store.importStreaming(
                    sha256: "x", fileName: "x.csv", options: "", importedAt: Date(timeIntervalSince1970: 0), replace: false
                ) { writer in
                    for (k, v) in ordered.enumerated() {
                        let n = Int(v.3)
                        let plain = (n / 300) % 2 == 0
                        try writer.write(
                            unit: v.0, indicator: v.1, period: try period(v.2), value: v.3,
                            source: plain || n % 3 == 0 ? nil : "source \(n)", note: !plain && n % 5 == 0 ? "note \(n % 7)" : nil,
                            mark: plain ? ValueMark() : ValueMark(quality: n % 4 == 0 ? .survey : nil, verified: n % 6 == 0 ? true : nil),
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
        // Both kinds of statement ran: 2023's first 1,920 values are written by 15 full
        // statements of that period, with plain rows and rows giving each of the other columns.
        let batchedOnly = batched.filter { $0[2] == .text("2023") }
        #expect(batchedOnly.count == 2_000)
        #expect(batchedOnly.contains { $0[4] == .null && $0[5] == .null && $0[6] == .null && $0[7] == .null })
        #expect(batchedOnly.contains { $0[4] != .null } && batchedOnly.contains { $0[5] != .null })
        #expect(batchedOnly.contains { $0[6] == .integer(2) } && batchedOnly.contains { $0[7] == .integer(1) })
        // Reversed, each value after the first is below the greatest key: one by one, no batch.
        #expect(try load(values.reversed()) == batched)
        // Unit by unit, the periods cycling fastest: each period's statements gather its values
        // (its table's), full ones on the other core, the last of each period at the end.
        let interleaved = (0..<2_000).flatMap { k in [values[k], values[2_000 + k], values[4_000 + k]] }
        #expect(try load(interleaved) == batched)
    }

    @Test(
        "any row order stores what the sorted order stores, finds values given twice and compares stored ones",
        arguments: [1_000, 70_000])
    func anyOrder(count: Int) throws {
        // Unit-major (period cycling fastest) and shuffled, against period-major.
        let periods = ["2023", "2024", "2025"]
        let sorted = periods.flatMap { Self.sorted(count / 3, period: $0) }
        let unitMajor = sorted.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        var shuffledSeeded = sorted
        var state: UInt64 = 7
        for k in stride(from: shuffledSeeded.count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            shuffledSeeded.swapAt(k, Int(state >> 33) % (k + 1))
        }
        func load(_ values: [(String, String, String, Double)]) throws -> (ImportSummary, [[DatabaseValue]]) {
            try withStorePath { path in
                let store = try Store(path: path)
                let (summary, _) = try stream(store, "a.csv", values)
                try expectHealthy(store)
                let rows = try store.database.makeStatement("SELECT unit, indicator, period, value FROM observation ORDER BY 1, 2, 3")
                    .fetchAll { row in try (0..<4).map { try row.value(at: Int32($0)) } }
                return (summary, rows)
            }
        }
        let (expectedSummary, expected) = try load(sorted)
        for order in [unitMajor, shuffledSeeded] {
            let (summary, rows) = try load(order)
            #expect(summary == expectedSummary)
            #expect(rows == expected)
        }
        // A value given twice far apart, in a shuffled file: found when written.
        try withStorePath { path in
            let store = try Store(path: path)
            let twice = shuffledSeeded + [shuffledSeeded[0]]
            let (_, outcomes) = try stream(store, "b.csv", twice)
            #expect(outcomes.last == .duplicateInFile(storedValue: shuffledSeeded[0].3))
            // Into a store holding them: every value unchanged, a changed one a conflict.
            var again = shuffledSeeded
            again[count / 2].3 += 0.5
            #expect(throws: StoreError.self) { _ = try stream(store, "c.csv", again) }
            let (summary, _) = try stream(store, "c.csv", again, replace: true)
            #expect(summary == .imported(importID: 2, inserted: 0, replaced: 1, unchanged: shuffledSeeded.count - 1))
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
