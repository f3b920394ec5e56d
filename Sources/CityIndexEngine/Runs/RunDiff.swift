import CityIndexCore
import CityIndexStore

/// What differs between two stored runs: every (period, unit, node) whose score or rank changed.
public struct RunDiff {
    public struct Row {
        public var period: Period
        public var unit: String
        public var node: String
        public var oldScore: Double?
        public var newScore: Double?
        public var oldRank: Int?
        public var newRank: Int?
    }

    public let rows: [Row]
    public let summary: String

    public init(old: RunRecord, new: RunRecord) {
        struct Key: Hashable { let period: Period, unit: String, node: String }
        let before = Dictionary(old.results.map { (Key(period: $0.period, unit: $0.unit, node: $0.node), $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.results.map { (Key(period: $0.period, unit: $0.unit, node: $0.node), $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [Row] = []
        for key in Set(before.keys).union(after.keys) {
            let a = before[key], b = after[key]
            guard a?.score != b?.score || a?.rank != b?.rank else { continue }
            rows.append(Row(period: key.period, unit: key.unit, node: key.node, oldScore: a?.score, newScore: b?.score, oldRank: a?.rank, newRank: b?.rank))
        }
        self.rows = rows.sorted { ($0.period, $0.unit, $0.node) < ($1.period, $1.unit, $1.node) }
        var notes: [String] = []
        if old.criteriaSHA256 != new.criteriaSHA256 { notes.append("the criteria set changed") }
        if old.dataSHA256 != new.dataSHA256 { notes.append("the data changed") }
        if notes.isEmpty { notes.append("same criteria set and data") }
        summary = "runs \(old.id ?? 0) → \(new.id ?? 0): \(notes.joined(separator: ", ")); \(rows.count) score(s) or rank(s) differ"
    }
}
