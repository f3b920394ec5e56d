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
        let plain = String(format: "%.\(decimals)f", abs(rounded))
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
