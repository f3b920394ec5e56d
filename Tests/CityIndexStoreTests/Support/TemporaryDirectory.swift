import CityIndexCore
import CityIndexStore
import Foundation
import Testing

/// A fresh folder under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("cityindex-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Runs `body` with the path of a store file in a fresh temporary folder.
func withStorePath<T>(_ body: (String) throws -> T) throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    return try body(directory.path("store.sqlite"))
}

/// Parses a period in a test, failing the test when it does not parse.
func period(_ text: String) throws -> Period {
    try #require(Period(text), "bad period \(text)")
}

/// An observation for tests; `line` doubles as a distinct place in the file.
func observation(
    _ unit: String, _ indicator: String, _ periodText: String, _ value: Double,
    source: String? = nil, line: Int = 2, column: Int = 4
) throws -> ObservationInput {
    ObservationInput(
        unit: unit, indicator: indicator, period: try period(periodText), value: value,
        source: source, line: line, column: column)
}

/// A batch whose SHA-256 is derived from `name` (distinct names, distinct files).
func batch(
    _ name: String, _ observations: [ObservationInput], units: [UnitUpsert] = [],
    attributes: [UnitAttributeInput] = []
) -> ImportBatch {
    ImportBatch(
        sha256: SHA256Digest.hex(of: Array(name.utf8)), fileName: name, options: "{}",
        units: units, attributes: attributes, observations: observations,
        importedAt: Date(timeIntervalSince1970: 1_750_000_000))
}

/// Everything a user could see in a store, to compare before and after an operation.
struct StoreSnapshot: Equatable {
    var units: [StoredUnit]
    var observations: [StoredObservation]
    var imports: [ImportRecord]
    var rowCounts: [String: Int64]

    init(_ store: Store) throws {
        units = try store.units()
        observations = try store.observations(indicators: nil, periods: nil)
        imports = try store.imports()
        var counts: [String: Int64] = [:]
        for table in ["unit", "unit_attribute", "import_file", "observation", "observation_history", "run", "run_result"] {
            // Table names come from the fixed list above; values are never interpolated.
            if case .integer(let n)? = try store.database.fetchValue("SELECT count(*) FROM \(table)") {
                counts[table] = n
            }
        }
        rowCounts = counts
    }
}

/// `PRAGMA integrity_check` and `PRAGMA foreign_key_check` of the store.
func expectHealthy(_ store: Store, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let integrity = try store.database.fetchValue("PRAGMA integrity_check")
    #expect(integrity == .text("ok"), sourceLocation: sourceLocation)
    let foreignKeyViolation = try store.database.fetchValue("PRAGMA foreign_key_check")
    #expect(foreignKeyViolation == nil, sourceLocation: sourceLocation)
    #expect(try store.database.fetchValue("PRAGMA foreign_keys") == .integer(1), sourceLocation: sourceLocation)
}
