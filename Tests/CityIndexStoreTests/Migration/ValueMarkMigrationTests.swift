import CityIndexCore
import CityIndexStore
import Foundation
import Testing

/// Step 5 (`value-quality-and-verified`): each value's data-quality level and verified flag.
@Suite("Data-quality levels and verified flags in the store")
struct ValueMarkMigrationTests {
    /// The step that adds the two columns, and the steps before it.
    static let step = StoreSchema.migrations.firstIndex { $0.name == "value-quality-and-verified" }

    @Test("a store of the schema before the step migrates in place: its values are kept, stating nothing")
    func oldStoreMigrates() throws {
        let step = try #require(Self.step)
        try withStorePath { path in
            do {
                let db = try Database(path: path)
                try Migrator(migrations: Array(StoreSchema.migrations.prefix(step))).migrate(db)
                #expect(try Migrator.version(of: db) == step)
                try db.execute(
                    """
                    INSERT INTO import_file(id, sha256, file_name, imported_at) VALUES (1, 'abc', 'old.csv', '2025-01-01T00:00:00Z');
                    INSERT INTO unit(code) VALUES ('01');
                    INSERT INTO unit_key(id, code) VALUES (1, '01');
                    INSERT INTO indicator_key(id, code) VALUES (1, 'gdp');
                    INSERT INTO period_key(id, text, period_order) VALUES (1, '2024', 20240);
                    INSERT INTO observation_value(period_id, unit_id, indicator_id, value, source, note, import_id)
                        VALUES (1, 1, 1, 4.5, 'GSO', NULL, 1);
                    """)
            }
            let store = try Store(path: path)
            #expect(try Migrator.version(of: store.database) == StoreSchema.migrations.count)
            let old = try store.observations(indicators: nil, periods: nil)
            #expect(old.count == 1)
            #expect(old.first?.value == 4.5 && old.first?.source == "GSO")
            #expect(old.first?.mark == ValueMark())
            // The view shows the new columns, NULL for the old value.
            #expect(try store.database.fetchValue("SELECT quality FROM observation") == .null)

            // A later import states them; they are stored as small integers.
            let marked = ObservationInput(
                unit: "02", indicator: "gdp", period: try period("2024"), value: 3,
                mark: ValueMark(quality: .estimate, verified: false), line: 3, column: 4)
            _ = try store.importBatch(batch("new.csv", [marked]), replace: false)
            #expect(try store.database.fetchValue("SELECT quality FROM observation WHERE unit = '02'") == .integer(5))
            #expect(try store.database.fetchValue("SELECT verified FROM observation WHERE unit = '02'") == .integer(0))
            let marks = try store.valueMarks(period: try period("2024"), indicators: ["gdp"])
            #expect(marks.count == 1)
            #expect(marks.first?.unit == "02" && marks.first?.mark == ValueMark(quality: .estimate, verified: false))
            try expectHealthy(store)
        }
    }

    @Test("every level and flag survives the writing paths (ordered, held and replaced) and goes to history when replaced")
    func roundTrip() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            let p = try period("2024")
            let combinations = ([nil] + DataQuality.allCases.map(Optional.some)).flatMap { q in
                [nil, true, false].map { ValueMark(quality: q, verified: $0) }
            }
            // 2,000 keys in order (written in multi-row batches on another thread), then 300
            // out of order (held, then written by multi-row statements and one by one).
            var inputs: [ObservationInput] = []
            for k in 0..<2_000 {
                inputs.append(ObservationInput(
                    unit: String(format: "u%04d", k), indicator: "x", period: p, value: Double(k),
                    mark: combinations[k % combinations.count], line: 2 + k, column: 4))
            }
            for k in (0..<300).reversed() {
                inputs.append(ObservationInput(
                    unit: String(format: "a%04d", k), indicator: "x", period: p, value: Double(k),
                    mark: combinations[k % combinations.count], line: 3_000 - k, column: 4))
            }
            _ = try store.importBatch(batch("marks.csv", inputs), replace: false)
            let stored = Dictionary(uniqueKeysWithValues: try store.observations(indicators: nil, periods: nil).map { ($0.unit, $0.mark) })
            for input in inputs { #expect(stored[input.unit] == input.mark, "\(input.unit)") }

            // A replaced value's mark goes to its history; the new one is stored.
            let first = try #require(inputs.first { $0.mark == ValueMark(quality: .measured, verified: true) })
            var changed = first
            changed.value += 100
            changed.mark = ValueMark(quality: .unknown, verified: nil)
            _ = try store.importBatch(batch("changed.csv", [changed]), replace: true)
            let now = try store.observations(indicators: nil, periods: nil).first { $0.unit == first.unit }
            #expect(now?.mark == changed.mark)
            let history = try store.history(unit: first.unit, indicator: "x", period: p)
            #expect(history.count == 1 && history.first?.oldMark == first.mark)
            try expectHealthy(store)
        }
    }
}
