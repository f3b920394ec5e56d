/// A reporting period: a year, a half, a quarter or a month.
///
/// Periods order chronologically within a granularity (`2024-Q4 < 2025-Q1`);
/// across granularities they order by start date, coarser first.
///
/// ```swift
/// let q = try Period(parsing: "2025-Q1")
/// q.previous   // 2024-Q4
/// ```
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The granularity of a period.
    public enum Granularity: Int, Sendable, Hashable, Comparable, CaseIterable {
        case year = 1, half = 2, quarter = 4, month = 12

        /// Number of such periods in one year.
        public var perYear: Int { rawValue }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The calendar year.
    public let year: Int
    /// The granularity.
    public let granularity: Granularity
    /// 1-based index within the year (1 for a year; 1-2 halves; 1-4 quarters; 1-12 months).
    public let index: Int

    /// Creates a period; `index` must lie in `1...granularity.perYear`.
    public init?(year: Int, granularity: Granularity = .year, index: Int = 1) {
        guard (1...granularity.perYear).contains(index), (1000...9999).contains(year) else { return nil }
        self.year = year
        self.granularity = granularity
        self.index = index
    }

    /// A period known to be valid (`index` within its granularity).
    private init(valid year: Int, granularity: Granularity, index: Int) {
        self.year = year
        self.granularity = granularity
        self.index = index
    }

    /// A year period (years outside 1000...9999 are clamped to that range).
    public static func year(_ y: Int) -> Period { Period(valid: min(max(y, 1000), 9999), granularity: .year, index: 1) }

    /// Parses `2024`, `2024-H1`, `2024-Q3` or `2024-07` (case-insensitive, surrounding spaces ignored).
    /// A year written as a decimal (`2024.0`, as spreadsheets export it) is accepted.
    public init?(_ text: String) {
        let t = text.trimmingSpaces.uppercased()
        if t.count == 4, let y = Int(t) {
            self.init(year: y)
            return
        }
        if t.count == 6, t.hasSuffix(".0"), let y = Int(t.dropLast(2)) {
            self.init(year: y)
            return
        }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        let rest = parts[1]
        if rest.first == "Q", let i = Int(rest.dropFirst()) {
            self.init(year: y, granularity: .quarter, index: i)
        } else if rest.first == "H", let i = Int(rest.dropFirst()) {
            self.init(year: y, granularity: .half, index: i)
        } else if rest.count == 2, let i = Int(rest) {
            self.init(year: y, granularity: .month, index: i)
        } else {
            return nil
        }
    }

    /// The canonical text form: `2024`, `2024-H1`, `2024-Q3`, `2024-07`.
    public var description: String {
        switch granularity {
        case .year: return String(year)
        case .half: return "\(year)-H\(index)"
        case .quarter: return "\(year)-Q\(index)"
        case .month: return index < 10 ? "\(year)-0\(index)" : "\(year)-\(index)"
        }
    }

    /// Months since year 0 at the start of the period.
    var startMonth: Int { year * 12 + (index - 1) * (12 / granularity.perYear) }

    /// The period just before this one, at the same granularity.
    public var previous: Period {
        index > 1
            ? Period(valid: year, granularity: granularity, index: index - 1)
            : Period(year: year - 1, granularity: granularity, index: granularity.perYear) ?? self
    }

    /// The period just after this one, at the same granularity.
    public var next: Period {
        index < granularity.perYear
            ? Period(valid: year, granularity: granularity, index: index + 1)
            : Period(year: year + 1, granularity: granularity, index: 1) ?? self
    }

    /// The year that contains this period.
    public var containingYear: Period { .year(year) }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        if lhs.startMonth != rhs.startMonth { return lhs.startMonth < rhs.startMonth }
        return lhs.granularity < rhs.granularity
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

extension Period {
    /// The first day of the period, `YYYY-MM-DD` (ISO dates compare as text).
    public var firstDay: String {
        let month = (index - 1) * (12 / granularity.perYear) + 1
        return "\(year)-\(month < 10 ? "0" : "")\(month)-01"
    }

    /// The last day of the period, `YYYY-MM-DD`.
    public var lastDay: String {
        let month = index * (12 / granularity.perYear)
        let days = [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(days[month - 1])"
    }
}
