/// The table that holds one period's values (schema step 6): `observation_value_<period id>`,
/// keyed (period, unit, indicator) like the single table it replaced, its `period_id` checked to
/// be the table's own; with a partial index of the values that state a mark
/// (`observation_value_<period id>_marked`). The view `observation_value` joins every period's
/// table, so a query that reads all values reads as before.
///
/// One table a period makes every import append: a panel exported unit by unit gives each
/// period's keys in order, the periods interleaved, and in one table keyed by period first two
/// thirds of those values (of three periods) landed in the middle of the table, each insert
/// seeking from the root and splitting pages there. In a table of its own, each period's
/// values are added at its end, the way a file in period order adds them (1 M values unit by
/// unit, SQLite alone: 1.5-2.0 s into one table, 0.7-1.0 s into three).
///
/// The import that first meets a period creates its table, inside its transaction, and the view
/// anew at its end. A period without a table has no values.
struct ValueTable {
    /// The period's id in `period_key`.
    let periodID: Int64

    /// The table's name: the prefix and the period id, never other text.
    var name: String { Self.prefix + String(periodID) }

    /// The name of the table's partial index of values that state a data-quality level or a
    /// verified flag.
    var markedIndex: String { name + "_marked" }

    /// What every period's table name starts with.
    static let prefix = "observation_value_"

    /// The columns of every period's table, in order, as the view shows them.
    static let columns = "period_id, unit_id, indicator_id, value, source, note, import_id, quality, verified"

    /// The definitions of the columns after `period_id`, and the key.
    private static let columnsAfterPeriod = """
        unit_id INTEGER NOT NULL REFERENCES unit_key(id),
        indicator_id INTEGER NOT NULL REFERENCES indicator_key(id),
        value REAL NOT NULL,
        source TEXT,
        note TEXT,
        import_id INTEGER NOT NULL REFERENCES import_file(id),
        quality INTEGER CHECK (quality BETWEEN 1 AND 6),
        verified INTEGER CHECK (verified IN (0, 1)),
        PRIMARY KEY (period_id, unit_id, indicator_id)
        """

    /// How many tables one `UNION ALL` of the view joins before it is nested (SQLite refuses
    /// more than 500 terms in one compound `SELECT`).
    static let viewChunk = 250

    /// The ids of the periods that have a table, increasing.
    static func periodIDs(in db: Database) throws -> [Int64] {
        let names = try db.makeStatement("SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB ?")
            .fetchAll(arguments: [.text(prefix + "[0-9]*")]) { try $0.string(at: 0) }
        return names.compactMap { name in
            let digits = name.dropFirst(prefix.count)
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int64(digits)
        }.sorted()
    }

    /// Whether the period has a table (and so values).
    static func exists(periodID: Int64, in db: Database) throws -> Bool {
        try db.makeStatement("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")
            .fetchOne(arguments: [.text(ValueTable(periodID: periodID).name)]) { _ in true } ?? false
    }

    /// Creates the table and its index when the period has none. The view is left as it is
    /// (``createView(in:)``): an import creates it anew once, at its end, since every change of
    /// the schema makes SQLite compile the connection's statements again.
    ///
    /// - Returns: whether the table was created.
    @discardableResult
    func create(in db: Database) throws -> Bool {
        guard try !Self.exists(periodID: periodID, in: db) else { return false }
        // The name and the check hold the period id, an integer, never text from a file.
        try db.execute(
            "CREATE TABLE " + name + " (period_id INTEGER NOT NULL REFERENCES period_key(id) CHECK (period_id = "
                + String(periodID) + "), " + Self.columnsAfterPeriod + ") STRICT, WITHOUT ROWID")
        try db.execute(
            "CREATE INDEX " + markedIndex + " ON " + name + "(period_id) WHERE quality IS NOT NULL OR verified IS NOT NULL")
        return true
    }

    /// Replaces the view `observation_value` with one over every period's table (an empty
    /// view of the same columns when there is none).
    static func createView(in db: Database) throws {
        let arms = try periodIDs(in: db).map { "SELECT " + columns + " FROM " + ValueTable(periodID: $0).name }
        let body: String
        if arms.isEmpty {
            body = """
                SELECT 0 AS period_id, 0 AS unit_id, 0 AS indicator_id, 0.0 AS value, NULL AS source, NULL AS note,
                    0 AS import_id, NULL AS quality, NULL AS verified
                WHERE 0
                """
        } else if arms.count <= viewChunk {
            body = arms.joined(separator: "\nUNION ALL ")
        } else {
            body = stride(from: 0, to: arms.count, by: viewChunk).map { first in
                "SELECT * FROM (" + arms[first..<min(first + viewChunk, arms.count)].joined(separator: "\nUNION ALL ") + ")"
            }.joined(separator: "\nUNION ALL ")
        }
        try db.execute("DROP VIEW IF EXISTS observation_value")
        try db.execute("CREATE VIEW observation_value AS " + body)
    }
}
