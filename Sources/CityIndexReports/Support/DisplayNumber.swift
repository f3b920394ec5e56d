import CityIndexCore
import Foundation

/// Numbers as people read them: fixed decimals, the language's decimal mark and grouping.
public enum DisplayNumber {
    /// `x` with `decimals` places; in Vietnamese with the decimal comma and the thousands dot
    /// (`1.234,56`), in English with the decimal point and no grouping below 10,000 (`1234.56`, `12,345.6`).
    public static func format(_ x: Double, decimals: Int, language: Language) -> String {
        guard x.isFinite else { return "–" }
        let rounded = Rounding.round(x, decimals: decimals)
        let negative = rounded < 0
        let plain = fixed(abs(rounded), decimals: decimals)
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        let groupSeparator: Character = language == .vi ? "." : ","
        let decimalMark = language == .vi ? "," : "."
        var grouped = integer
        if integer.count > (language == .vi ? 3 : 4) {
            grouped = ""
            for (k, c) in integer.reversed().enumerated() {
                if k > 0 && k % 3 == 0 { grouped.append(groupSeparator) }
                grouped.append(c)
            }
            grouped = String(grouped.reversed())
        }
        let sign = negative ? "−" : ""
        return fraction.isEmpty ? sign + grouped : sign + grouped + decimalMark + fraction
    }

    /// `%.<decimals>f` of `x` ≥ 0, a value already rounded to `decimals` places, in integer
    /// arithmetic: `String(format:)` costs microseconds, and a commune-scale report formats
    /// hundreds of thousands of numbers.
    static func fixed(_ x: Double, decimals: Int) -> String {
        let factor = pow(10, Double(decimals))
        // Within an ulp of an integer: x is the double nearest to k / 10^decimals.
        let scaled = (x * factor).rounded()
        guard x >= 0, (0...15).contains(decimals), scaled < 1e15 else {
            return String(format: "%.\(decimals)f", x)
        }
        let k = Int(scaled), p = Int(factor)
        guard decimals > 0 else { return String(k) }
        let fraction = String(k % p)
        return String(k / p) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// `x` as a percentage with one decimal (`87.5 %`, `87,5 %`).
    public static func percent(_ x: Double, language: Language) -> String {
        format(x * 100, decimals: 1, language: language) + " %"
    }

    /// A signed change (`+3`, `−2`, `0`).
    public static func signed(_ x: Double, decimals: Int, language: Language) -> String {
        let text = format(x, decimals: decimals, language: language)
        return x > 0 && Rounding.round(x, decimals: decimals) > 0 ? "+" + text : text
    }
}
