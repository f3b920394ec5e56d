import CityIndexAnalysis
import CityIndexCore

/// The words that explain a wide rank interval by the input that drives it.
extension ReportLabels {
    func wideIntervalsIntro(places: Int) -> String {
        pick(
            "Wide intervals (spanning \(places) places or more) and what drives them: the uncertain input with the largest total index S_Ti of the unit's rank, and the replication in which it ranks worst.",
            "Các khoảng hạng rộng (từ \(places) bậc trở lên) và yếu tố gây ra: yếu tố bất định có chỉ số toàn phần S_Ti lớn nhất đối với hạng của đơn vị, và lần lặp mà đơn vị có hạng thấp nhất.")
    }

    /// The input as the subject of "mostly …".
    func driverInput(_ input: UncertainInput) -> String {
        switch input {
        case .weights: pick("the weights", "trọng số")
        case .normalisation: pick("the normalisation", "phương pháp chuẩn hóa")
        case .aggregation: pick("the aggregation", "phương pháp tổng hợp")
        case .imputation: pick("the imputation", "việc ước tính bổ sung")
        case .leaveOut: pick("what is left out", "việc bỏ bớt")
        }
    }

    func mostly(_ input: String, total: String) -> String { pick("mostly \(input) (S_Ti \(total))", "chủ yếu do \(input) (S_Ti \(total))") }

    func worstRank(_ rank: Int) -> String { pick("its worst rank, \(rank), comes", "hạng thấp nhất, \(rank), xảy ra") }

    /// The choice of `input` in the worst replication (`under the geometric alternative`).
    func worstChoice(_ input: UncertainInput, of d: RankIntervalDriver) -> String? {
        switch input {
        case .aggregation:
            switch d.aggregation {
            case .geometric?: return pick("under the geometric alternative", "với phương án trung bình nhân")
            case .arithmetic?: return pick("under the arithmetic alternative", "với phương án trung bình cộng")
            case .asSet?: return pick("under the set's own aggregation", "với cách tổng hợp của bộ tiêu chí")
            case nil: return nil
            }
        case .normalisation:
            guard let n = d.normalisation else { return nil }
            return n == .asSet
                ? pick("under the set's own normalisation", "với cách chuẩn hóa của bộ tiêu chí")
                : pick("under the \(n.rawValue) normalisation", "với chuẩn hóa \(n.rawValue)")
        case .imputation:
            guard let imputed = d.imputation else { return nil }
            return imputed ? pick("with the set's imputation", "khi ước tính bổ sung theo bộ tiêu chí") : pick("without imputation", "khi không ước tính bổ sung")
        case .leaveOut:
            guard let node = d.leftOut else { return pick("with nothing left out", "khi không bỏ bớt gì") }
            return pick("with \(node.text(in: .en, fallback: "")) left out", "khi bỏ \(node.text(in: .vi, fallback: ""))")
        case .weights:
            return pick("with the weights drawn there", "với bộ trọng số rút ở lần lặp đó")
        }
    }

    func flooredIndicators(_ count: Int, _ names: String) -> String {
        pick(
            count == 1
                ? "where an indicator scoring 0 or less is raised to the floor of the geometric mean: \(names)"
                : "where \(count) indicators scoring 0 or less are raised to the floor of the geometric mean: \(names)",
            "khi \(count) chỉ tiêu có điểm bằng 0 hoặc thấp hơn bị nâng lên mức sàn của trung bình nhân: \(names)")
    }
}
