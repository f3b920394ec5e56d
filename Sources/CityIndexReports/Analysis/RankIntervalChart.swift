import CityIndexAnalysis
import CityIndexCore
import Foundation

/// The rank-interval chart of a sensitivity run as a self-contained SVG: one row per unit in
/// nominal rank order, a bar from the 5th to the 95th percentile rank, a dot at the median and
/// a tick at the nominal rank. Text is escaped; the font is the viewer's generic sans-serif.
///
/// ```swift
/// let svg = RankIntervalChart(result: sensitivity, language: .vi).svg
/// ```
public struct RankIntervalChart: Sendable {
    /// The run drawn.
    public var result: SensitivityResult
    /// The language of the labels, the unit names and the numbers.
    public var language: Language

    /// Creates the chart.
    public init(result: SensitivityResult, language: Language = .en) {
        self.result = result
        self.language = language
    }

    /// The SVG document.
    /// - Complexity: O(units).
    public var svg: String {
        let rows = result.intervals
        let runs = DisplayNumber.format(Double(result.options.runs), decimals: 0, language: language)
        let count = max(rows.count, 1)
        let rowHeight = 16.0, top = 40.0, left = 190.0, plotWidth = 520.0, right = 30.0
        let height = top + rowHeight * Double(count) + 40
        let width = left + plotWidth + right
        func x(_ rank: Double) -> Double {
            count > 1 ? left + (rank - 1) / Double(count - 1) * plotWidth : left + plotWidth / 2
        }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let labels = ReportLabels(language: language)
        let setName = result.criteriaName.text(in: language, fallback: result.criteriaID)
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="sans-serif" font-size="11">
            <title>\(Self.escape(labels.pick("Rank intervals", "Khoảng hạng") + ": \(setName) \(result.period)"))</title>
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="\(f(left))" y="18" font-size="13" font-weight="bold">\(Self.escape(labels.pick("Rank: nominal (|), median (●), 5th–95th percentile (bar)", "Hạng: danh nghĩa (|), trung vị (●), bách phân vị 5–95 (thanh)")))</text>

            """
        let ticks = Self.ticks(count: count)
        for t in ticks {
            out += "<line x1=\"\(f(x(Double(t))))\" y1=\"\(f(top - 6))\" x2=\"\(f(x(Double(t))))\" y2=\"\(f(top + rowHeight * Double(count)))\" stroke=\"#dddddd\"/>\n"
            out += "<text x=\"\(f(x(Double(t))))\" y=\"\(f(top - 10))\" text-anchor=\"middle\" fill=\"#555555\">\(t)</text>\n"
        }
        for (k, r) in rows.enumerated() {
            let y = top + rowHeight * Double(k) + rowHeight / 2
            let name = r.unit.name(in: language)
            out += "<text x=\"\(f(left - 8))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(Self.escape("\(r.nominalRank). \(name)"))</text>\n"
            out += "<line x1=\"\(f(x(r.lowRank)))\" y1=\"\(f(y))\" x2=\"\(f(x(r.highRank)))\" y2=\"\(f(y))\" stroke=\"#6f9fd8\" stroke-width=\"6\" stroke-linecap=\"round\"/>\n"
            out += "<line x1=\"\(f(x(Double(r.nominalRank))))\" y1=\"\(f(y - 6))\" x2=\"\(f(x(Double(r.nominalRank))))\" y2=\"\(f(y + 6))\" stroke=\"#222222\" stroke-width=\"2\"/>\n"
            out += "<circle cx=\"\(f(x(r.medianRank)))\" cy=\"\(f(y))\" r=\"3.5\" fill=\"#c0392b\"/>\n"
        }
        out += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 12))\" text-anchor=\"middle\" fill=\"#555555\">\(Self.escape(labels.pick("rank (1 = best), \(runs) replications, seed \(result.options.seed)", "hạng (1 = cao nhất), \(runs) lần lặp, hạt giống \(result.options.seed)")))</text>\n"
        out += "</svg>\n"
        return out
    }

    /// Tick ranks: 1, then round steps up to `count`.
    static func ticks(count: Int) -> [Int] {
        let step = count <= 10 ? 1 : count <= 30 ? 5 : count <= 80 ? 10 : 25
        var out = [1]
        var t = step
        while t <= count {
            if t > 1 { out.append(t) }
            t += step
        }
        return out
    }

    /// Text made safe for SVG character data and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters are not allowed in XML 1.0.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
