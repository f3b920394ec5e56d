/// The rows a one-row-per-unit chart draws: every ranked unit up to ``limit``; beyond, the
/// highest and the lowest with a gap between them, and a caption saying so (a chart of 3,321
/// bars is neither readable nor quick to write).
struct ChartRows {
    /// Units drawn when a chart shows them all.
    static let limit = 80
    /// Lowest units drawn after the gap.
    static let tail = 10

    /// The rows in drawing order: a unit index, or nil for the gap.
    let rows: [Int?]
    /// Units drawn.
    let shown: Int
    /// Units ranked.
    let total: Int

    /// The rows of `units` (ranked, in rank order).
    init(units: [Int]) {
        total = units.count
        if units.count <= Self.limit {
            rows = units
            shown = units.count
        } else {
            let head = Self.limit - Self.tail
            rows = units.prefix(head).map { Optional($0) } + [nil] + units.suffix(Self.tail).map { Optional($0) }
            shown = head + Self.tail
        }
    }

    /// "The 70 highest and 10 lowest of 3,321 ranked units", or nil when every unit is drawn.
    func caption(_ labels: ReportLabels) -> String? {
        guard shown < total else { return nil }
        return labels.chartRowsCaption(highest: Self.limit - Self.tail, lowest: Self.tail, of: total)
    }
}
