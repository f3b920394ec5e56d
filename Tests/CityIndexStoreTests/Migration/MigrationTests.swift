import CityIndexStore
import Foundation
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test("a new store gets the latest user_version and every table; reopening is idempotent")
    func createAndReopen() throws {
        try withStorePath { path in
            let first = try Store(path: path)
            let latest = Int64(StoreSchema.migrations.count)
            #expect(try first.database.fetchValue("PRAGMA user_version") == .integer(latest))
            let tables = try first.database.makeStatement(
                "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"
            ).fetchAll { try $0.string(at: 0) }
            #expect(tables == [
                "import_file", "indicator_key", "observation_history", "period_key", "run",
                "run_period", "run_result", "run_scores", "unit", "unit_attribute", "unit_key", "unit_period",
            ])
            // Since step 2, `observation` is a view over the integer-keyed values; since step 6
            // those are a view of one table a period, none before the first import.
            #expect(try first.database.fetchValue("SELECT type FROM sqlite_schema WHERE name = 'observation'") == .text("view"))
            #expect(try first.database.fetchValue("SELECT type FROM sqlite_schema WHERE name = 'observation_value'") == .text("view"))
            #expect(try first.database.fetchValue("SELECT count(*) FROM observation") == .integer(0))
            let before = try first.database.fetchValue("SELECT group_concat(sql, ';') FROM sqlite_schema")

            let second = try Store(path: path)
            #expect(try second.database.fetchValue("PRAGMA user_version") == .integer(latest))
            #expect(try second.database.fetchValue("SELECT group_concat(sql, ';') FROM sqlite_schema") == before)
            try expectHealthy(second)
        }
    }

    @Test("the store creates its missing parent folders")
    func createsParentFolder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("a/b/store.sqlite")
        _ = try Store(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("a migrator applies only the missing steps, in order")
    func incremental() throws {
        let db = try Database(path: ":memory:")
        let one = Migrator(migrations: [Migration("create-a", sql: "CREATE TABLE a(x INTEGER)")])
        try one.migrate(db)
        #expect(try Migrator.version(of: db) == 1)
        let two = Migrator(migrations: one.migrations + [
            Migration("create-b") { db in try db.execute("CREATE TABLE b(y INTEGER); INSERT INTO b VALUES (7)") }
        ])
        try two.migrate(db)
        try two.migrate(db)
        #expect(try Migrator.version(of: db) == 2)
        #expect(try db.fetchValue("SELECT count(*) FROM b") == .integer(1))
    }

    @Test("a failing step leaves the schema as it was")
    func failingStep() throws {
        let db = try Database(path: ":memory:")
        let migrator = Migrator(migrations: [
            Migration("create-a", sql: "CREATE TABLE a(x INTEGER)"),
            Migration("broken", sql: "CREATE TABLE oops(")
        ])
        #expect(throws: DatabaseError.self) { try migrator.migrate(db) }
        #expect(try Migrator.version(of: db) == 0)
        #expect(try db.fetchValue("SELECT count(*) FROM sqlite_schema") == .integer(0))
    }

    @Test("a store written by a newer version is refused, naming both versions")
    func newerVersionRefused() throws {
        try withStorePath { path in
            _ = try Store(path: path)
            try Database(path: path).execute("PRAGMA user_version = 99")
            let known = StoreSchema.migrations.count
            #expect(throws: StoreError.newerSchema(path: path, found: 99, known: known)) {
                _ = try Store(path: path)
            }
            let message = StoreError.newerSchema(path: path, found: 99, known: known).description
            #expect(message.contains("99") && message.contains("\(known)") && message.contains(path))
        }
    }
}
