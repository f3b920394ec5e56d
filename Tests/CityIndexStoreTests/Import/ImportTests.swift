import CityIndexCore
import CityIndexStore
import Foundation
import Testing

@Suite("Import")
struct ImportTests {
    static func firstFile() throws -> ImportBatch {
        batch(
            "dti-2024.csv",
            [
                try observation("01", "dti", "2024", 0.61, source: "MIC", line: 2),
                try observation("01", "pii", "2024", 55.5, line: 3),
                try observation("79", "dti", "2024", 0.58, line: 4),
            ],
            units: [UnitUpsert(code: "01", name: "Hà Nội", nameEN: "Ha Noi", type: "city")],
            attributes: [UnitAttributeInput(unit: "01", name: "region", value: "Red River Delta")])
    }

    /// One equal value, one different value (line 3), one new value.
    static func secondFile() throws -> ImportBatch {
        batch(
            "dti-2024-revised.csv",
            [
                try observation("01", "dti", "2024", 0.61, line: 2),
                try observation("01", "pii", "2024", 56.0, source: "MOST", line: 3, column: 9),
                try observation("92", "dti", "2024", 0.44, line: 4),
            ])
    }

    @Test("an import inserts units, attributes and values")
    func inserts() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            let summary = try store.importBatch(try Self.firstFile(), replace: false)
            #expect(summary == .imported(importID: 1, inserted: 3, replaced: 0, unchanged: 0))
            let units = try store.units()
            #expect(units.map(\.code) == ["01", "79"])
            #expect(units[0] == StoredUnit(
                code: "01", name: "Hà Nội", nameEN: "Ha Noi", type: "city",
                attributes: ["region": "Red River Delta"]))
            #expect(units[1] == StoredUnit(code: "79", name: nil, nameEN: nil, type: nil, attributes: [:]))
            let values = try store.observations(indicators: nil, periods: nil)
            #expect(values.count == 3)
            #expect(values.first == StoredObservation(
                unit: "01", indicator: "dti", period: try period("2024"), value: 0.61, source: "MIC",
                note: nil, importID: 1))
            let record = try #require(try store.imports().first)
            #expect(record.fileName == "dti-2024.csv")
            #expect(record.rows == 3 && record.replaced == 0 && record.options == "{}")
            #expect(record.importedAt == Date(timeIntervalSince1970: 1_750_000_000))
            try expectHealthy(store)
        }
    }

    @Test("re-importing the same file (same SHA-256) is a no-op that says so")
    func sameFileTwice() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            let first = try Self.firstFile()
            _ = try store.importBatch(first, replace: false)
            let before = try StoreSnapshot(store)

            // Same hash, even with other content and another name: nothing is read.
            var again = try Self.secondFile()
            again.sha256 = first.sha256.uppercased()
            again.fileName = "copy.csv"
            let summary = try store.importBatch(again, replace: true)
            #expect(summary == .alreadyImported(
                importID: 1, importedAt: Date(timeIntervalSince1970: 1_750_000_000), fileName: "dti-2024.csv"))
            #expect(summary.description.contains("already imported"))
            #expect(try StoreSnapshot(store) == before)
        }
    }

    @Test("a conflicting value is refused and the store is unchanged")
    func conflictRefused() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            _ = try store.importBatch(try Self.firstFile(), replace: false)
            let before = try StoreSnapshot(store)

            let expected = Conflict(
                fileName: "dti-2024-revised.csv", line: 3, column: 9, unit: "01", indicator: "pii",
                period: try period("2024"), storedValue: 55.5, newValue: 56.0)
            #expect(throws: StoreError.conflicts([expected])) {
                _ = try store.importBatch(try Self.secondFile(), replace: false)
            }
            #expect(try StoreSnapshot(store) == before)
            let message = StoreError.conflicts([expected]).description
            #expect(message.contains("dti-2024-revised.csv:3:9"))
            #expect(message.contains("use --replace to overwrite; the old values are kept in history"))
            try expectHealthy(store)
        }
    }

    @Test("a conflict message lists at most 20 conflicts")
    func conflictListLimit() throws {
        let conflicts = try (1...25).map {
            Conflict(
                fileName: "f.csv", line: $0, column: 1, unit: "u\($0)", indicator: "i",
                period: try period("2024"), storedValue: 1, newValue: 2)
        }
        let lines = StoreError.conflicts(conflicts).description.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("f.csv:") }.count == 20)
        #expect(lines.last == "… and 5 more")
    }

    @Test("--replace updates the value and keeps the old one in history")
    func replaceKeepsHistory() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            _ = try store.importBatch(try Self.firstFile(), replace: false)
            let summary = try store.importBatch(try Self.secondFile(), replace: true)
            #expect(summary == .imported(importID: 2, inserted: 1, replaced: 1, unchanged: 1))

            let pii = try store.observations(indicators: ["pii"], periods: nil)
            #expect(pii == [StoredObservation(
                unit: "01", indicator: "pii", period: try period("2024"), value: 56.0, source: "MOST",
                note: nil, importID: 2)])
            // The unchanged value keeps the import that first wrote it.
            let dti01 = try store.observations(indicators: ["dti"], periods: nil).first { $0.unit == "01" }
            #expect(dti01?.importID == 1)

            let history = try store.history(unit: "01", indicator: "pii", period: try period("2024"))
            #expect(history.count == 1)
            #expect(history.first?.oldValue == 55.5)
            #expect(history.first?.oldImportID == 1)
            #expect(history.first?.newValue == 56.0)
            #expect(history.first?.newImportID == 2)
            #expect(try store.history(unit: "01", indicator: "dti", period: try period("2024")).isEmpty)
            #expect(try store.imports().map(\.replaced) == [0, 1])
            try expectHealthy(store)
        }
    }

    /// Batches that must fail as a whole, with or without `--replace`.
    static let failingBatches: [(String, [ObservationInput])] = {
        let place = Period.year(2024)
        return [
            ("NaN value", [
                ObservationInput(unit: "new", indicator: "dti", period: place, value: 1, line: 2, column: 1),
                ObservationInput(unit: "new", indicator: "pii", period: place, value: .nan, line: 3, column: 1),
            ]),
            ("infinite value", [
                ObservationInput(unit: "new", indicator: "dti", period: place, value: .infinity, line: 2, column: 1)
            ]),
            ("same key twice with different values", [
                ObservationInput(unit: "new", indicator: "dti", period: place, value: 1, line: 2, column: 1),
                ObservationInput(unit: "new", indicator: "pii", period: place, value: 2, line: 3, column: 1),
                ObservationInput(unit: "new", indicator: "dti", period: place, value: 3, line: 4, column: 1),
            ]),
        ]
    }()

    @Test(
        "a failing batch leaves nothing behind",
        arguments: failingBatches.indices, [false, true])
    func failingBatchLeavesNothing(index: Int, replace: Bool) throws {
        let (name, observations) = Self.failingBatches[index]
        try withStorePath { path in
            let store = try Store(path: path)
            _ = try store.importBatch(try Self.firstFile(), replace: false)
            let before = try StoreSnapshot(store)
            let failing = batch(
                name, observations, units: [UnitUpsert(code: "new", name: "New")],
                attributes: [UnitAttributeInput(unit: "01", name: "region", value: "changed")])
            #expect(throws: StoreError.self) { _ = try store.importBatch(failing, replace: replace) }
            #expect(try StoreSnapshot(store) == before)
            try expectHealthy(store)
        }
    }

    @Test("a key repeated in one file with the same value counts as unchanged")
    func repeatedEqualValue() throws {
        try withStorePath { path in
            let store = try Store(path: path)
            let summary = try store.importBatch(
                batch("twice.csv", [
                    try observation("01", "dti", "2024", 1.0, line: 2),
                    try observation("01", "dti", "2024", 1.0, line: 3),
                ]), replace: false)
            #expect(summary == .imported(importID: 1, inserted: 1, replaced: 0, unchanged: 1))
        }
    }

    @Test("NFD and NFC spellings of a unit code are the same row, stored as NFC")
    func unicodeNormalisation() throws {
        let nfd = "Ha\u{0300} No\u{0323}\u{0302}i"  // "Hà Nội", decomposed
        let nfc = "H\u{00E0} N\u{1ED9}i"  // "Hà Nội", precomposed
        #expect(Array(nfd.utf8) != Array(nfc.utf8))
        try withStorePath { path in
            let store = try Store(path: path)
            _ = try store.importBatch(
                batch("nfd.csv", [try observation(nfd, "dti", "2024", 0.5)], units: [UnitUpsert(code: nfd, name: nfd)]),
                replace: false)
            let summary = try store.importBatch(
                batch("nfc.csv", [try observation(nfc, "dti", "2024", 0.5)], units: [UnitUpsert(code: nfc)]),
                replace: false)
            #expect(summary == .imported(importID: 2, inserted: 0, replaced: 0, unchanged: 1))
            let units = try store.units()
            #expect(units.count == 1)
            #expect(units.map { Array($0.code.utf8) } == [Array(nfc.utf8)])
            #expect(units.map { $0.name.map { Array($0.utf8) } } == [Array(nfc.utf8)])
            #expect(try store.database.fetchValue("SELECT count(*) FROM observation") == .integer(1))
            #expect(try store.database.fetchValue("SELECT hex(unit) FROM observation")
                == .text(nfc.utf8.map { String(format: "%02X", $0) }.joined()))
            #expect(try store.history(unit: nfd, indicator: "dti", period: try period("2024")).isEmpty)
            #expect(throws: StoreError.self) {
                _ = try store.importBatch(batch("nfd-2.csv", [try observation(nfd, "dti", "2024", 0.7)]), replace: false)
            }
        }
    }
}
