import CityIndexCore
import Foundation

extension CriteriaWriter {
    /// The tree of `set` as a flat table (COINr iMeta layout, comma-separated, LF line ends):
    /// indicators, then aggregates level by level, then `groups` as Group rows, then the
    /// unscored indicators under the root as Denominator rows. Optional columns appear only when used.
    ///
    /// Set-level keys and `defaults` are not part of the table: write them with
    /// ``yaml(_:table:)``, or write both with ``tableExport(_:groups:)``.
    ///
    /// - Throws: ``CriteriaError/invalid(_:)`` naming each node with a step that no column holds
    ///   (bands, winsorise parameters, aggregation options …): ``tableExport(_:groups:)`` puts
    ///   those in the YAML side file.
    public static func table(_ set: CriteriaSet, groups: [String] = []) throws(CriteriaError) -> String {
        let export = tableExport(set, groups: groups)
        guard export.nodeSteps.isEmpty else {
            throw CriteriaError.invalid(export.nodeSteps.compactMap { steps in
                set.index(of: steps.id).map { i in
                    CriteriaProblem(
                        place: set.nodes[i].place,
                        message: "node \"\(steps.id)\": \(steps.keys.joined(separator: ", ")) cannot be written to a flat table's columns; "
                            + "write the table with its YAML side file (cityindex convert --wrapper)")
                }
            })
        }
        return export.table
    }

    /// `set` as a flat table and the YAML side file for what the table's columns cannot hold.
    ///
    /// - Complexity: O(nodes × columns).
    public static func tableExport(_ set: CriteriaSet, groups: [String] = []) -> CriteriaTableExport {
        let n = set.nodes.count
        var type = [String](repeating: "Indicator", count: n)
        var columns = [StepSettings](repeating: StepSettings(), count: n)
        var side: [CriteriaTableExport.NodeSteps] = []
        for i in 0..<n {
            let node = set.nodes[i]
            let isIndicator = i != 0 && node.isIndicator
            if !isIndicator {
                type[i] = "Aggregate"
            } else if !node.scored, node.parent == 0, node.settings == StepSettings(), node.weight == 1 {
                type[i] = "Denominator"
            }
            let (table, rest) = TableSteps.split(node.settings, isIndicator: isIndicator)
            columns[i] = table
            var steps = CriteriaWriter.steps(rest)
            // Tags have no column: they go to the side file with the steps.
            if !node.tags.isEmpty { steps.append(("tags", "[" + node.tags.map(YAMLText.scalar).joined(separator: ", ") + "]")) }
            // Neither has the kind of an indicator.
            if let kind = node.kind { steps.append(("kind", kind.rawValue)) }
            if !steps.isEmpty {
                side.append(CriteriaTableExport.NodeSteps(id: node.id, keys: steps.map(\.0), values: steps.map(\.1)))
            }
        }
        return CriteriaTableExport(
            table: TableText.write(set, types: type, steps: columns, groups: groups), nodeSteps: side, set: set)
    }
}

/// Lays out the rows and cells of a flat table.
enum TableText {
    /// The table of `set` whose rows have `types` and whose step columns hold `steps` (one per node).
    static func write(_ set: CriteriaSet, types: [String], steps: [StepSettings], groups: [String]) -> String {
        let n = set.nodes.count
        var level = [Int](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) where types[i] != "Denominator" {
            let kids = set.nodes[i].children.filter { types[$0] != "Denominator" }
            level[i] = types[i] == "Indicator" ? 1 : 1 + (kids.map { level[$0] }.max() ?? 0)
        }
        var order = (0..<n).filter { types[$0] != "Denominator" }.sorted { (level[$0], $0) < (level[$1], $1) }
        order += (0..<n).filter { types[$0] == "Denominator" }
        if !keepsSiblingOrder(order, set) { order = Array(0..<n) }

        var rows: [[String: String]] = []
        for i in order {
            let node = set.nodes[i]
            let isDenominator = types[i] == "Denominator"
            var cells = TableSteps.cells(steps[i])
            cells.merge([
                "Level": isDenominator ? "" : String(level[i]), "iCode": node.id, "iName": node.name.en ?? "",
                "Weight": isDenominator ? "" : Wording.number(node.weight), "Unit": node.unit.en ?? "", "Unit_vi": node.unit.vi ?? "",
                "Target": node.target.map(Wording.number) ?? "",
                "Parent": isDenominator ? "" : node.parent.map { set.nodes[$0].id } ?? "", "Type": types[i],
                "iName_vi": node.name.vi ?? "", "Description": node.description.en ?? "", "Description_vi": node.description.vi ?? "",
                "Source": node.source.en ?? "", "Source_vi": node.source.vi ?? "", "Notes": node.notes.en ?? "", "Notes_vi": node.notes.vi ?? "",
                "Scored": node.scored || isDenominator ? "" : "false",
            ]) { _, new in new }
            switch steps[i].direction {
            case .higher?: cells["Direction"] = "1"
            case .lower?: cells["Direction"] = "-1"
            case nil: cells["Direction"] = types[i] == "Aggregate" ? "1" : ""
            }
            rows.append(cells)
        }
        // The COINr columns always; the others when a row uses them.
        let columns = TableReader.columns.filter { column in
            TableReader.columns.prefix(10).contains(column) || rows.contains { !($0[column] ?? "").isEmpty }
        }
        var out = columns.joined(separator: ",") + "\n"
        for cells in rows {
            out += columns.map { field(cells[$0] ?? "", isNumber: numberColumns.contains($0)) }.joined(separator: ",") + "\n"
        }
        for g in groups {
            out += columns.map { field($0 == "iCode" ? g : $0 == "iName" ? g : $0 == "Type" ? "Group" : "") }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// Whether reading rows in `order` gives every node its children in the same order.
    private static func keepsSiblingOrder(_ order: [Int], _ set: CriteriaSet) -> Bool {
        var seen = [[Int]](repeating: [], count: set.nodes.count)
        for i in order { if let p = set.nodes[i].parent { seen[p].append(i) } }
        return set.nodes.indices.allSatisfy { seen[$0] == set.nodes[$0].children }
    }

    /// Columns whose cells are numbers (`-1`, `-0.5`, `1e-07`): written as they are, never guarded.
    static let numberColumns: Set<String> = [
        "Level", "Direction", "Weight", "Target", "Min", "Max", "DenominatorFactor", "RangeMin", "RangeMax",
    ]

    /// A CSV field as ``TableReader`` reads it back: text gets the formula guard of every CSV
    /// the tool writes (``CSVWriter/needsGuard(_:)``, which the reader removes); then the field is
    /// quoted (RFC 4180) when it holds `,`, `"`, CR or LF, or starts or ends with a space.
    ///
    /// Both decisions look at UTF-8 bytes, not `Character`s: CR LF is one `Character`, equal
    /// to neither `"\r"` nor `"\n"`.
    ///
    /// - Complexity: O(s.utf8.count).
    static func field(_ s: String, isNumber: Bool = false) -> String {
        let text = isNumber ? s : CSVWriter.guarded(s)
        let utf8 = text.utf8
        let special = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ")
        guard special else { return text }
        // Doubled byte by byte: a `"` followed by a combining mark is one Character too.
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(utf8.count + 2)
        for b in utf8 {
            out.append(b)
            if b == UInt8(ascii: "\"") { out.append(b) }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
