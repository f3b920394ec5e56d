import CityIndexCore
import Foundation

extension Store {
    /// Imports one file's units, attributes and values as one
    /// [`BEGIN IMMEDIATE`](https://www.sqlite.org/lang_transaction.html) transaction: all or
    /// nothing (DESIGN §6).
    ///
    /// - A file whose SHA-256 was imported before is not read again:
    ///   ``ImportSummary/alreadyImported(importID:importedAt:fileName:)``.
    /// - A new key is inserted; a value exactly equal to the stored one is unchanged; a
    ///   different value is a conflict. Conflicts abort the import unless `replace` is set, in
    ///   which case the value is updated and the old one written to `observation_history`.
    /// - A key given twice in the file with different values is always a conflict.
    /// - Units referenced by values or attributes but absent from the store are created with
    ///   only their code; so are units named in a period without any value
    ///   (``ImportBatch/unitsWithoutValues``), which then take part in that period.
    ///
    /// ```swift
    /// let summary = try store.importBatch(batch, replace: false)
    /// print(summary)   // import 3: 1200 new, 0 replaced, 0 unchanged value(s)
    /// ```
    ///
    /// - Throws: ``StoreError/conflicts(_:)``, ``StoreError/nonFiniteValues(fileName:_:)``,
    ///   ``StoreError/locked(path:)``, ``DatabaseError``. After a throw the store is unchanged.
    /// - Complexity: O(n log m) for n values into a store of m; one statement per value, plus a
    ///   lookup only for keys already stored.
    public func importBatch(_ batch: ImportBatch, replace: Bool, dryRun: Bool = false) throws -> ImportSummary {
        let fileName = batch.fileName.nfc
        let nonFinite = batch.observations.filter { !$0.value.isFinite }
        guard nonFinite.isEmpty else { throw StoreError.nonFiniteValues(fileName: fileName, nonFinite) }
        let db = database
        return try withLockMapping {
            try db.withForeignKeysDeferredToConstruction {
                try DryRun.run(dryRun) {
                    try db.transaction { try DryRun.end(dryRun, try importInTransaction(batch, fileName: fileName, replace: replace, dryRun: dryRun)) }
                }
            }
        }
    }

    private func importInTransaction(_ batch: ImportBatch, fileName: String, replace: Bool, dryRun: Bool) throws -> ImportSummary {
        let db = database
        let sha256 = DryRun.key(batch.sha256.lowercased(), dryRun)
        if !dryRun, let previous = try previousImport(sha256) { return previous }
        let timestamp = Timestamp.text(batch.importedAt)
        try db.execute(
            "INSERT INTO import_file(sha256, file_name, imported_at, rows, options) VALUES (?, ?, ?, ?, ?)",
            [
                .text(sha256), .text(fileName), .text(timestamp), .integer(Int64(batch.observations.count)),
                .text(batch.options.nfc),
            ])
        let importID = db.lastInsertedRowID
        try upsertUnits(batch.units, attributes: batch.attributes)
        let counts = try writeObservations(
            batch.observations, unitsWithoutValues: batch.unitsWithoutValues, fileName: fileName,
            importID: importID, timestamp: timestamp, replace: replace)
        try db.execute(
            "UPDATE import_file SET replaced = ? WHERE id = ?",
            [.integer(Int64(counts.replaced)), .integer(importID)])
        return .imported(
            importID: importID, inserted: counts.inserted, replaced: counts.replaced, unchanged: counts.unchanged,
            annotated: counts.annotated)
    }

    private func upsertUnits(_ units: [UnitUpsert], attributes: [UnitAttributeInput]) throws {
        let upsert = try database.cachedStatement(
            """
            INSERT INTO unit(code, name, name_en, type) VALUES (?, ?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET
                name = coalesce(excluded.name, unit.name),
                name_en = coalesce(excluded.name_en, unit.name_en),
                type = coalesce(excluded.type, unit.type)
            """)
        for unit in units {
            try upsert.execute(arguments: [
                .text(unit.code.nfc), DatabaseValue(unit.name.nfc), DatabaseValue(unit.nameEN.nfc),
                DatabaseValue(unit.type.nfc),
            ])
        }
        let ensureUnit = try database.cachedStatement("INSERT INTO unit(code) VALUES (?) ON CONFLICT DO NOTHING")
        let setAttribute = try database.cachedStatement(
            """
            INSERT INTO unit_attribute(unit, name, value) VALUES (?, ?, ?)
            ON CONFLICT(unit, name) DO UPDATE SET value = excluded.value
            """)
        for attribute in attributes {
            let unit = attribute.unit.nfc
            try ensureUnit.execute(arguments: [.text(unit)])
            try setAttribute.execute(arguments: [.text(unit), .text(attribute.name.nfc), .text(attribute.value.nfc)])
        }
    }

