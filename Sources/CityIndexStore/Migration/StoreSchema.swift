/// The CityIndex store schema, as migration steps (DESIGN §6).
///
/// Tables are [STRICT](https://www.sqlite.org/stricttables.html); `observation`, keyed by
/// unit, indicator and period, is a [WITHOUT ROWID](https://www.sqlite.org/withoutrowid.html)
/// table. A period is stored as its canonical text plus `period_order`, an integer that sorts
/// chronologically.
///
/// Since step 2 values live in `observation_value`, keyed by small integers
/// (`period_id, unit_id, indicator_id`, in that order, so that one period's values are one
/// range of the key) that `unit_key`, `indicator_key` and `period_key` map to codes; the view
/// `observation` shows them with the v1 columns, so queries written for v1 still read. Since
/// step 6 each period's values are a table of their own (``ValueTable``) and
/// `observation_value` is the view of them all.
public enum StoreSchema {
    /// All steps, oldest first. Append new steps; never edit a released one.
    public static let migrations: [Migration] = [
        Migration("create-v1-schema", sql: v1),
        Migration("integer-keyed-observations", sql: v2),
        Migration("units-listed-without-values", sql: v3),
        Migration("compact-deduplicated-runs", sql: v4),
        Migration("value-quality-and-verified", sql: v5),
        Migration("a-value-table-per-period", apply: v6),
    ]

    /// The migrator for ``migrations``.
    public static var migrator: Migrator { Migrator(migrations: migrations) }

    private static let v1 = """
        CREATE TABLE unit (
            code TEXT NOT NULL PRIMARY KEY,
            name TEXT,
            name_en TEXT,
            type TEXT
        ) STRICT;

        CREATE TABLE unit_attribute (
            unit TEXT NOT NULL REFERENCES unit(code) ON DELETE CASCADE,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (unit, name)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE import_file (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            file_name TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            rows INTEGER NOT NULL DEFAULT 0,
            replaced INTEGER NOT NULL DEFAULT 0,
            options TEXT NOT NULL DEFAULT ''
        ) STRICT;

        CREATE TABLE observation (
            unit TEXT NOT NULL REFERENCES unit(code),
            indicator TEXT NOT NULL,
            period TEXT NOT NULL,
            period_order INTEGER NOT NULL,
            value REAL NOT NULL,
            source TEXT,
            note TEXT,
            import_id INTEGER NOT NULL REFERENCES import_file(id),
            PRIMARY KEY (unit, indicator, period)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE observation_history (
            id INTEGER PRIMARY KEY,
            unit TEXT NOT NULL,
            indicator TEXT NOT NULL,
            period TEXT NOT NULL,
            old_value REAL NOT NULL,
            old_source TEXT,
            old_note TEXT,
            old_import_id INTEGER REFERENCES import_file(id),
            new_value REAL NOT NULL,
            new_import_id INTEGER NOT NULL REFERENCES import_file(id),
            replaced_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX observation_history_by_key ON observation_history(unit, indicator, period);

        CREATE TABLE run (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            criteria_id TEXT NOT NULL,
            criteria_version TEXT NOT NULL,
            criteria_sha256 TEXT NOT NULL,
            data_sha256 TEXT NOT NULL,
            periods TEXT NOT NULL,
            options TEXT NOT NULL,
            tool_version TEXT NOT NULL
        ) STRICT;

        CREATE TABLE run_result (
            run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
            period TEXT NOT NULL,
            unit TEXT NOT NULL,
            node TEXT NOT NULL,
            score REAL,
            rank INTEGER,
            flags TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (run_id, period, unit, node)
        ) STRICT;
        """

    /// Step 2: integer keys. Rows half the size of v1's and integer comparisons make imports
    /// and reads by period several times faster; v1's rows are copied, nothing is lost.
    private static let v2 = """
        CREATE TABLE unit_key (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE REFERENCES unit(code)
        ) STRICT;

        CREATE TABLE indicator_key (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE
        ) STRICT;

        CREATE TABLE period_key (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL UNIQUE,
            period_order INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE observation_value (
            period_id INTEGER NOT NULL REFERENCES period_key(id),
            unit_id INTEGER NOT NULL REFERENCES unit_key(id),
            indicator_id INTEGER NOT NULL REFERENCES indicator_key(id),
            value REAL NOT NULL,
            source TEXT,
            note TEXT,
            import_id INTEGER NOT NULL REFERENCES import_file(id),
            PRIMARY KEY (period_id, unit_id, indicator_id)
        ) STRICT, WITHOUT ROWID;

        INSERT INTO unit_key(code) SELECT DISTINCT unit FROM observation ORDER BY unit;
        INSERT INTO indicator_key(code) SELECT DISTINCT indicator FROM observation ORDER BY indicator;
        INSERT INTO period_key(text, period_order)
            SELECT period, min(period_order) FROM observation GROUP BY period ORDER BY 2, 1;
        INSERT INTO observation_value(period_id, unit_id, indicator_id, value, source, note, import_id)
            SELECT p.id, u.id, i.id, o.value, o.source, o.note, o.import_id
            FROM observation o
            JOIN period_key p ON p.text = o.period
            JOIN unit_key u ON u.code = o.unit
            JOIN indicator_key i ON i.code = o.indicator;
        DROP TABLE observation;

        CREATE VIEW observation AS
            SELECT u.code AS unit, i.code AS indicator, p.text AS period, p.period_order AS period_order,
                v.value AS value, v.source AS source, v.note AS note, v.import_id AS import_id
            FROM observation_value v
            JOIN unit_key u ON u.id = v.unit_id
            JOIN indicator_key i ON i.id = v.indicator_id
            JOIN period_key p ON p.id = v.period_id;
        """

