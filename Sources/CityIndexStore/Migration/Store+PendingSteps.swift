import Foundation

extension Store {
    /// The names of the schema steps (``StoreSchema/migrations``) that opening the store at
    /// `path` will apply: none when the store is up to date or there is no store there yet.
    /// A front end can say what is about to happen before a long step runs (moving an older
    /// store's values into a table per period takes about 2 s a million values).
    ///
    /// - Throws: ``DatabaseError`` when the file is not a SQLite database.
    public static func pendingSteps(path: String) throws -> [String] {
        guard path != ":memory:", !path.isEmpty, FileManager.default.fileExists(atPath: path) else { return [] }
        let version = try Migrator.version(of: try Database(path: path))
        // An empty file (version 0) is a new store: nothing is moved.
        guard version > 0 else { return [] }
        return StoreSchema.migrations.dropFirst(version).map(\.name)
    }
}
