import CityIndexCore

extension ReportLabels {
    /// How equal scores share ranks, with an example (`competition (1, 2, 2, 4)`).
    func ties(_ t: TieMethod) -> String {
        switch t {
        case .competition: pick("competition (1, 2, 2, 4)", "kiểu thi đấu (1, 2, 2, 4)")
        case .dense: pick("dense (1, 2, 2, 3)", "liên tiếp (1, 2, 2, 3)")
        case .ordinal: pick("ordinal, by unit code (1, 2, 3, 4)", "theo thứ tự mã đơn vị (1, 2, 3, 4)")
        }
    }

    /// Which values screening counts.
    func screenBasis(_ b: ScreenStep.Basis) -> String {
        switch b {
        case .raw: pick("counted before imputation", "tính trước khi ước tính bổ sung")
        case .imputed: pick("imputed values counted", "kể cả giá trị ước tính bổ sung")
        }
    }

    /// What an aggregate does when children are missing.
    func missing(_ m: AggregateStep.Missing) -> String {
        switch m {
        case .reweight: pick("missing children: weights re-normalised", "thiếu thành phần: chia lại trọng số")
        case .zero: pick("missing children count as 0", "thành phần thiếu tính bằng 0")
        case .fail: pick("no score when a child is missing", "không có điểm khi thiếu thành phần")
        }
    }

    /// `out of 1000`: the total a sum of points is divided by.
    func outOf(_ total: String) -> String { pick("out of \(total)", "trên tổng \(total)") }

    /// A grouping method in a word or two (`quartiles`).
    func groupsMethodName(_ m: PerformanceGroupMethod) -> String {
        switch m {
        case .quartiles: pick("quartiles", "tứ phân vị")
        case .papi: pick("PAPI-style", "kiểu PAPI")
        case .bands: pick("named bands", "các mức")
        }
    }

    /// An imputation over time in a few words.
    func impute(_ t: TimeImputation) -> String {
        switch t {
        case let .carryForward(n): pick("carry the latest earlier value forward (at most \(n) period(s) back)", "lấy giá trị gần nhất của kỳ trước (lùi tối đa \(n) kỳ)")
        case .interpolate: pick("interpolate between the nearest earlier and later values", "nội suy giữa giá trị gần nhất trước và sau")
        }
    }

    /// The word for the logarithm fallback and treatment.
    var logarithm: String { pick("log", "lấy logarit") }

    /// Yes or no, for a table cell.
    func yesNo(_ b: Bool) -> String { b ? pick("yes", "có") : pick("no", "không") }

    /// What a node of the tree is: the index, an aggregate, an indicator.
    func nodeKind(index: Bool, indicator: Bool) -> String {
        index ? pick("index", "chỉ số") : indicator ? pick("indicator", "chỉ tiêu") : pick("aggregate", "nhóm tổng hợp")
    }
}
