import CityIndexStore
import Foundation
import Testing

/// A store written before schema step 6 is moved to a table per period when it is first
/// opened; the command says so first, once.
@Suite("An older store is moved on first open, and the command says so")
struct StoreUpgradeNoteTests {
    @Test("a store with values from before the step: one note on the first command, none after; its values kept")
    func noteOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("old.sqlite")
        let step = try #require(StoreSchema.migrations.firstIndex { $0.name == "a-value-table-per-period" })
        do {
            let db = try Database(path: path)
            try Migrator(migrations: Array(StoreSchema.migrations.prefix(step))).migrate(db)
            try db.execute(
                """
                INSERT INTO import_file(id, sha256, file_name, imported_at) VALUES (1, 'a', 'a.csv', '2025-01-01T00:00:00Z');
                INSERT INTO unit(code) VALUES ('01');
                INSERT INTO unit_key(id, code) VALUES (1, '01');
                INSERT INTO indicator_key(id, code) VALUES (1, 'gdp');
                INSERT INTO period_key(id, text, period_order) VALUES (1, '2024', 20240);
                INSERT INTO observation_value(period_id, unit_id, indicator_id, value, source, note, import_id)
                    VALUES (1, 1, 1, 4.5, NULL, NULL, 1);
                """)
        }
        let first = cityindex(["runs", "--db", path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains(
            "note: \(path) was written by an earlier CityIndex; its values move to a table per period now, once"))
        let second = cityindex(["runs", "--db", path])
        #expect(second.status == 0)
        #expect(!second.stderr.contains("earlier CityIndex"))
        #expect(try Store(path: path).observations(indicators: nil, periods: nil).map(\.value) == [4.5])
    }

    @Test("no store yet, or a store of the current schema: no note")
    func noNote() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("new.sqlite")
        #expect(try Store.pendingSteps(path: path).isEmpty)
        let none = cityindex(["runs", "--db", path])
        #expect(none.status != 0 && !none.stderr.contains("earlier CityIndex"))
        _ = try Store(path: path)
        #expect(try Store.pendingSteps(path: path).isEmpty)
        let current = cityindex(["runs", "--db", path])
        #expect(current.status == 0, "\(current.stderr)")
        #expect(!current.stderr.contains("earlier CityIndex"))
    }
}
