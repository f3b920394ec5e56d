import CityIndexCore
import CityIndexStore
import Foundation
import Testing

/// Step 6 (`a-value-table-per-period`): each period's values in a table of its own, the view
/// `observation_value` over them all.
@Suite("One value table a period")
struct ValueTableMigrationTests {
    /// The step, and so the number of steps before it.
    static let step = StoreSchema.migrations.firstIndex { $0.name == "a-value-table-per-period" }

    /// Every value as the view `observation` shows it, in key order, as text.
    static func rows(_ db: Database) throws -> [String] {
        try db.makeStatement(
            """
            SELECT unit, indicator, period, period_order, value, source, note, import_id, quality, verified
            FROM observation ORDER BY period, unit, indicator
            """
        ).fetchAll { row in try (Int32(0)..<10).map { "\(try row.value(at: $0))" }.joined(separator: "|") }
    }

    /// The names of the store's tables and indexes of one kind, sorted.
    static func names(_ type: String, _ db: Database) throws -> [String] {
        try db.makeStatement("SELECT name FROM sqlite_schema WHERE type = ? AND name LIKE 'observation_value%' ORDER BY name")
            .fetchAll(arguments: [.text(type)]) { try $0.string(at: 0) }
    }

    @Test("a store of the schema before the step migrates in place: every value, mark, listing and history kept, one table a period")
    func oldStoreMigrates() throws {
        let step = try #require(Self.step)
        try withStorePath { path in
            let before: [String]
            do {
                let db = try Database(path: path)
                try Migrator(migrations: Array(StoreSchema.migrations.prefix(step))).migrate(db)
                try db.execute(
                    """
                    INSERT INTO import_file(id, sha256, file_name, imported_at) VALUES (1, 'a', 'a.csv', '2025-01-01T00:00:00Z'),
                        (2, 'b', 'b.csv', '2025-02-01T00:00:00Z');
                    INSERT INTO unit(code) VALUES ('01'), ('02'), ('03');
                    INSERT INTO unit_key(id, code) VALUES (1, '01'), (2, '02'), (3, '03');
                    INSERT INTO indicator_key(id, code) VALUES (1, 'gdp'), (2, 'dti');
                    INSERT INTO period_key(id, text, period_order) VALUES (1, '2024', 20240), (2, '2023', 20230), (3, '2024-Q1', 20241);
                    INSERT INTO observation_value(period_id, unit_id, indicator_id, value, source, note, import_id, quality, verified)
                        VALUES (1, 1, 1, 4.5, 'GSO', NULL, 1, NULL, NULL), (1, 2, 1, 5.5, NULL, 'est.', 2, 5, 0),
                        (1, 3, 2, 0.25, NULL, NULL, 1, NULL, 1), (2, 1, 1, 4.0, 'GSO', NULL, 1, 1, NULL),
                        (2, 2, 2, 7.0, NULL, NULL, 2, NULL, NULL), (3, 3, 1, 1.5, NULL, NULL, 2, NULL, NULL);
                    INSERT INTO unit_period(period_id, unit_id, import_id) VALUES (2, 3, 1);
                    INSERT INTO observation_history(unit, indicator, period, old_value, old_source, old_note, old_import_id,
                        new_value, new_import_id, replaced_at) VALUES ('02', 'gdp', '2024', 5.0, NULL, NULL, 1, 5.5, 2, '2025-02-01T00:00:00Z');
                    """)
                before = try Self.rows(db)
                #expect(before.count == 6)
            }
            let store = try Store(path: path)
            #expect(try Migrator.version(of: store.database) == StoreSchema.migrations.count)
            #expect(try Self.rows(store.database) == before)
            // Period ids 1, 2 and 3 each have their table and its index of marked values.
            #expect(try Self.names("table", store.database) == ["observation_value_1", "observation_value_2", "observation_value_3"])
            #expect(try Self.names("index", store.database) == [
                "observation_value_1_marked", "observation_value_2_marked", "observation_value_3_marked",
            ])
            #expect(try Self.names("view", store.database) == ["observation_value"])
            #expect(try store.database.fetchValue("SELECT count(*) FROM observation_value_1") == .integer(3))
            #expect(try store.periods().map(\.description) == ["2023", "2024", "2024-Q1"])
            #expect(try store.periods(indicators: ["dti"]).map(\.description) == ["2023", "2024"])
            let marks = try store.valueMarks(period: try period("2024"), indicators: ["gdp", "dti"])
            #expect(marks.map(\.unit) == ["02", "03"])
            #expect(marks.first?.mark == ValueMark(quality: .estimate, verified: false))
            let matrix = try store.matrix(period: try period("2023"), indicators: ["gdp", "dti"])
            // Unit 03 is listed in 2023 without values: it takes part, with none.
            #expect(matrix.units == ["01", "02", "03"])
            #expect(matrix.values.map { $0.isNaN ? -1 : $0 } == [4.0, -1, -1, -1, 7.0, -1])
            #expect(try store.history(unit: "02", indicator: "gdp", period: try period("2024")).map(\.oldValue) == [5.0])
            // A row for another period cannot go into a period's table.
            #expect(throws: DatabaseError.self) {
                try store.database.execute(
                    "INSERT INTO observation_value_1(period_id, unit_id, indicator_id, value, import_id) VALUES (2, 3, 2, 1.0, 1)")
            }
            try expectHealthy(store)

            // An import into a stored period and a new one: the new period gets its table.
            _ = try store.importBatch(
                batch("c.csv", [try observation("03", "gdp", "2024", 6.5), try observation("01", "gdp", "2025", 8.0)]),
                replace: false)
            #expect(try Self.names("table", store.database).last == "observation_value_4")
            #expect(try store.periods().map(\.description) == ["2023", "2024", "2024-Q1", "2025"])
            #expect(try Self.rows(store.database).count == 8)
            try expectHealthy(store)
        }
    }

    @Test("more periods than one compound SELECT may join (600) are all read through the view")
    func manyPeriods() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            let inputs = (0..<600).flatMap { k in
                ["01", "02"].map { unit in
                    ObservationInput(unit: unit, indicator: "x", period: .year(1400 + k), value: Double(k), line: 2 + k, column: 4)
                }
            }
            // Unit by unit: each period's table gets its value in turn.
            _ = try store.importBatch(batch("many.csv", inputs.sorted { ($0.unit, $0.period) < ($1.unit, $1.period) }), replace: false)
            #expect(try Self.names("table", store.database).count == 600)
            #expect(try store.database.fetchValue("SELECT count(*) FROM observation") == .integer(1_200))
            #expect(try store.database.fetchValue("SELECT sum(value) FROM observation_value WHERE unit_id = 2") == .real(179_700))
            #expect(try store.periods().count == 600)
            #expect(try store.observations(indicators: ["x"], periods: [.year(1999)]).map(\.value) == [599, 599])
            try expectHealthy(store)
        }
    }
}
