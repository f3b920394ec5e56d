import Foundation
import Testing

/// Every input a fuzzer once crashed on (`Fuzz/Crashes/`) now stops with a clear error and exit
/// code 1, and leaves nothing in the store.
@Suite struct FuzzRegressionTests {
    static var crashes: [String] {
        let folder = repo("Fuzz/Crashes")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }

    @Test(arguments: crashes)
    func formerCrashStopsWithAMessage(name: String) throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let run = cityindex([
            "import", "--criteria", repo("Indicators/hdi.yaml"), "--data", repo("Fuzz/Crashes/" + name), "--period", "2022",
            "--db", tmp.path("s.sqlite"),
        ])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: "), "\(run.stderr)")
        #expect(run.stderr.contains(name))
        let scored = cityindex(["score", "--criteria", repo("Indicators/hdi.yaml"), "--db", tmp.path("s.sqlite")])
        #expect(scored.stderr.contains("has no data"))
    }
}
