/// For each period, the greatest key stored in its table (``ValueTable``; before the import, or
/// written since by its ordered path) and the keys that path wrote: what lets an import write
/// a value at once, without looking it up.
///
/// Each period's table is keyed (period, unit, indicator). A value whose (unit, indicator) is
/// above every key of its period cannot be stored yet, so it is written as new without a
/// lookup; SQLite appends it to its period's table. A file in period order, and a panel exported
/// unit by unit (each period's keys increasing, the periods interleaved), both take this path
/// for every value.
struct PeriodTails {
    /// A key of a period's table without its period.
    typealias Tail = (unit: Int64, indicator: Int64)

    /// Periods are indexed by id up to this bound; a value of a period with a larger id is held.
    static let periodBound: Int64 = 1 << 16

    /// The greatest (unit, indicator) of each period id; `(.min, .min)` for a period without values.
    private var tails: [Tail] = []
    /// The packed keys (``ObservationWriter``'s) written by the ordered path, by period id, increasing.
    private var written: [[UInt64]] = []

    /// Whether the table held no value when the import began.
    let startedEmpty: Bool

    /// Reads the greatest key of each stored period from its table (`tables`: the ids of the
    /// periods that have one, ``ValueTable/periodIDs(in:)``).
    init(database: Database, tables: [Int64]) throws {
        var empty = true
        var stored: [(period: Int64, tail: Tail)] = []
        for period in tables {
            let greatest = try database.makeStatement(
                "SELECT unit_id, indicator_id FROM " + ValueTable(periodID: period).name
                    + " WHERE period_id = ? ORDER BY unit_id DESC, indicator_id DESC LIMIT 1")
            guard let tail = try greatest.fetchOne(arguments: [.integer(period)], { (try $0.int64(at: 0), try $0.int64(at: 1)) })
            else { continue }
            empty = false
            if period >= 0, period < Self.periodBound { stored.append((period, tail)) }
        }
        startedEmpty = empty
        for (period, tail) in stored {
            grow(to: period)
            tails[Int(period)] = tail
        }
    }

    private mutating func grow(to period: Int64) {
        while tails.count <= Int(period) {
            tails.append((.min, .min))
            written.append([])
        }
    }

    /// Whether (`unit`, `indicator`) is above every key of `period`; if so it becomes the
    /// period's greatest, `packed` (when given) is recorded as written, and the caller must
    /// write the value.
    @inline(__always)
    mutating func advance(period: Int64, unit: Int64, indicator: Int64, packed: UInt64?) -> Bool {
        guard period >= 0, period < Self.periodBound else { return false }
        let p = Int(period)
        if p >= tails.count { grow(to: period) }
        guard (unit, indicator) > tails[p] else { return false }
        tails[p] = (unit, indicator)
        if let packed { written[p].append(packed) }
        return true
    }

    /// Whether the ordered path wrote the key `packed` of `period` in this import.
    func wrote(_ packed: UInt64, period: Int64) -> Bool {
        guard period >= 0, Int(period) < written.count else { return false }
        let keys = written[Int(period)]
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < packed { lo = mid + 1 } else { hi = mid }
        }
        return lo < keys.count && keys[lo] == packed
    }
}
