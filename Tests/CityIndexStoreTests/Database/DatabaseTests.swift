import CityIndexStore
import Foundation
import Testing

@Suite("Database")
struct DatabaseTests {
    @Test("opening configures WAL, foreign keys, synchronous=NORMAL and the busy timeout")
    func configuration() throws {
        try withStorePath { path in
            let db = try Database(path: path, busyTimeout: 1.5)
            #expect(try db.fetchValue("PRAGMA journal_mode") == .text("wal"))
            #expect(try db.fetchValue("PRAGMA foreign_keys") == .integer(1))
            #expect(try db.fetchValue("PRAGMA synchronous") == .integer(1))
            #expect(try db.fetchValue("PRAGMA busy_timeout") == .integer(1500))
            db.busyTimeout = 0.25
            #expect(try db.fetchValue("PRAGMA busy_timeout") == .integer(250))
        }
    }

    @Test(
        "typed binds round-trip",
        arguments: [
            DatabaseValue.integer(42), .integer(Int64.min), .integer(Int64.max), .real(3.25), .real(-0.0),
            .real(1e300), .text(""), .text("Thành phố Hồ Chí Minh"), .text("a\u{0}b"), .null,
        ])
    func bindRoundTrip(value: DatabaseValue) throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(v ANY) STRICT")
        try db.execute("INSERT INTO t(v) VALUES (?)", [value])
        #expect(try db.fetchValue("SELECT v FROM t") == value)
    }

    @Test("statements bind by index, step through rows and reset")
    func statementCursor() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(a INTEGER, b REAL, c TEXT); CREATE INDEX t_a ON t(a)")
        let insert = try db.cachedStatement("INSERT INTO t(a, b, c) VALUES (?, ?, ?)")
        for i in 0..<5 {
            try insert.bind(Int64(i), at: 1)
            try insert.bind(Double(i) / 2, at: 2)
            try insert.bind(i.isMultiple(of: 2) ? "even" : nil, at: 3)
            try insert.execute()
        }
        let select = try db.makeStatement("SELECT a, b, c FROM t WHERE a >= ? ORDER BY a")
        let rows = try select.fetchAll(arguments: [2]) { row in
            (try row.int64(at: 0), try row.double(at: 1), row.optionalString(at: 2))
        }
        #expect(rows.map(\.0) == [2, 3, 4])
        #expect(rows.map(\.1) == [1, 1.5, 2])
        #expect(rows.map(\.2) == ["even", nil, "even"])
        // The same statement runs again with new arguments.
        #expect(try select.fetchOne(arguments: [4]) { try $0.int64(at: 0) } == 4)
        // The cached statement is the same compiled statement, with bindings cleared.
        let again = try db.cachedStatement("INSERT INTO t(a, b, c) VALUES (?, ?, ?)")
        try again.execute()
        #expect(try db.fetchValue("SELECT count(*) FROM t WHERE a IS NULL") == .integer(1))
    }

    @Test("a NULL read as a required value is an error naming the column")
    func requiredNull() throws {
        let db = try Database(path: ":memory:")
        let statement = try db.makeStatement("SELECT NULL AS missing")
        #expect(throws: DatabaseError.self) {
            _ = try statement.fetchOne { try $0.string(at: 0) }
        }
        do {
            _ = try statement.fetchOne { try $0.string(at: 0) }
        } catch let error as DatabaseError {
            #expect(error.message.contains("missing"))
        }
    }

    @Test("execute runs several statements and checks the argument count")
    func executeScript() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (?); INSERT INTO t VALUES (?);", [1, 2])
        #expect(try db.fetchValue("SELECT sum(x) FROM t") == .integer(3))
        #expect(throws: DatabaseError.self) { try db.execute("INSERT INTO t VALUES (?)", [1, 2]) }
        #expect(throws: DatabaseError.self) { try db.execute("INSERT INTO t VALUES (?, ?)", [1]) }
        #expect(throws: DatabaseError.self) { _ = try db.makeStatement("SELECT 1; SELECT 2") }
        #expect(try db.fetchValue("SELECT sum(x) FROM t") == .integer(3))
    }

    @Test("a transaction commits, or rolls back everything when its body throws")
    func transactionRollback() throws {
        struct Abort: Error {}
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(x INTEGER)")
        try db.transaction { try db.execute("INSERT INTO t VALUES (1)") }
        #expect(throws: Abort.self) {
            try db.transaction {
                try db.execute("INSERT INTO t VALUES (2)")
                try db.transaction { try db.execute("INSERT INTO t VALUES (3)") }
                throw Abort()
            }
        }
        #expect(!db.isInsideTransaction)
        #expect(try db.fetchValue("SELECT group_concat(x) FROM t") == .text("1"))
    }

    @Test("a nested transaction rolls back only its savepoint")
    func nestedRollback() throws {
        struct Abort: Error {}
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(x INTEGER)")
        try db.transaction {
            try db.execute("INSERT INTO t VALUES (1)")
            try? db.transaction {
                try db.execute("INSERT INTO t VALUES (2)")
                throw Abort()
            }
        }
        #expect(try db.fetchValue("SELECT group_concat(x) FROM t") == .text("1"))
    }

    @Test("an error carries code, message and SQL, never the bound values")
    func errorHidesArguments() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(x TEXT UNIQUE)")
        try db.execute("INSERT INTO t VALUES (?)", ["s3cret-value"])
        do {
            try db.execute("INSERT INTO t VALUES (?)", ["s3cret-value"])
            Issue.record("expected a constraint error")
        } catch let error as DatabaseError {
            #expect(error.resultCode == 19)  // SQLITE_CONSTRAINT
            #expect(error.extendedResultCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
            #expect(error.sql == "INSERT INTO t VALUES (?)")
            #expect(error.description.contains("UNIQUE constraint failed"))
            #expect(error.description.contains("INSERT INTO t VALUES (?)"))
            #expect(!error.description.contains("s3cret"))
            #expect(!String(reflecting: error).contains("s3cret"))
        }
    }
}
