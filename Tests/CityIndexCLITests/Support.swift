import CityIndexCLI
import Foundation
import Testing

/// The repository's root folder.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `../shared` beside the repository, present in CI and on the team's machines.
let sharedFolder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

/// Whether the published validation data are present.
let sharedDataAvailable = FileManager.default.fileExists(atPath: sharedFolder.appendingPathComponent("validation/hdi/inputs-2022.csv").path)

/// Why validation tests are skipped on a clone without `../shared`.
let sharedDataMissing: Comment = "skipped: ../shared/validation is not beside this clone (it holds the published HDI and ASEM data)"

/// A path under `../shared`.
func shared(_ path: String) -> String { sharedFolder.appendingPathComponent(path).path }

/// A path under the repository.
func repo(_ path: String) -> String { repositoryRoot.appendingPathComponent(path).path }

/// Output captured from one in-process run of `cityindex`.
struct Invocation {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// A thread-safe text buffer.
final class TextBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func append(_ s: String) { lock.withLock { text += s } }
    var value: String { lock.withLock { text } }
}

/// Runs `cityindex` in-process with `arguments`, capturing its output.
func cityindex(_ arguments: [String]) -> Invocation {
    let out = TextBuffer(), err = TextBuffer()
    let console = Console(write: { out.append($0) }, error: { err.append($0 + "\n") })
    let status = Console.$current.withValue(console) { CityIndexCommand.run(arguments: arguments) }
    return Invocation(status: status, stdout: out.value, stderr: err.value)
}

/// A fresh temporary folder, removed by the caller with `cleanUp`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cityindex-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

/// Parses simple CSV text (RFC 4180 quoting) into dictionaries keyed by the header.
func parseCSV(_ text: String) -> [[String: String]] {
    var rows: [[String]] = [], field = "", row: [String] = [], quoted = false
    var chars = Array(text)
    if chars.first == "\u{FEFF}" { chars.removeFirst() }
    var i = 0
    while i < chars.count {
        let c = chars[i]
        if quoted {
            if c == "\"" {
                if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
            } else { field.append(c) }
        } else if c == "\"" { quoted = true }
        else if c == "," { row.append(field); field = "" }
        else if c == "\n" || c == "\r\n" { row.append(field); rows.append(row); row = []; field = "" }
        else if c != "\r" { field.append(c) }
        i += 1
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    guard let header = rows.first else { return [] }
    return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0 + Array(repeating: "", count: max(0, header.count - $0.count)))) }
}

/// A two-pillar set (A: a1 higher, a2 lower; B: b1) and three units of data, shared by the
/// command-line tests.
enum TwoPillarSet {
    static let criteria = """
        id: tiny
        name: {en: Tiny index}
        scale: 100
        precision: 2
        root:
          id: index
          children:
            - id: A
              children:
                - {id: a1, unit: count}
                - {id: a2, direction: lower}
            - id: B
              children:
                - {id: b1}
        """

    /// Wide layout, one period; Vietnamese names so matching by name is exercised.
    static let observations = """
        unit,name,period,a1,a2,b1
        X,Xuân Thủy,2024,1,10,5
        Y,Yên Bái,2024,3,30,0
        Z,Zeta,2024,2,20,10
        """
}
