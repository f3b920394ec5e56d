import CityIndexStore
import Foundation
import Testing

@Suite("Locking")
struct LockingTests {
    @Test("another connection's write lock makes an import throw .locked, and the store stays usable")
    func importWhileLocked() throws {
        try withStorePath { path in
            let store = try Store(path: path, busyTimeout: 0.1)
            let other = try Database(path: path)
            try other.execute("BEGIN IMMEDIATE")

            let file = batch("locked.csv", [try observation("01", "dti", "2024", 1)])
            #expect(throws: StoreError.locked(path: path)) { _ = try store.importBatch(file, replace: false) }
            let message = StoreError.locked(path: path).description
            #expect(message.contains("another cityindex process") && message.contains("retry"))
            #expect(!store.database.isInsideTransaction)

            // Readers are not blocked by a writer in WAL mode, and an up-to-date store opens.
            #expect(try store.imports().isEmpty)
            let second = try Store(path: path, busyTimeout: 0.1)
            #expect(try second.observations(indicators: nil, periods: nil).isEmpty)
            #expect(throws: StoreError.locked(path: path)) { _ = try second.saveRun(RunsTests.sample()) }

            try other.execute("ROLLBACK")
            #expect(try store.importBatch(file, replace: false)
                == .imported(importID: 1, inserted: 1, replaced: 0, unchanged: 0))
            try expectHealthy(store)
        }
    }
}
