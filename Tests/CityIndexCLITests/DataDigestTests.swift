import CityIndexCore
import CityIndexEngine
import CityIndexStore
import Foundation
import Testing

/// The data digest is half of a stored run's key: a change to its bytes would make every run
/// stored before look new (stored again instead of "run N reused"). It is checked here against
/// its definition, written out independently of the engine's code.
@Suite("Data digest")
struct DataDigestTests {
    @Test("the panel's digest is the SHA-256 of the documented bytes")
    func digestFollowsItsDefinition() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        // Columns not in id order; a missing value; a unit named in 2024 without any value.
        let set = folder.path("set.yaml")
        try """
            id: digest
            root:
              id: index
              children:
                - {id: gamma}
                - {id: alpha}
                - {id: beta}
            """.write(toFile: set, atomically: true, encoding: .utf8)
        let data = folder.path("values.csv")
        try """
            unit,indicator,period,value
            U2,gamma,2023,3.5
            U2,alpha,2023,-1
            U1,alpha,2023,0.1
            U1,beta,2023,2
            U1,gamma,2023,7.25
            U1,alpha,2024,1e-3
            U2,beta,2024,42
            U3,alpha,2024,NA

            """.write(toFile: data, atomically: true, encoding: .utf8)
        let db = folder.path("store.sqlite")
        let imported = cityindex(["import", "--criteria", set, "--data", data, "--db", db])
        try #require(imported.status == 0, "\(imported.stderr)")

        // Ids in id order; per period its name, per unit (in code order) the code, a tab, each
        // value present as its id's position (UInt16) and its bits (UInt64), little-endian, and a
        // line feed.
        var bytes = Array("alpha\tbeta\tgamma\n".utf8)
        func unit(_ code: String, _ values: [(Int, Double)]) {
            bytes += Array(code.utf8) + [0x09]
            for (k, v) in values {
                withUnsafeBytes(of: UInt16(k).littleEndian) { bytes += $0 }
                withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 }
            }
            bytes.append(0x0A)
        }
        bytes += Array("2023\n".utf8)
        unit("U1", [(0, 0.1), (1, 2), (2, 7.25)])
        unit("U2", [(0, -1), (2, 3.5)])
        bytes += Array("2024\n".utf8)
        unit("U1", [(0, 1e-3)])
        unit("U2", [(1, 42)])
        unit("U3", [])

        let criteria = try LoadedCriteria.load(path: set)
        let panel = try PanelBuilder(criteria: criteria, store: try Store(path: db)).build(periods: [try #require(Period("2023")), try #require(Period("2024"))])
        #expect(panel.data.map(\.units.count) == [2, 3])
        #expect(panel.sha256 == SHA256Digest.hex(of: bytes))
    }
}
