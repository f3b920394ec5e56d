import CityIndexAnalysis
import CityIndexCore
import Foundation

/// The Markdown section of a statistical audit: indicator statistics with flags, the flagged
/// correlations, and reliability per pillar, in the report language.
///
/// ```swift
/// let text = AuditSection(result: audit, language: .vi).text
/// ```
public struct AuditSection: Sendable {
    /// The audit reported.
    public var result: AuditResult
    /// The heading level (2: `##`).
    public var headingLevel: Int
    /// The language of the text and of the numbers.
    public var language: Language

    /// Creates the section.
    public init(result: AuditResult, headingLevel: Int = 2, language: Language = .en) {
        self.result = result
        self.headingLevel = headingLevel
        self.language = language
    }

    private var labels: ReportLabels { ReportLabels(language: language) }
    private func pick(_ en: String, _ vi: String) -> String { labels.pick(en, vi) }
    private func number(_ kind: NumberKind, _ x: Double) -> String { kind.text(x, language: language) }

    /// The section as Markdown, ending with a line break.
    /// - Complexity: O(indicators + correlations).
    public var text: String {
        let h = String(repeating: "#", count: max(1, headingLevel))
        var out = "\(h) " + pick("Statistical audit", "Kiểm định thống kê") + "\n\n"
        out += pick(
            "Over the \(result.units) units ranked. Statistics use the values after denomination, before imputation and treatment; skew and kurtosis are those of the treatment step (Excel SKEW, KURT). Correlations, Cronbach's alpha and the first principal component use the normalised scores.",
            "Trên \(result.units) đơn vị được xếp hạng. Các thống kê dùng giá trị sau khi chia theo mẫu số, trước khi ước tính bổ sung và xử lý ngoại lai; hệ số bất đối xứng và độ nhọn tính như bước xử lý ngoại lai (hàm SKEW, KURT của Excel). Hệ số tương quan, hệ số alpha Cronbach và thành phần chính thứ nhất tính trên điểm đã chuẩn hóa.") + "\n\n"
        out += "\(h)# " + pick("Indicators", "Chỉ tiêu") + "\n\n"
        var table = MarkdownTable(
            header: pick("indicator|pillar|n|missing|mean|sd|min|max|skew|kurtosis|outliers|flags",
                "chỉ tiêu|trụ cột|n|thiếu|trung bình|độ lệch chuẩn|nhỏ nhất|lớn nhất|bất đối xứng|độ nhọn|ngoại lai|ghi chú")
                .split(separator: "|").map(String.init),
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right, .left])
        for s in result.indicators {
            table.append([
                code(s.indicator), code(s.pillar), String(s.count), number(.share, s.missingShare), number(.statistic, s.mean),
                number(.statistic, s.standardDeviation), number(.statistic, s.minimum), number(.statistic, s.maximum),
                number(.statistic, s.skewness), number(.statistic, s.kurtosis), String(s.outliersLow + s.outliersHigh),
                s.flags.map(flag).joined(separator: ", "),
            ])
        }
        out += table.text + "\n"
        out += "\(h)# " + pick("Pillars", "Trụ cột") + "\n\n"
        var pillars = MarkdownTable(
            header: pick("pillar|indicators|complete units|Cronbach's alpha|PC1 share of variance",
                "trụ cột|số chỉ tiêu|số đơn vị đủ dữ liệu|hệ số alpha Cronbach|tỷ lệ phương sai của thành phần chính thứ nhất")
                .split(separator: "|").map(String.init),
            alignments: [.left, .right, .right, .right, .right])
        for p in result.pillars {
            pillars.append([
                code(p.pillar), String(p.indicators), String(p.completeUnits), number(.coefficient, p.cronbachAlpha),
                number(.share, p.firstComponentShare),
            ])
        }
        out += pillars.text + "\n"
        out += "\(h)# " + pick("Correlations", "Tương quan") + "\n\n"
        let flagged = result.correlations.filter { !$0.flags.isEmpty }
        let threshold = number(.value, result.redundancyThreshold)
        if flagged.isEmpty {
            out += pick(
                "No negative correlation within a pillar and none above \(threshold).",
                "Không có tương quan âm nào trong cùng trụ cột và không có tương quan nào trên \(threshold).") + "\n\n"
        } else {
            out += pick(
                "Flagged pairs within pillars (negative, or above \(threshold): possibly redundant):",
                "Các cặp chỉ tiêu cùng trụ cột cần lưu ý (tương quan âm, hoặc trên \(threshold): có thể trùng lặp):") + "\n\n"
            var c = MarkdownTable(
                header: pick("pillar|indicator|indicator|Pearson|Spearman|flag", "trụ cột|chỉ tiêu|chỉ tiêu|Pearson|Spearman|ghi chú")
                    .split(separator: "|").map(String.init),
                alignments: [.left, .left, .left, .right, .right, .left])
            for r in flagged {
                c.append([
                    code(r.pillar), code(r.first), code(r.second), number(.coefficient, r.pearson), number(.coefficient, r.spearman),
                    r.flags.map(flag).joined(separator: ", "),
                ])
            }
            out += c.text + "\n"
        }
        let up = result.correlations.filter { $0.kind == .pillarToIndex }
        if !up.isEmpty {
            var c = MarkdownTable(
                header: pick("pillar|Pearson with the index|Spearman", "trụ cột|Pearson với chỉ số|Spearman").split(separator: "|").map(String.init),
                alignments: [.left, .right, .right])
            for r in up { c.append([code(r.first), number(.coefficient, r.pearson), number(.coefficient, r.spearman)]) }
            out += c.text + "\n"
        }
        out += pick(
            "Every correlation (within pillars, indicator to pillar, pillar to index) is in `audit-correlations.csv`.",
            "Mọi hệ số tương quan (trong trụ cột, chỉ tiêu với trụ cột, trụ cột với chỉ số) có trong `audit-correlations.csv`.") + "\n"
        return out
    }

    /// An id as Markdown code.
    private func code(_ id: String) -> String { "`\(MarkdownText.code(id))`" }

    /// An audit flag (`skew-kurtosis`, `redundant` …) in the section's language.
    func flag(_ code: String) -> String {
        switch code {
        case "skew-kurtosis": pick("skew and kurtosis", "bất đối xứng và độ nhọn cao")
        case "outliers": pick("outliers", "có ngoại lai")
        case "constant": pick("constant", "không đổi")
        case "missing>20%": pick("more than 20 % missing", "thiếu trên 20 %")
        case "negative": pick("negative", "âm")
        case "redundant": pick("redundant", "trùng lặp")
        default: code
        }
    }
}
