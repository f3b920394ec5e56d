import CityIndexCore
import CityIndexFormats
import Foundation

/// The files of one report: `ranking.csv`, `scores.csv` and `report.md` (DESIGN §8).
public struct ReportBundle: Sendable {
    /// The result to report.
    public var result: ScoreResult
    /// Shared report settings.
    public var options: ReportOptions

    /// Creates the bundle.
    public init(result: ScoreResult, options: ReportOptions) {
        self.result = result
        self.options = options
    }

    /// The files by name, with their bytes.
    public var files: [(name: String, bytes: [UInt8])] {
        [
            ("ranking.csv", RankingTable(result: result, layout: .full, language: options.language).csv(dialect: options.dialect).bytes),
            ("scores.csv", ScoresTable(results: [result], language: options.language).csv(dialect: options.dialect).bytes),
            ("report.md", Array(MarkdownReport(result: result, options: options).text.utf8)),
        ]
    }

    /// The default folder of a report: `<base>/<set id>/<period>`, each part made safe for a path.
    public static func defaultFolder(base: String, setID: String, period: Period) -> String {
        (base as NSString).appendingPathComponent(safeComponent(setID) + "/" + safeComponent(period.description))
    }

    /// A path component that cannot leave its folder: no separators, no `..`, no control characters.
    public static func safeComponent(_ text: String) -> String {
        var out = String(text.map { c -> Character in
            c == "/" || c == "\\" || c == ":" || c.isNewline || (c.asciiValue.map { $0 < 32 } ?? false) ? "_" : c
        })
        while out.hasPrefix(".") { out.removeFirst() }
        return out.isEmpty ? "_" : out
    }

    /// Writes every file into `folder` (created when missing); each file is written whole or not at all.
    /// - Returns: the paths written.
    @discardableResult
    public func write(to folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return try files.map { file in
            let path = (folder as NSString).appendingPathComponent(file.name)
            try Data(file.bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            return path
        }
    }
}
