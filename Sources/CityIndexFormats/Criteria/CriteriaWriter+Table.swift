import CityIndexCore
import Foundation

extension CriteriaWriter {
    /// The tree of `set` as a flat table (COINr iMeta layout, comma-separated, LF line ends):
    /// indicators, then aggregates level by level, then `groups` as Group rows, then the
    /// unscored indicators under the root as Denominator rows. Optional columns appear only when used.
    ///
    /// Set-level keys and `defaults` are not part of the table: write them with
    /// ``yaml(_:table:)``.
    ///
    /// - Throws: ``CriteriaError/invalid(_:)`` naming each node whose settings a table cannot
    ///   hold (impute, treat, bands, step options other than the defaults).
    public static func table(_ set: CriteriaSet, groups: [String] = []) throws(CriteriaError) -> String {
        var problems: [CriteriaProblem] = []
        func cannot(_ i: Int, _ what: String) {
            problems.append(CriteriaProblem(
                place: set.nodes[i].place,
                message: "node \"\(set.nodes[i].id)\": \(what) cannot be written to a flat table; keep this set in YAML"))
        }
        let n = set.nodes.count
        var type = [String](repeating: "Indicator", count: n)
        for i in 0..<n {
            let node = set.nodes[i]
            let s = node.settings
            if i == 0 || !node.isIndicator {
                type[i] = "Aggregate"
                if !node.scored { cannot(i, "scored: false on an aggregate") }
                if let a = s.aggregate, a != AggregateStep(method: a.method) { cannot(i, "aggregate options other than the method") }
                continue
            }
            if !node.scored {
                if node.parent == 0, s == StepSettings(), node.weight == 1 { type[i] = "Denominator" } else { cannot(i, "an unscored indicator with settings or not under the root") }
                continue
            }
            if node.kind != nil { cannot(i, "kind") }
            if s.denominate?.unit != nil { cannot(i, "denominate unit") }
            if s.impute != nil { cannot(i, "impute") }
            if s.treat != nil { cannot(i, "treat") }
            if let d = s.denominate, d.factor != 1 { cannot(i, "denominate factor \(Wording.number(d.factor))") }
            switch s.normalise {
            case .bands?: cannot(i, "normalise bands")
            case .target(.some)?: cannot(i, "a target inside normalise (give it as the node's target)")
            case .zScore(let m, let sd)? where m != 0 || sd != 1: cannot(i, "z-score mean and sd")
            case .ratio(let p)? where p != 1, .yesNo(let p)? where p != 1: cannot(i, "max-points")
            default: break
            }
        }
        if !problems.isEmpty { throw CriteriaError.invalid(problems) }
        return TableText.write(set, types: type, groups: groups)
    }
}

/// Lays out the rows and cells of a flat table.
enum TableText {
    static func write(_ set: CriteriaSet, types: [String], groups: [String]) -> String {
        let n = set.nodes.count
        var level = [Int](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) where types[i] != "Denominator" {
            let kids = set.nodes[i].children.filter { types[$0] != "Denominator" }
            level[i] = types[i] == "Indicator" ? 1 : 1 + (kids.map { level[$0] }.max() ?? 0)
        }
        var order = (0..<n).filter { types[$0] != "Denominator" }.sorted { (level[$0], $0) < (level[$1], $1) }
        order += (0..<n).filter { types[$0] == "Denominator" }
        if !keepsSiblingOrder(order, set) { order = Array(0..<n) }

        let used: (String) -> Bool = { column in
            set.nodes.contains { node in
                switch column {
                case "Normalise": node.settings.normalise != nil
                case "Min", "Max": if case .goalposts? = node.settings.normalise { true } else { false }
                case "Transform": node.settings.transform != nil
                case "Aggregate": node.settings.aggregate != nil
                case "iName_vi": node.name.vi != nil
                case "Description": node.description != nil
                case "Source": node.source != nil
                case "Notes": node.notes != nil
                default: true
                }
            }
        }
        let columns = TableReader.columns.filter(used)
        var out = columns.joined(separator: ",") + "\n"
        for i in order {
            let node = set.nodes[i]
            let isDenominator = types[i] == "Denominator"
            var cells: [String: String] = [
                "Level": isDenominator ? "" : String(level[i]), "iCode": node.id, "iName": node.name.en ?? "",
                "Weight": isDenominator ? "" : Wording.number(node.weight), "Unit": node.unit ?? "",
                "Target": node.target.map(Wording.number) ?? "", "Denominator": node.settings.denominate?.by ?? "",
                "Parent": isDenominator ? "" : node.parent.map { set.nodes[$0].id } ?? "", "Type": types[i],
                "iName_vi": node.name.vi ?? "", "Description": node.description ?? "", "Source": node.source ?? "",
                "Notes": node.notes ?? "", "Transform": node.settings.transform?.rawValue ?? "",
                "Aggregate": node.settings.aggregate?.method.rawValue ?? "",
                "Normalise": node.settings.normalise?.methodName ?? "",
            ]
            switch node.settings.direction {
            case .higher?: cells["Direction"] = "1"
            case .lower?: cells["Direction"] = "-1"
            case nil: cells["Direction"] = types[i] == "Aggregate" ? "1" : ""
            }
            if case .goalposts(let lo, let hi)? = node.settings.normalise {
                cells["Min"] = Wording.number(lo)
                cells["Max"] = Wording.number(hi)
            }
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
    static let numberColumns: Set<String> = ["Level", "Direction", "Weight", "Target", "Min", "Max"]

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
