import CityIndexAnalysis
import CityIndexCore
import Foundation

/// The Markdown section of a statistical audit: indicator statistics with flags, the flagged
/// correlations, and reliability per pillar.
///
/// ```swift
/// let text = AuditSection(result: audit).text
/// ```
public struct AuditSection: Sendable {
    /// The audit reported.
    public var result: AuditResult
    /// The heading level (2: `##`).
    public var headingLevel: Int

    /// Creates the section.
    public init(result: AuditResult, headingLevel: Int = 2) {
        self.result = result
        self.headingLevel = headingLevel
    }

    /// The section as Markdown, ending with a line break.
    /// - Complexity: O(indicators + correlations).
    public var text: String {
        let h = String(repeating: "#", count: max(1, headingLevel))
        let n = SensitivitySection.number
        var out = "\(h) Statistical audit\n\n"
        out += "Over the \(result.units) units ranked. Statistics use the values after denomination, before "
        out += "imputation and treatment; skew and kurtosis are those of the treatment step (Excel SKEW, KURT). "
        out += "Correlations, Cronbach's alpha and the first principal component use the normalised scores.\n\n"
        out += "\(h)# Indicators\n\n"
        var table = MarkdownTable(
            header: ["indicator", "pillar", "n", "missing", "mean", "sd", "min", "max", "skew", "kurtosis", "outliers", "flags"],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right, .left])
        for s in result.indicators {
            table.append([
                s.indicator, s.pillar, String(s.count), n(s.missingShare * 100, 1) + " %", Self.significant(s.mean),
                Self.significant(s.standardDeviation), Self.significant(s.minimum), Self.significant(s.maximum),
                n(s.skewness, 2), n(s.kurtosis, 2), String(s.outliersLow + s.outliersHigh), s.flags.joined(separator: ", "),
            ])
        }
        out += table.text + "\n"
        out += "\(h)# Pillars\n\n"
        var pillars = MarkdownTable(
            header: ["pillar", "indicators", "complete units", "Cronbach's alpha", "PC1 share of variance"],
            alignments: [.left, .right, .right, .right, .right])
        for p in result.pillars {
            pillars.append([p.pillar, String(p.indicators), String(p.completeUnits), n(p.cronbachAlpha, 3), n(p.firstComponentShare * 100, 1) + " %"])
        }
        out += pillars.text + "\n"
        out += "\(h)# Correlations\n\n"
        let flagged = result.correlations.filter { !$0.flags.isEmpty }
        if flagged.isEmpty {
            out += "No negative correlation within a pillar and none above \(n(result.redundancyThreshold, 2)).\n\n"
        } else {
            out += "Flagged pairs within pillars (negative, or above \(n(result.redundancyThreshold, 2)): possibly redundant):\n\n"
            var c = MarkdownTable(header: ["pillar", "indicator", "indicator", "Pearson", "Spearman", "flag"], alignments: [.left, .left, .left, .right, .right, .left])
            for r in flagged { c.append([r.pillar, r.first, r.second, n(r.pearson, 3), n(r.spearman, 3), r.flags.joined(separator: ", ")]) }
            out += c.text + "\n"
        }
        let up = result.correlations.filter { $0.kind == .pillarToIndex }
        if !up.isEmpty {
            var c = MarkdownTable(header: ["pillar", "Pearson with the index", "Spearman"], alignments: [.left, .right, .right])
            for r in up { c.append([r.first, n(r.pearson, 3), n(r.spearman, 3)]) }
            out += c.text + "\n"
        }
        out += "Every correlation (within pillars, indicator to pillar, pillar to index) is in `audit-correlations.csv`.\n"
        return out
    }

    /// Four significant digits, `–` for NaN.
    static func significant(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        return String(format: "%.4g", x)
    }
}
