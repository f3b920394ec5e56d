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
            let runs = count(o.runs), evaluations = count(result.evaluations), resamples = count(o.bootstrap)
            if vi {
                out += "Mô phỏng Monte Carlo với \(runs) lần lặp (hạt giống \(o.seed)); chỉ số độ nhạy theo thiết kế Saltelli "
                out += "với ước lượng Jansen (\(evaluations) lần tính chỉ số) và \(resamples) lần lấy mẫu lại bootstrap "
                out += "cho khoảng 95 %. Các yếu tố bất định:\n\n"
            } else {
                out += "Monte Carlo over \(runs) replications (seed \(o.seed)); the sensitivity indices use the "
                out += "Saltelli design with Jansen's estimators (\(evaluations) evaluations of the index) and "
                out += "\(resamples) bootstrap resamples for their 95 % intervals. Uncertain inputs:\n\n"
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
        let score = NumberKind.score(precision: result.precision)
        for r in result.intervals {
            table.append([
                String(r.nominalRank), r.unit.name(in: language), score.text(r.nominalScore, language: language), rank(r.medianRank),
                "\(rank(r.lowRank))–\(rank(r.highRank))", NumberKind.statistic.text(r.meanAbsoluteShift, language: language),
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
                    inputName(s.input), coefficient(s.first), "\(coefficient(s.firstLow)) \(to) \(coefficient(s.firstHigh))",
                    coefficient(s.total), "\(coefficient(s.totalLow)) \(to) \(coefficient(s.totalHigh))",
                ])
            }
            out += indices.text + "\n"
            out += vi
                ? "Chỉ số độ nhạy của hạng từng đơn vị có trong `sensitivity-indices.csv`.\n"
                : "Indices of each unit's rank are in `sensitivity-indices.csv`.\n"
        }
        return out
    }

    /// A median or percentile rank: a rank or a half (`17,5`).
    private func rank(_ x: Double) -> String { NumberKind.simulatedRank.text(x, language: language) }

    /// A sensitivity index: 3 decimals.
    private func coefficient(_ x: Double) -> String { NumberKind.coefficient.text(x, language: language) }

    /// A count (`1.000` lần lặp, `1,000` replications).
    private func count(_ n: Int) -> String { DisplayNumber.format(Double(n), decimals: 0, language: language) }

    private var labels: ReportLabels { ReportLabels(language: language) }

    /// The input's name in the section's language.
    private func inputName(_ input: UncertainInput) -> String {
        guard language == .vi else { return input.rawValue }
        switch input {
        case .weights: return "trọng số"
        case .normalisation: return "chuẩn hóa"
        case .aggregation: return "tổng hợp"
        case .imputation: return "ước tính bổ sung"
        case .leaveOut: return "bỏ bớt"
        }
    }

    /// A normalisation alternative in the section's language.
    private func name(_ n: NormalisationChoice) -> String {
        switch n {
        case .asSet: labels.pick("as the set says", "theo bộ tiêu chí")
        case .minMax: "min-max"
        case .zScore: "z-score"
        case .rank: labels.pick("rank", "thứ hạng")
        }
    }

    /// An aggregation alternative in the section's language.
    private func name(_ a: AggregationChoice) -> String {
        switch a {
        case .asSet: labels.pick("as the set says", "theo bộ tiêu chí")
        case .arithmetic: labels.aggregateName(.arithmetic)
        case .geometric: labels.aggregateName(.geometric)
        }
    }

    /// What the input could take, in the section's language.
    private func level(_ input: UncertainInput) -> String {
        let english = result.inputLevels[input] ?? ""
        guard language == .vi else { return english }
        let o = result.options
        switch input {
        case .weights:
            if let a = o.dirichletConcentration {
                return "phân phối Dirichlet quanh trọng số danh nghĩa, độ tập trung \(NumberKind.value.text(a, language: language)) mỗi nhánh"
            }
            return "mỗi trọng số phân phối đều trong khoảng ±\(NumberKind.value.text((o.weightSpread ?? 0) * 100, language: language)) % quanh giá trị danh nghĩa"
        case .imputation: return "theo bộ tiêu chí, hoặc không ước tính bổ sung"
        case .leaveOut: return "không bỏ, hoặc bỏ một " + (o.leaveOut == .pillar ? "trụ cột" : "chỉ tiêu")
        case .normalisation: return o.normalisations.map(name).joined(separator: ", ")
        case .aggregation: return o.aggregations.map(name).joined(separator: ", ")
        }
    }
}
