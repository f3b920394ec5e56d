import Foundation
import CityIndexCore

/// The CityIndex SQLite store (DESIGN §6): units, observations with their import history,
/// and scoring runs.
///
/// All text is normalised to Unicode NFC on the way in, so a unit code typed in NFD and one
/// typed in NFC are the same row. Lock errors surface as ``StoreError/locked(path:)``.
///
/// ```swift
/// let store = try Store(path: "cityindex.sqlite")
/// let summary = try store.importBatch(batch, replace: false)
/// let values = try store.observations(indicators: ["dti"], periods: [Period("2024")!])
/// ```
///
/// A store is not `Sendable`: it owns one ``Database`` connection. Open one per task.
public struct Store {
    /// The connection, for queries the store's API does not cover.
    public let database: Database

    /// The store's file path.
    public var path: String { database.path }

    /// Opens (creating when missing, with its parent folder) and migrates the store at `path`.
    ///
    /// - Parameters:
    ///   - path: the SQLite file, e.g. `cityindex.sqlite`.
    ///   - busyTimeout: seconds to wait for another process's lock before throwing
    ///     ``StoreError/locked(path:)``.
    /// - Throws: ``StoreError/newerSchema(path:found:known:)``, ``StoreError/locked(path:)``,
    ///   ``StoreError/fileAccess(path:reason:)`` or ``DatabaseError``.
    public init(path: String, busyTimeout: Double = 5) throws {
        try Store.createParentFolder(of: path)
        let database = try Store.mapLocks(path) { try Database(path: path, busyTimeout: busyTimeout) }
        try Store.mapLocks(path) { try StoreSchema.migrator.migrate(database) }
        // A larger page cache (grown on demand, up to 64 MiB) keeps big imports from spilling
        // pages mid-transaction: https://www.sqlite.org/pragma.html#pragma_cache_size
        try database.execute("PRAGMA cache_size = -65536")
        self.database = database
    }

    /// Runs `body`, turning `SQLITE_BUSY` / `SQLITE_LOCKED` into ``StoreError/locked(path:)``.
    func withLockMapping<T>(_ body: () throws -> T) throws -> T {
        try Store.mapLocks(path, body)
    }

    private static func mapLocks<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.isLockError {
            throw StoreError.locked(path: path)
        }
    }

    private static func createParentFolder(of path: String) throws {
        guard path != ":memory:", !path.isEmpty else { return }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard !FileManager.default.fileExists(atPath: parent) else { return }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw StoreError.fileAccess(path: parent, reason: error.localizedDescription)
        }
    }

    /// Reads a stored period, or throws ``StoreError/corrupt(path:detail:)``.
    func period(_ text: String) throws -> Period {
        guard let period = Period(text) else {
            throw StoreError.corrupt(path: path, detail: "period \"\(text)\" does not parse")
        }
        return period
    }

    /// Reads a stored timestamp, or throws ``StoreError/corrupt(path:detail:)``.
    func date(_ text: String) throws -> Date {
        guard let date = Timestamp.date(text) else {
            throw StoreError.corrupt(path: path, detail: "timestamp \"\(text)\" does not parse")
        }
        return date
    }
}
