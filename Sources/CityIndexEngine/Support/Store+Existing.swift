import CityIndexStore
import Foundation

extension Store {
    /// Opens the store at `path`, which must exist: reading commands create no file.
    static func existing(at path: String) throws -> Store {
        guard path == ":memory:" || FileManager.default.fileExists(atPath: path) else {
            throw EngineError("there is no store at \(path): import data first (cityindex import), or give --db PATH")
        }
        return try Store(path: path)
    }
}