    /// The hot path: the ``ObservationWriter`` of this import, one value after another.
    private func writeObservations(
        _ observations: [ObservationInput], unitsWithoutValues: [UnitPeriodInput], fileName: String,
        importID: Int64, timestamp: String, replace: Bool
    ) throws -> (inserted: Int, replaced: Int, unchanged: Int, annotated: Int) {
        let writer = try ObservationWriter(
            database: database, fileName: fileName, importID: importID, timestamp: timestamp, replace: replace)
        // A failed import rolls back next: no batch may still be writing.
        defer { writer.abandon() }
        for observation in observations {
            let outcome = try writer.write(
                unit: observation.unit.nfc, indicator: observation.indicator.nfc, period: observation.period,
                value: observation.value, source: observation.source.nfc, note: observation.note.nfc, mark: observation.mark,
                line: observation.line, column: observation.column)
            if case .duplicateInFile(let stored) = outcome, stored == observation.value { writer.countUnchanged() }
        }
        for listed in unitsWithoutValues { try writer.listWithoutValues(unit: listed.unit.nfc, period: listed.period) }
        try writer.flush()
        guard writer.conflicts.isEmpty else { throw StoreError.conflicts(writer.conflicts) }
        return (writer.inserted, writer.replaced, writer.unchanged, writer.annotated)
    }

    /// Imports one file's values as they are read, in one transaction, so memory does not grow
    /// with the file: `body` gets an ``ObservationWriter`` and returns the units (names) and
    /// attributes to store once every value is written.
    ///
    /// The rules are those of ``importBatch(_:replace:)``: a file imported before (same
    /// `sha256`) is not read again (`body` is not called); conflicts abort the import unless
    /// `replace`; a value the file gives twice is reported by the writer as
    /// ``ObservationWriter/Outcome/duplicateInFile(storedValue:)``. When `body` throws, nothing
    /// is stored.
    ///
    /// ```swift
    /// let summary = try store.importStreaming(sha256: hash, fileName: "big.csv", options: "",
    ///                                         importedAt: Date(), replace: false) { writer in
    ///     try writer.write(unit: "01", indicator: "gdp", period: .year(2024), value: 1.5,
    ///                      source: nil, note: nil, line: 2, column: 4)
    ///     return ([], [])
    /// }
    /// ```
    ///
    /// - Throws: ``StoreError/conflicts(_:)``, ``StoreError/locked(path:)``, ``DatabaseError``,
    ///   or what `body` throws. After a throw the store is unchanged.
    /// - Complexity: O(n log m) for n values into a store of m; memory O(units + indicators).
    public func importStreaming(
        sha256: String, fileName: String, options: String, importedAt: Date, replace: Bool, dryRun: Bool = false,
        _ body: (ObservationWriter) throws -> (units: [UnitUpsert], attributes: [UnitAttributeInput])
    ) throws -> ImportSummary {
        let fileName = fileName.nfc
        let db = database
        return try withLockMapping {
            try db.withForeignKeysDeferredToConstruction {
                try DryRun.run(dryRun) { try db.transaction {
                    let sha256 = DryRun.key(sha256.lowercased(), dryRun)
                    if !dryRun, let previous = try previousImport(sha256) { return previous }
                    let timestamp = Timestamp.text(importedAt)
                    try db.execute(
                        "INSERT INTO import_file(sha256, file_name, imported_at, rows, options) VALUES (?, ?, ?, ?, ?)",
                        [.text(sha256), .text(fileName), .text(timestamp), .integer(0), .text(options.nfc)])
                    let importID = db.lastInsertedRowID
                    let writer = try ObservationWriter(
                        database: db, fileName: fileName, importID: importID, timestamp: timestamp, replace: replace)
                    // A failed import rolls back next: no batch may still be writing.
                    defer { writer.abandon() }
                    let (units, attributes) = try body(writer)
                    try writer.flush()
                    guard writer.conflicts.isEmpty else { throw StoreError.conflicts(writer.conflicts) }
                    try upsertUnits(units, attributes: attributes)
                    let rows = writer.inserted + writer.replaced + writer.unchanged
                    try db.execute(
                        "UPDATE import_file SET rows = ?, replaced = ? WHERE id = ?",
                        [.integer(Int64(rows)), .integer(Int64(writer.replaced)), .integer(importID)])
                    return try DryRun.end(dryRun, .imported(
                        importID: importID, inserted: writer.inserted, replaced: writer.replaced,
                        unchanged: writer.unchanged, annotated: writer.annotated))
                } }
            }
        }
    }

    /// A dry run: the import runs to its end, every check included, then rolls back. It reads
    /// a file imported before as well (its values then compare as unchanged).
    private enum DryRun {
        /// The key a dry run records its provisional import under (never a real file's).
        static func key(_ sha256: String, _ dryRun: Bool) -> String { dryRun ? "dry-run:" + sha256 : sha256 }

        /// Carries the summary out of the transaction it rolls back.
        struct Rollback: Error { let summary: ImportSummary }

        static func run(_ dryRun: Bool, _ body: () throws -> ImportSummary) throws -> ImportSummary {
            do { return try body() } catch let r as Rollback where dryRun { return r.summary }
        }

        static func end(_ dryRun: Bool, _ summary: ImportSummary) throws -> ImportSummary {
            if dryRun { throw Rollback(summary: summary) }
            return summary
        }
    }

    private func previousImport(_ sha256: String) throws -> ImportSummary? {
        let previous = try database.cachedStatement(
            "SELECT id, imported_at, file_name FROM import_file WHERE sha256 = ?"
        ).fetchOne(arguments: [.text(sha256)]) { row in
            (id: try row.int64(at: 0), importedAt: try row.string(at: 1), fileName: try row.string(at: 2))
        }
        guard let previous else { return nil }
        return .alreadyImported(
            importID: previous.id, importedAt: try date(previous.importedAt), fileName: previous.fileName)
    }
}
