/// The targets given beside a criteria set (a targets file): for each indicator, a target for
/// every unit and period, or for one unit, one period, or both.
///
/// Look-up takes the most specific entry that applies: unit and period, then unit, then period,
/// then the indicator's general target.
///
/// ```swift
/// let table = TargetTable(file: "targets.csv", entries: entries)
/// table.entry(indicator: "EC.ICT.ICT.1C", unit: karmoy, period: .year(2020))?.target
/// ```
public struct TargetTable: Sendable, Hashable {
    /// The file the entries were read from, nil when there is none.
    public var file: String?
    /// The entries in file order.
    public private(set) var entries: [TargetEntry]
    private var byIndicator: [String: [Int]]

    /// Creates a table; entries with equal keys should have been refused by the reader.
    public init(file: String? = nil, entries: [TargetEntry] = []) {
        self.file = file
        self.entries = entries
        var index: [String: [Int]] = [:]
        for (k, e) in entries.enumerated() { index[e.indicator, default: []].append(k) }
        byIndicator = index
    }

    /// Whether the table holds no entry.
    public var isEmpty: Bool { entries.isEmpty }

    /// The index in ``entries`` of the most specific entry for `indicator` that applies to
    /// `unit` in `period`, nil when none does.
    /// - Complexity: O(entries of the indicator).
    public func entryIndex(indicator: String, unit: UnitInfo, period: Period) -> Int? {
        var best: Int?
        for k in byIndicator[indicator] ?? [] where entries[k].applies(to: unit, in: period) {
            if best.map({ entries[k].specificity > entries[$0].specificity }) ?? true { best = k }
        }
        return best
    }

    /// The most specific entry for `indicator` that applies to `unit` in `period`.
    public func entry(indicator: String, unit: UnitInfo, period: Period) -> TargetEntry? {
        entryIndex(indicator: indicator, unit: unit, period: period).map { entries[$0] }
    }
}
