import Foundation
import Testing

@testable import CityIndexFormats

/// Helpers shared by the CSV and observation tests.
enum CSVTestSupport {
    /// Reads every record of `text` (as UTF-8) named `t.csv`.
    static func records(_ text: String, options: CSVReadOptions = CSVReadOptions()) throws -> [CSVRecord] {
        try records(Array(text.utf8), options: options)
    }

    /// Reads every record of `bytes` named `t.csv`.
    static func records(_ bytes: [UInt8], options: CSVReadOptions = CSVReadOptions()) throws -> [CSVRecord] {
        var reader = try CSVReader(bytes: bytes, name: "t.csv", options: options)
        return try reader.readAll()
    }

    /// The error thrown while reading all of `bytes`, or `nil`.
    static func error(_ bytes: [UInt8], options: CSVReadOptions = CSVReadOptions()) -> CSVError? {
        do {
            var reader = try CSVReader(bytes: bytes, name: "t.csv", options: options)
            _ = try reader.readAll()
            return nil
        } catch {
            return error
        }
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "cityindex-csv-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The repository root, from this file's path.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file of the shared validation cases (`../shared/validation/<relative>` from the repository root).
    static func validationFile(_ relative: String) -> String {
        repositoryRoot.appendingPathComponent("../shared/validation/\(relative)").standardizedFileURL.path
    }
}
