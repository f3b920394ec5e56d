/// The CityIndex store schema, as migration steps (DESIGN §6).
///
/// Tables are [STRICT](https://www.sqlite.org/stricttables.html); `observation`, keyed by
/// unit, indicator and period, is a [WITHOUT ROWID](https://www.sqlite.org/withoutrowid.html)
/// table. A period is stored as its canonical text plus `period_order`, an integer that sorts
/// chronologically.
public enum StoreSchema {
    /// All steps, oldest first. Append new steps; never edit a released one.
    public static let migrations: [Migration] = [
        Migration("create-v1-schema", sql: v1)
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
}
