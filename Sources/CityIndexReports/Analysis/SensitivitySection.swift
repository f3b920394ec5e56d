import CityIndexAnalysis
import CityIndexCore
import Foundation

/// The Markdown section of a sensitivity run: what was uncertain, each unit's rank interval
/// (with a link to the rank-interval chart) and the sensitivity indices of the ranking.
///
/// ```swift
/// let text = SensitivitySection(result: run, chartFile: "rank-intervals.svg").text
/// ```
public struct SensitivitySection: Sendable {
    /// The run reported.
    public var result: SensitivityResult
    /// The chart's file name relative to the Markdown file, nil for no link.
    public var chartFile: String?
    /// The heading level (2: `##`).
    public var headingLevel: Int

    /// Creates the section.
    public init(result: SensitivityResult, chartFile: String? = "rank-intervals.svg", headingLevel: Int = 2) {
        self.result = result
        self.chartFile = chartFile
        self.headingLevel = headingLevel
    }

    /// The section as Markdown, ending with a line break.
    /// - Complexity: O(units × inputs).
    public var text: String {
        let h = String(repeating: "#", count: max(1, headingLevel))
        let o = result.options
        var out = "\(h) Uncertainty and sensitivity of the ranking\n\n"
        if result.inputs.isEmpty {
            out += "No uncertain input was declared: every replication reproduces the nominal ranking.\n\n"
        } else {
            out += "Monte Carlo over \(o.runs) replications (seed \(o.seed)); the sensitivity indices use the "
            out += "Saltelli design with Jansen's estimators (\(result.evaluations) evaluations of the index) and "
            out += "\(o.bootstrap) bootstrap resamples for their 95 % intervals. Uncertain inputs:\n\n"
            for input in result.inputs {
                out += "- \(input.rawValue): \(Markdown.inline(result.inputLevels[input] ?? ""))\n"
            }
            out += "\n"
        }
        if let chartFile { out += "![Rank intervals](\(chartFile))\n\n" }
        var table = MarkdownTable(
            header: ["nominal rank", "unit", "score", "median rank", "5th–95th percentile", "mean |shift|"],
            alignments: [.right, .left, .right, .right, .center, .right])
        for r in result.intervals {
            table.append([
                String(r.nominalRank), r.unit.nameEN ?? r.unit.name, Self.number(r.nominalScore, 2), Self.number(r.medianRank, 1),
                "\(Self.number(r.lowRank, 1))–\(Self.number(r.highRank, 1))", Self.number(r.meanAbsoluteShift, 2),
            ])
        }
        out += table.text + "\n"
        let overall = result.overallIndices
        if !overall.isEmpty {
            out += "Sensitivity indices of the mean absolute rank shift (first order S_i: the share of its variance due to the input alone; "
            out += "total S_Ti: including interactions):\n\n"
            var indices = MarkdownTable(header: ["input", "S_i", "95 % interval", "S_Ti", "95 % interval"], alignments: [.left, .right, .center, .right, .center])
            for s in overall {
                indices.append([
                    s.input.rawValue, Self.number(s.first, 3), "\(Self.number(s.firstLow, 3)) to \(Self.number(s.firstHigh, 3))",
                    Self.number(s.total, 3), "\(Self.number(s.totalLow, 3)) to \(Self.number(s.totalHigh, 3))",
                ])
            }
            out += indices.text + "\n"
            out += "Indices of each unit's rank are in `sensitivity-indices.csv`.\n"
        }
        return out
    }

    /// A number with fixed decimals, `–` for NaN.
    static func number(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return "–" }
        let s = String(format: "%.\(decimals)f", x)
        return s.hasPrefix("-") && Double(s) == 0 ? String(s.dropFirst()) : s
    }
}
