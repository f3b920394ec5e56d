import CityIndexCore
import Foundation

/// Loads a criteria set from YAML (the reference syntax of DESIGN §4) or from a flat table
/// in the COINr iMeta layout, checking it and reporting every problem with its place.
///
/// ```swift
/// let loaded = try CriteriaLoader().load(path: "Indicators/hdi.yaml")
/// for warning in loaded.warnings { print(warning) }
/// let scored = loaded.set.scoredIndicatorIndices
/// ```
///
/// Errors are thrown as ``CriteriaError/invalid(_:)`` holding up to ``maxProblems``
/// problems, each printed as `file:line:column (criteria.path): what is wrong; what was expected`.
public struct CriteriaLoader: Sendable {
    /// The most problems collected before the loader stops looking (default 50).
    public var maxProblems: Int
    /// A targets file read instead of the one the set names (`--targets FILE`), nil for the set's.
    public var targetsFile: String?

    /// Creates a loader.
    public init(maxProblems: Int = 50, targetsFile: String? = nil) {
        self.maxProblems = maxProblems
        self.targetsFile = targetsFile
    }

    /// Loads the set at `path`: a flat table when the name ends in `.csv`, `.tsv` or `.txt` (or
    /// `.xlsx`, from a workbook sheet), YAML otherwise. Relative paths inside the file (`table:`) are resolved from its folder.
    public func load(path: String) throws(CriteriaError) -> CriteriaLoadResult {
        let ext = (path as NSString).pathExtension.lowercased()
        if ["csv", "tsv", "txt"].contains(ext) { return try loadTable(path: path) }
        if ["xlsx", "xlsm"].contains(ext) { return try loadTable(workbookPath: path) }
        let text = try Self.readText(path)
        return try loadYAML(text, file: path)
    }

    /// Reads a whole file as UTF-8 text.
    static func readText(_ path: String) throws(CriteriaError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw CriteriaError.cannotRead(file: path, reason: exists ? "not readable" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CriteriaError.cannotRead(file: path, reason: "not UTF-8 text; save it as UTF-8")
        }
        return text
    }

    /// The set id used for a table loaded on its own: the file name without folder and extension.
    static func stem(_ file: String) -> String {
        ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// Whether `id` is a valid node id (`[A-Za-z0-9_.-]+`).
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_" || c == "." || c == "-"
        }
    }

    /// The message for an invalid id.
    static func invalidIDMessage(_ id: String) -> String {
        "id \"\(id)\" may only hold letters A-Z and a-z, digits, \"_\", \".\" and \"-\""
    }
}
