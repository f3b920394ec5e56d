import CityIndexFormats
import Foundation

extension Engine {
    /// `convert`: a criteria set as YAML or as a flat table; with `wrapper` (table only), the
    /// YAML side file that keeps the set-level keys, the defaults and the steps no column
    /// holds, and names the table. A set that needs a side file is refused without one.
    ///
    /// - Returns: the text (when `output` is nil) and one line per file written, saying what
    ///   went into it.
    public func convert(criteria path: String, toTable: Bool, output: String?, wrapper: String?) throws -> (text: String?, written: [String]) {
        let loaded = try CriteriaLoader().load(path: path)
        guard toTable else { return try write(CriteriaWriter.yaml(loaded.set), to: output, what: "the set in YAML") }
        let export = CriteriaWriter.tableExport(loaded.set, groups: loaded.groups)
        guard wrapper != nil || !export.needsSideFile else {
            throw EngineError(
                "\(path): a table alone would lose \(export.sideFileSummary): pass --wrapper FILE to keep them in a YAML side file",
                kind: .usage)
        }
        var outcome = try write(export.table, to: output, what: "the tree (\(loaded.set.nodes.count) nodes) with each node's fields and the steps its columns hold")
        guard let wrapper else { return outcome }
        let tablePath = output.map { path in
            let (table, side) = (URL(fileURLWithPath: path), URL(fileURLWithPath: wrapper))
            let sameFolder = table.deletingLastPathComponent().standardized == side.deletingLastPathComponent().standardized
            return sameFolder ? table.lastPathComponent : table.standardized.path
        } ?? "table.csv"
        try Data(export.sideFile(table: tablePath).utf8).write(to: URL(fileURLWithPath: wrapper), options: .atomic)
        outcome.written.append("wrote \(wrapper): \(export.sideFileSummary), naming the table \(tablePath)")
        return outcome
    }

    /// `text` written to `path` (with a line saying what it holds), or returned for standard output.
    private func write(_ text: String, to path: String?, what: String) throws -> (text: String?, written: [String]) {
        guard let path else { return (text, []) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        return (nil, ["wrote \(path): \(what)"])
    }
}
