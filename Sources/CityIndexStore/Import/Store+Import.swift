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
    ///   only their code.
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
    public func importBatch(_ batch: ImportBatch, replace: Bool) throws -> ImportSummary {
        let fileName = batch.fileName.nfc
        let nonFinite = batch.observations.filter { !$0.value.isFinite }
        guard nonFinite.isEmpty else { throw StoreError.nonFiniteValues(fileName: fileName, nonFinite) }
        let db = database
        return try withLockMapping {
            try db.withForeignKeysDeferredToConstruction {
                try db.transaction { try importInTransaction(batch, fileName: fileName, replace: replace) }
            }
        }
    }

    private func importInTransaction(_ batch: ImportBatch, fileName: String, replace: Bool) throws -> ImportSummary {
        let db = database
        let sha256 = batch.sha256.lowercased()
        let previous = try db.cachedStatement(
            "SELECT id, imported_at, file_name FROM import_file WHERE sha256 = ?"
        ).fetchOne(arguments: [.text(sha256)]) { row in
            (id: try row.int64(at: 0), importedAt: try row.string(at: 1), fileName: try row.string(at: 2))
        }
        if let previous {
            return .alreadyImported(
                importID: previous.id, importedAt: try date(previous.importedAt), fileName: previous.fileName)
        }
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
            batch.observations, fileName: fileName, importID: importID, timestamp: timestamp, replace: replace)
        try db.execute(
            "UPDATE import_file SET replaced = ? WHERE id = ?",
            [.integer(Int64(counts.replaced)), .integer(importID)])
        return .imported(
            importID: importID, inserted: counts.inserted, replaced: counts.replaced, unchanged: counts.unchanged)
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

    private struct Counts {
        var inserted = 0, replaced = 0, unchanged = 0
    }

    /// The hot path: one reused `INSERT … ON CONFLICT DO NOTHING` per value, and a lookup
    /// only when the key exists ([sqlite3_changes](https://www.sqlite.org/c3ref/changes.html)).
    private func writeObservations(
        _ observations: [ObservationInput], fileName: String, importID: Int64, timestamp: String,
        replace: Bool
    ) throws -> Counts {
        let db = database
        let insert = try db.cachedStatement(
            """
            INSERT INTO observation(unit, indicator, period, period_order, value, source, note, import_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
        let lookup = try db.cachedStatement(
            "SELECT value, source, note, import_id FROM observation WHERE unit = ? AND indicator = ? AND period = ?")
        let update = try db.cachedStatement(
            """
            UPDATE observation SET value = ?, source = ?, note = ?, import_id = ?
            WHERE unit = ? AND indicator = ? AND period = ?
            """)
        let record = try db.cachedStatement(
            """
            INSERT INTO observation_history(unit, indicator, period, old_value, old_source, old_note,
                old_import_id, new_value, new_import_id, replaced_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let ensureUnit = try db.cachedStatement("INSERT INTO unit(code) VALUES (?) ON CONFLICT DO NOTHING")

        var counts = Counts()
        var conflicts: [Conflict] = []
        var knownUnits = Set<String>()
        var lastUnit = ""
        var periodTexts: [Period: String] = [:]
        try insert.bind(importID, at: 8)

        for observation in observations {
            let unit = observation.unit.nfc
            let indicator = observation.indicator.nfc
            let periodText: String
            if let text = periodTexts[observation.period] {
                periodText = text
            } else {
                periodText = observation.period.description
                periodTexts[observation.period] = periodText
            }
            if unit != lastUnit {
                if knownUnits.insert(unit).inserted { try ensureUnit.execute(arguments: [.text(unit)]) }
                lastUnit = unit
            }

            try insert.bind(unit, at: 1)
            try insert.bind(indicator, at: 2)
            try insert.bind(periodText, at: 3)
            try insert.bind(observation.period.sortKey, at: 4)
            try insert.bind(observation.value, at: 5)
            try insert.bind(observation.source.nfc, at: 6)
            try insert.bind(observation.note.nfc, at: 7)
            try insert.execute()
            if db.changes == 1 {
                counts.inserted += 1
                continue
            }

            let key: [DatabaseValue] = [.text(unit), .text(indicator), .text(periodText)]
            let stored = try lookup.fetchOne(arguments: key) { row in
                (value: try row.double(at: 0), source: row.optionalString(at: 1),
                 note: row.optionalString(at: 2), importID: try row.int64(at: 3))
            }
            guard let stored else {
                throw DatabaseError(resultCode: 1, message: "observation vanished during import", sql: lookup.sql)
            }
            if stored.value == observation.value {
                counts.unchanged += 1
                continue
            }
            let isWithinFile = stored.importID == importID
            if !replace || isWithinFile {
                conflicts.append(
                    Conflict(
                        fileName: fileName, line: observation.line, column: observation.column,
                        unit: unit, indicator: indicator, period: observation.period,
                        storedValue: stored.value, newValue: observation.value, isWithinFile: isWithinFile))
                continue
            }
            try update.execute(arguments: [
                .real(observation.value), DatabaseValue(observation.source.nfc),
                DatabaseValue(observation.note.nfc), .integer(importID),
            ] + key)
            try record.execute(arguments: key + [
                .real(stored.value), DatabaseValue(stored.source), DatabaseValue(stored.note),
                .integer(stored.importID), .real(observation.value), .integer(importID), .text(timestamp),
            ])
            counts.replaced += 1
        }
        guard conflicts.isEmpty else { throw StoreError.conflicts(conflicts) }
        return counts
    }
}