    /// Step 3: the units a file names in a period without giving any of their values (a row of
    /// missing values). They take part in the period, so reports list them as not ranked for
    /// want of data instead of leaving them out unseen.
    private static let v3 = """
        CREATE TABLE unit_period (
            period_id INTEGER NOT NULL REFERENCES period_key(id),
            unit_id INTEGER NOT NULL REFERENCES unit_key(id),
            import_id INTEGER NOT NULL REFERENCES import_file(id),
            PRIMARY KEY (period_id, unit_id)
        ) STRICT, WITHOUT ROWID;
        """

    /// Step 4: runs stored compactly and once, with the decimals their scores were rounded to. A run's results are one block per period and
    /// node: the scores as little-endian float64 (NaN: no score), the ranks as little-endian
    /// int32 (0: no rank) and one byte of flags per unit, in the order of the period's unit list
    /// (13 bytes a score). `run_key` (the SHA-256 of the criteria set's hash, the data's hash and
    /// the options) makes a repeated run reuse the stored one; `last_import_id` is the newest
    /// import the run saw, so two runs' data can be compared. Runs saved before this step keep
    /// their `run_result` rows. `precision` is the set's (NULL when the set does not round, and
    /// for runs stored before), so `runs --show` and `runs --diff` write 49.20 as the reports do.
    private static let v4 = """
        ALTER TABLE run ADD COLUMN run_key TEXT;
        ALTER TABLE run ADD COLUMN last_import_id INTEGER;
        ALTER TABLE run ADD COLUMN precision INTEGER;
        CREATE UNIQUE INDEX run_by_key ON run(run_key);

        CREATE TABLE run_period (
            run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
            period TEXT NOT NULL,
            units TEXT NOT NULL,
            PRIMARY KEY (run_id, period)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE run_scores (
            run_id INTEGER NOT NULL,
            period TEXT NOT NULL,
            node TEXT NOT NULL,
            position INTEGER NOT NULL,
            scores BLOB NOT NULL,
            ranks BLOB NOT NULL,
            flags BLOB NOT NULL,
            PRIMARY KEY (run_id, period, node),
            FOREIGN KEY (run_id, period) REFERENCES run_period(run_id, period) ON DELETE CASCADE
        ) STRICT, WITHOUT ROWID;
        """

    /// Step 5: what a data file states about each value besides the value: its data-quality
    /// level (U4SSC's six, stored as their numbers 1 measured … 6 unknown) and whether it was
    /// verified (1 yes, 0 no); NULL where the file states nothing, as for every value stored
    /// before. A replaced value's level and flag go to its history with its source and note.
    /// The view `observation` shows both columns. A partial index holds only the values that
    /// state something, so a period's marks are found without scanning its values (a store
    /// whose files state none pays nothing).
    private static let v5 = """
        ALTER TABLE observation_value ADD COLUMN quality INTEGER CHECK (quality BETWEEN 1 AND 6);
        ALTER TABLE observation_value ADD COLUMN verified INTEGER CHECK (verified IN (0, 1));
        ALTER TABLE observation_history ADD COLUMN old_quality INTEGER;
        ALTER TABLE observation_history ADD COLUMN old_verified INTEGER;
        CREATE INDEX observation_value_marked ON observation_value(period_id)
            WHERE quality IS NOT NULL OR verified IS NOT NULL;

        DROP VIEW observation;
        CREATE VIEW observation AS
            SELECT u.code AS unit, i.code AS indicator, p.text AS period, p.period_order AS period_order,
                v.value AS value, v.source AS source, v.note AS note, v.import_id AS import_id,
                v.quality AS quality, v.verified AS verified
            FROM observation_value v
            JOIN unit_key u ON u.id = v.unit_id
            JOIN indicator_key i ON i.id = v.indicator_id
            JOIN period_key p ON p.id = v.period_id;
        """

    /// Step 6: each period's values in a table of its own (``ValueTable``), so that an import
    /// appends to each period's table whatever the order of the file; `observation_value`
    /// becomes a view of them all, with the same columns, so the view `observation` and queries
    /// over every value read as before. The values are copied period by period, in key order,
    /// then the single table and its index are dropped.
    private static func v6(_ db: Database) throws {
        let periods = try db.makeStatement("SELECT DISTINCT period_id FROM observation_value ORDER BY period_id")
            .fetchAll { try $0.int64(at: 0) }
        for period in periods {
            let table = ValueTable(periodID: period)
            try table.create(in: db)
            try db.execute(
                "INSERT INTO " + table.name + "(" + ValueTable.columns + ") SELECT " + ValueTable.columns
                    + " FROM observation_value WHERE period_id = ? ORDER BY unit_id, indicator_id",
                [.integer(period)])
        }
        try db.execute("DROP INDEX observation_value_marked")
        try db.execute("DROP TABLE observation_value")
        try ValueTable.createView(in: db)
    }
}
