import Foundation

/// The files of a SQLite store: the database and its `-wal` and `-shm` companions.
enum StoreFiles {
    /// Removes the store at `path` with its companions (after a failed first import).
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
