import CityIndexFormats
import Foundation

extension Engine {
    /// `convert`: a criteria set as YAML or as a flat table; with `wrapper` (table only), the
    /// YAML that keeps the set-level keys and names the table.
    ///
    /// - Returns: the text (when `output` is nil) and the files written.
    public func convert(criteria path: String, toTable: Bool, output: String?, wrapper: String?) throws -> (text: String?, written: [String]) {
        let loaded = try CriteriaLoader().load(path: path)
        let text = toTable ? try CriteriaWriter.table(loaded.set, groups: loaded.groups) : CriteriaWriter.yaml(loaded.set)
        var written: [String] = []
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            written.append(output)
        }
        if let wrapper, toTable {
            let table = output.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "table.csv"
            try Data(CriteriaWriter.yaml(loaded.set, table: table).utf8).write(to: URL(fileURLWithPath: wrapper), options: .atomic)
            written.append(wrapper)
        }
        return (output == nil ? text : nil, written)
    }
}
