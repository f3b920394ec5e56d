import CityIndexCore
import CityIndexFormats
import Foundation
import Testing

/// Every report part CityIndex writes for people, rendered through the command line from the
/// shipped demo set and data in one language: `report` of 2025 (compared with 2024, so movers
/// and the trend appear) with `--audit --profiles --xlsx`, `sensitivity`, `audit`, and the
/// Markdown that `compare`, `profile`, `trend` and `what-it-takes` print.
///
/// Rendered once per language and test process (``RenderedDemo/vi``, ``RenderedDemo/en``), for
/// the language and the number tests; the files are removed when the process ends.
struct RenderedDemo: Sendable {
    /// The language asked for with `--lang`.
    let language: Language
    /// Every file written (report, sensitivity, audit), by path.
    let files: [String]
    /// What the unit commands printed, by command.
    let printed: [String: String]
    /// Why rendering failed (a command's exit status and standard error), if it did.
    let failure: String?

    static let vi = RenderedDemo(language: .vi)
    static let en = RenderedDemo(language: .en)

    static func of(_ language: Language) -> RenderedDemo { language == .vi ? vi : en }

    /// Where the renders go; removed at exit.
    static let root: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cityindex-rendered-\(UUID().uuidString)").path
        atexit { try? FileManager.default.removeItem(atPath: RenderedDemo.root) }
        return path
    }()

    static let criteria = repo("Indicators/qd2244-provinces.yaml")
    static let data = repo("Indicators/demo/qd2244-demo.csv")

    private init(language: Language) {
        self.language = language
        let folder = Self.root + "/" + language.rawValue
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let common = ["--criteria", Self.criteria, "--db", folder + "/store.sqlite", "--lang", language.rawValue]
        var failures: [String] = []
        func run(_ arguments: [String]) -> String {
            let r = cityindex(arguments)
            if r.status != 0 { failures.append("\(arguments.prefix(2).joined(separator: " ")): exit \(r.status): \(r.stderr)") }
            return r.stdout
        }
        _ = run([
            "report", "--data", Self.data, "--data-basis", "2025", "--period", "2025", "--out", folder + "/report",
            "--as-of", "2026-01-01", "--audit", "--profiles", "--xlsx",
        ] + common)
        _ = run(["sensitivity", "--period", "2025", "--runs", "200", "--out", folder + "/sensitivity"] + common)
        _ = run(["audit", "--period", "2025", "--out", folder + "/audit"] + common)
        printed = [
            "compare": run(["compare", "Hà Nội", "Đà Nẵng", "Cần Thơ", "--period", "2025"] + common),
            "profile": run(["profile", "Bắc Ninh", "--periods", "2024..2025"] + common),
            "trend": run(["trend", "--unit", "Bắc Ninh", "--format", "md"] + common),
            "what-it-takes": run(["what-it-takes", "Cần Thơ", "--period", "2025"] + common),
        ]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        files = (enumerator?.allObjects as? [String] ?? []).filter { !$0.hasPrefix("store.sqlite") }.map { folder + "/" + $0 }
            .filter { var isFolder: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && !isFolder.boolValue }
            .sorted()
        failure = failures.isEmpty ? nil : failures.joined(separator: "\n")
    }

    /// The files whose name ends with `suffix`.
    func files(_ suffix: String) -> [String] { files.filter { $0.hasSuffix(suffix) } }

    /// The file at `relative` (`report/report.md`).
    func file(_ relative: String) -> String { Self.root + "/" + language.rawValue + "/" + relative }

    /// Every text the set and the data give, which reports show as given (names, descriptions,
    /// units of measure, sources, notes in both languages; the data's sources; the units' names
    /// in the registries), longest first: legitimately in one language, so the language tests
    /// leave them out.
    static let givenTexts: [String] = {
        var texts: [String] = []
        if let set = try? CriteriaLoader().load(path: criteria).set {
            for text in [set.name, set.description, set.source, set.notes] { texts += text.forms }
            for node in set.nodes {
                for text in [node.name, node.description, node.unit, node.source, node.notes] { texts += text.forms }
            }
            if case let .bands(bands)? = set.groups { texts += bands.flatMap(\.name.forms) }
        }
        let rows = (try? String(contentsOfFile: data, encoding: .utf8)).map(parseCSV) ?? []
        texts += Set(rows.compactMap { $0["source"] }.filter { !$0.isEmpty })
        for registry in ["Indicators/units/vn-provinces-2025.csv", "Indicators/units/vn-provinces-2024.csv"] {
            let units = (try? String(contentsOfFile: repo(registry), encoding: .utf8)).map(parseCSV) ?? []
            texts += units.flatMap { [$0["name"], $0["name_en"], $0["region"]].compactMap { $0 } }
        }
        return Array(Set(texts.filter { !$0.isEmpty })).sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }()

    /// The set's node ids and the registries' column names (attributes such as `population`),
    /// which plain text (workbook cells) shows without Markdown's code marks.
    static let ids: [String] = {
        var ids = (try? CriteriaLoader().load(path: criteria).set.nodes.map(\.id)) ?? []
        let units = (try? String(contentsOfFile: repo("Indicators/units/vn-provinces-2025.csv"), encoding: .utf8)).map(parseCSV) ?? []
        ids += units.first.map { Array($0.keys) } ?? []
        return ids.sorted { $0.count > $1.count }
    }()
}
