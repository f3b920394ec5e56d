import CityIndexCore
import CityIndexFormats
import Foundation

/// What a number is, which fixes how many decimals it is written with: the one rule for every
/// number of every CSV file, workbook sheet and report.
///
/// | kind | written as | example |
/// | --- | --- | --- |
/// | ``score(precision:)`` | the set's precision; every digit when the set does not round | `75.20` |
/// | ``rank`` | an integer | `17` |
/// | ``simulatedRank`` | an integer or a half (median and percentiles of a simulation's ranks) | `17.5` |
/// | ``coefficient`` | 3 decimals (correlations, Cronbach's alpha, sensitivity indices) | `0.944` |
/// | ``statistic`` | 4 significant digits, trailing zeros dropped (means, standard deviations, skew, eigenvalues) | `102.8`, `0.039` |
/// | ``share`` | a proportion: 4 decimals in tables, a percentage with 1 decimal in text | `0.9912`, `99.1 %` |
/// | ``value`` | as given: an observed value or a parameter of the set (15 significant digits at most in tables, 6 decimals in text) | `126.3` |
///
/// ```swift
/// NumberKind.statistic.cell(18.049999999999955)           // written 18.05
/// NumberKind.simulatedRank.text(17.5, language: .vi)      // "17,5"
/// NumberKind.score(precision: 2).text(75.2, language: .en) // "75.20"
/// ```
public enum NumberKind: Sendable, Hashable {
    /// A score, a score change or a gap between scores: the set's precision, or the number as
    /// computed when the set gives none.
    case score(precision: Int?)
    /// A rank or a count of places: an integer.
    case rank
    /// A median or percentile of ranks over replications: an integer or a half.
    case simulatedRank
    /// A coefficient between −1 and 1 (a correlation, Cronbach's alpha, a sensitivity index): 3 decimals.
    case coefficient
    /// A descriptive statistic in the data's own unit (mean, standard deviation, extremes, skew,
    /// kurtosis, an eigenvalue, a mean rank shift): 4 significant digits, without trailing zeros
    /// (`0.039`, not `0.03900`).
    case statistic
    /// A proportion (0.25 for a quarter): 4 decimals in tables, a percentage with 1 decimal in text.
    case share
    /// A value as given: an observed value or a parameter of the set (a weight, a goalpost), or
    /// one computed from them (a value divided by population): the shortest text that reads
    /// back the value, with at most 15 significant digits (so no binary noise of arithmetic, such
    /// as 0.30000000000000004, is written); in text at most 6 decimals.
    case value

    /// Significant digits of a ``statistic``.
    static let significantDigits = 4

    /// The decimals `x` is written with in tables (CSV files, workbook sheets); nil for the
    /// shortest text that reads back the same value.
    public func decimals(for x: Double) -> Int? {
        switch self {
        case let .score(precision): return precision
        case .rank: return 0
        case .simulatedRank: return Self.isWhole(Self.half(x)) ? 0 : 1
        case .coefficient: return 3
        case .share: return 4
        case .statistic:
            guard x.isFinite, x != 0 else { return 0 }
            let magnitude = Int(floor(log10(abs(x))))
            var d = max(0, Self.significantDigits - 1 - magnitude)
            // 9.99996 rounds up to 10.00: one digit more before the point, one decimal less.
            if abs(Rounding.round(x, decimals: d)) >= pow(10, Double(magnitude + 1)) { d = max(0, d - 1) }
            let r = Rounding.round(x, decimals: d)
            while d > 0 && Rounding.round(r, decimals: d - 1) == r { d -= 1 }
            return d
        case .value: return nil
        }
    }

    /// The decimals of `x` in text: as many as it has, at most 6.
    func textDecimals(for x: Double) -> Int {
        switch self {
        case .score(nil): return 2
        case .value:
            guard x.isFinite else { return 0 }
            var d = 0
            while d < 6 && abs(Rounding.round(x, decimals: d) - x) > 1e-9 * max(1, abs(x)) { d += 1 }
            return d
        default: return decimals(for: x) ?? 0
        }
    }

    /// `x` as a table cell (CSV, workbook): a number with this kind's decimals, rounded half
    /// away from zero as the set rounds its scores (so a mean or a gap reads as in the report);
    /// empty for NaN.
    /// - Complexity: O(1); a score of a set without precision costs nothing more than the cell
    ///   (long tables write millions).
    public func cell(_ x: Double) -> CSVCell {
        guard x.isFinite else { return .empty }
        switch self {
        case .score(nil): return .number(x, decimals: nil)
        case let .score(precision?): return .number(Rounding.round(x, decimals: precision), decimals: precision)
        case .rank: return .integer(Int(x.rounded()))
        case .simulatedRank: return .number(Self.half(x), decimals: decimals(for: x))
        case .value: return .number(Self.significant(x, digits: 15), decimals: nil)
        default: return .number(x, decimals: decimals(for: x))
        }
    }

    /// `x` as a table cell, empty for nil.
    public func cell(_ x: Double?) -> CSVCell { x.map { cell($0) } ?? .empty }

    /// `x` as people read it in `language` (`1.234,5` in Vietnamese, `12,345.6` in English): a
    /// ``share`` as a percentage, `–` for NaN. A score without a precision shows 2 decimals.
    public func text(_ x: Double, language: Language) -> String {
        guard x.isFinite else { return "–" }
        switch self {
        case .share: return DisplayNumber.percent(x, language: language)
        case .simulatedRank: return DisplayNumber.format(Self.half(x), decimals: textDecimals(for: x), language: language)
        default: return DisplayNumber.format(x, decimals: textDecimals(for: x), language: language)
        }
    }

    /// `x` as people read it, `–` for nil.
    public func text(_ x: Double?, language: Language) -> String {
        x.map { text($0, language: language) } ?? "–"
    }

    /// `x` with at most `digits` significant digits.
    static func significant(_ x: Double, digits: Int) -> Double {
        guard x.isFinite, x != 0 else { return x }
        return Double(String(format: "%.\(digits)g", x)) ?? x
    }

    /// `x` rounded to the nearest half.
    static func half(_ x: Double) -> Double { (x * 2).rounded() / 2 }

    static func isWhole(_ x: Double) -> Bool { x == x.rounded() }
}
