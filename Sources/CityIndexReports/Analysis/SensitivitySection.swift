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
    /// The language of the text and of unit names.
    public var language: Language

    /// Creates the section.
    public init(result: SensitivityResult, chartFile: String? = "rank-intervals.svg", headingLevel: Int = 2, language: Language = .en) {
        self.result = result
        self.chartFile = chartFile
        self.headingLevel = headingLevel
        self.language = language
    }

    /// The section as Markdown, ending with a line break.
    /// - Complexity: O(units × inputs).
    public var text: String {
        let h = String(repeating: "#", count: max(1, headingLevel))
        let o = result.options
        let vi = language == .vi
        var out = "\(h) " + (vi ? "Độ bất định và độ nhạy của bảng xếp hạng" : "Uncertainty and sensitivity of the ranking") + "\n\n"
        if result.inputs.isEmpty {
            out += vi
                ? "Không khai báo yếu tố bất định nào: mọi lần lặp đều cho lại bảng xếp hạng danh nghĩa.\n\n"
                : "No uncertain input was declared: every replication reproduces the nominal ranking.\n\n"
        } else {
            if vi {
                out += "Mô phỏng Monte Carlo với \(o.runs) lần lặp (hạt giống \(o.seed)); chỉ số độ nhạy theo thiết kế Saltelli "
                out += "với ước lượng Jansen (\(result.evaluations) lần tính chỉ số) và \(o.bootstrap) lần lấy mẫu lại bootstrap "
                out += "cho khoảng 95 %. Các yếu tố bất định:\n\n"
            } else {
                out += "Monte Carlo over \(o.runs) replications (seed \(o.seed)); the sensitivity indices use the "
                out += "Saltelli design with Jansen's estimators (\(result.evaluations) evaluations of the index) and "
                out += "\(o.bootstrap) bootstrap resamples for their 95 % intervals. Uncertain inputs:\n\n"
            }
            for input in result.inputs {
                out += "- \(inputName(input)): \(Markdown.inline(level(input)))\n"
            }
            out += "\n"
        }
        if let chartFile { out += "![\(vi ? "Khoảng hạng" : "Rank intervals")](\(chartFile))\n\n" }
        var table = MarkdownTable(
            header: vi
                ? ["hạng danh nghĩa", "đơn vị", "điểm", "hạng trung vị", "bách phân vị 5–95", "|dịch chuyển| trung bình"]
                : ["nominal rank", "unit", "score", "median rank", "5th–95th percentile", "mean |shift|"],
            alignments: [.right, .left, .right, .right, .center, .right])
        for r in result.intervals {
            table.append([
                String(r.nominalRank), r.unit.name(in: language), number(r.nominalScore, 2), number(r.medianRank, 1),
                "\(number(r.lowRank, 1))–\(number(r.highRank, 1))", number(r.meanAbsoluteShift, 2),
            ])
        }
        out += table.text + "\n"
        out += driversText
        let overall = result.overallIndices
        if !overall.isEmpty {
            out += vi
                ? "Chỉ số độ nhạy của mức dịch chuyển hạng tuyệt đối trung bình (bậc một S_i: phần phương sai do riêng yếu tố đó; "
                    + "toàn phần S_Ti: kể cả tương tác):\n\n"
                : "Sensitivity indices of the mean absolute rank shift (first order S_i: the share of its variance due to the input alone; "
                    + "total S_Ti: including interactions):\n\n"
            let interval = vi ? "khoảng 95 %" : "95 % interval"
            var indices = MarkdownTable(
                header: [vi ? "yếu tố" : "input", "S_i", interval, "S_Ti", interval], alignments: [.left, .right, .center, .right, .center])
            let to = vi ? "đến" : "to"
            for s in overall {
                indices.append([
                    inputName(s.input), number(s.first, 3), "\(number(s.firstLow, 3)) \(to) \(number(s.firstHigh, 3))",
                    number(s.total, 3), "\(number(s.totalLow, 3)) \(to) \(number(s.totalHigh, 3))",
                ])
            }
            out += indices.text + "\n"
            out += vi
                ? "Chỉ số độ nhạy của hạng từng đơn vị có trong `sensitivity-indices.csv`.\n"
                : "Indices of each unit's rank are in `sensitivity-indices.csv`.\n"
        }
        return out
    }

    /// `x` with `decimals` places in the section's language.
    private func number(_ x: Double, _ decimals: Int) -> String {
        DisplayNumber.format(x, decimals: decimals, language: language)
    }

    /// The input's name in the section's language.
    private func inputName(_ input: UncertainInput) -> String {
        guard language == .vi else { return input.rawValue }
        switch input {
        case .weights: return "trọng số"
        case .normalisation: return "chuẩn hoá"
        case .aggregation: return "tổng hợp"
        case .imputation: return "bổ khuyết"
        case .leaveOut: return "bỏ bớt"
        }
    }

    /// What the input could take, in the section's language.
    private func level(_ input: UncertainInput) -> String {
        let english = result.inputLevels[input] ?? ""
        guard language == .vi else { return english }
        let o = result.options
        switch input {
        case .weights:
            if let a = o.dirichletConcentration { return "phân phối Dirichlet quanh trọng số danh nghĩa, độ tập trung \(a) mỗi nhánh" }
            return "mỗi trọng số phân phối đều trong khoảng ±\(SensitivityAnalysis.trimmed((o.weightSpread ?? 0) * 100)) % quanh giá trị danh nghĩa"
        case .imputation: return "theo bộ tiêu chí, hoặc không bổ khuyết"
        case .leaveOut: return "không bỏ, hoặc bỏ một " + (o.leaveOut == .pillar ? "trụ cột" : "chỉ tiêu")
        case .normalisation, .aggregation: return english
        }
    }

    /// A number with fixed decimals, `–` for NaN.
    static func number(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return "–" }
        let s = String(format: "%.\(decimals)f", x)
        return s.hasPrefix("-") && Double(s) == 0 ? String(s.dropFirst()) : s
    }
}
