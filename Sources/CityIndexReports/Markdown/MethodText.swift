import CityIndexCore

/// Steps of the methodology described in a few words, for the appendix, in the report language.
struct MethodText {
    let criteria: CriteriaSet
    let language: Language
    let groups: PerformanceGroupMethod?
    let period: Period

    private func pick(_ en: String, _ vi: String) -> String { language == .en ? en : vi }

    /// A normalisation in a few words (`goalposts 20–85`), in `language`.
    static func normalise(_ n: NormaliseStep, target: Double?, language: Language = .en) -> String {
        MethodText(language: language).normalise(n, target: target)
    }

    /// The steps other than normalisation of one indicator (`÷ population × 100000`, `ln`), in `language`.
    static func otherSteps(_ s: StepSettings, language: Language = .en) -> [String] {
        MethodText(language: language).otherSteps(s)
    }

    /// A describer of single steps (no set needed).
    init(language: Language) {
        self.init(criteria: CriteriaSet(id: "", nodes: []), language: language, groups: nil, period: .year(2000))
    }

    init(criteria: CriteriaSet, language: Language, groups: PerformanceGroupMethod?, period: Period) {
        self.criteria = criteria
        self.language = language
        self.groups = groups
        self.period = period
    }

    /// A parameter as people read it: integers plain, others with up to 6 decimals.
    func number(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return DisplayNumber.format(x, decimals: 0, language: language) }
        var decimals = 1
        while decimals < 6 && abs(Rounding.round(x, decimals: decimals) - x) > 1e-9 * max(1, abs(x)) { decimals += 1 }
        return DisplayNumber.format(x, decimals: decimals, language: language)
    }

    /// Where a target not written in the set comes from.
    private var fromFile: String { pick("(from the targets file)", "(theo tệp mục tiêu)") }

    func normalise(_ n: NormaliseStep, target: Double?) -> String {
        switch n {
        case .minMax: return "min-max"
        case let .goalposts(lo, hi): return pick("goalposts", "ngưỡng") + " \(number(lo))–\(number(hi))"
        case let .target(t): return pick("target", "mục tiêu") + " \((t ?? target).map(number) ?? fromFile)"
        case let .zScore(mean, sd): return "z-score (\(number(mean)) ± \(number(sd)))"
        case .rank: return pick("rank", "thứ hạng")
        case .percentile: return pick("percentile", "bách phân vị")
        case let .bands(basis, t, thresholds, points):
            let of = basis == .target ? pick(" of target ", " so với mục tiêu ") + ((t ?? target).map(number) ?? fromFile) : ""
            return pick("bands", "mức") + "\(of): " + thresholds.map(number).joined(separator: " / ") + " → " + points.map(number).joined(separator: " / ")
        case let .ratio(maxPoints): return pick("ratio × \(number(maxPoints)) points", "tỷ lệ × \(number(maxPoints)) điểm")
        case let .yesNo(maxPoints): return pick("yes-no (\(number(maxPoints)) points)", "có-không (\(number(maxPoints)) điểm)")
        case .none: return pick("none (already a score)", "không (đã là điểm)")
        @unknown default: return n.methodName
        }
    }

    func otherSteps(_ s: StepSettings) -> [String] {
        var steps: [String] = []
        if let r = s.range { steps.append(pick("valid ", "hợp lệ ") + "[" + number(r.min) + pick(", ", "; ") + number(r.max) + "]") }
        if let d = s.denominate { steps.append("÷ \(d.by)" + (d.factor == 1 ? "" : " × \(number(d.factor))")) }
        switch s.impute ?? .none {
        case .none: break
        case let .groupMean(by): steps.append(pick("impute group-mean by \(by)", "ước tính bằng trung bình nhóm theo \(by)"))
        case let other: steps.append(pick("impute ", "ước tính ") + other.methodName)
        }
        switch s.treat ?? .none {
        case .none: break
        case let .winsorise(points, skew, kurtosis, fallback):
            steps.append(pick("winsorise", "winsorise") + " ≤ \(points) " + pick("points", "điểm") + " (|skew| < \(number(skew)) " + pick("or", "hoặc") + " kurtosis < \(number(kurtosis)))" + (fallback == .log ? pick(", else log", ", nếu không thì log") : ""))
        case .log: steps.append("log")
        @unknown default: break
        }
        if let t = s.transform, t != .none { steps.append(t.rawValue) }
        return steps
    }

    /// The methodology's steps in the order they run, each with the parameters this set gives.
    var stepList: [String] {
        let scored = criteria.scoredIndicatorIndices
        let settings = scored.map { criteria.effectiveSettings(of: $0) }
        func count(_ f: (StepSettings) -> Bool) -> Int { settings.filter(f).count }
        func ids(_ f: (StepSettings) -> Bool) -> String {
            let list = zip(scored, settings).filter { f($0.1) }.map { criteria.nodes[$0.0].id }
            return list.count > 6 ? list.prefix(6).joined(separator: ", ") + " …" : list.joined(separator: ", ")
        }
        var out: [String] = []
        out.append(pick("**Select** the observations of period \(period) for the \(scored.count) scored indicators.", "**Chọn** số liệu kỳ \(period) của \(scored.count) chỉ tiêu tính điểm."))
        let denominated = count { $0.denominate != nil }
        out.append(denominated == 0
            ? pick("**Denominate**: none.", "**Chia theo mẫu số**: không có.")
            : pick("**Denominate** \(denominated) indicator(s) (value ÷ denominator × factor): \(ids { $0.denominate != nil }).", "**Chia theo mẫu số** \(denominated) chỉ tiêu (giá trị ÷ mẫu số × hệ số): \(ids { $0.denominate != nil })."))
        let imputing = settings.compactMap { s -> String? in
            if case .none = s.impute ?? .none { return nil }
            return otherSteps(StepSettings(impute: s.impute)).first
        }
        out.append(imputing.isEmpty
            ? pick("**Impute**: none; missing values stay missing.", "**Ước tính bổ sung**: không; giá trị thiếu để trống.")
            : pick("**Impute** missing values (\(imputing.count) indicator(s)): ", "**Ước tính bổ sung** giá trị thiếu (\(imputing.count) chỉ tiêu): ") + Array(Set(imputing)).sorted().joined(separator: "; ") + ".")
        if let screen = criteria.screen {
            out.append(pick("**Screen**: units with less than \(DisplayNumber.percent(screen.minCoverage, language: language)) of the indicators observed (\(screen.basis.rawValue)) are not ranked.", "**Sàng lọc**: đơn vị có dưới \(DisplayNumber.percent(screen.minCoverage, language: language)) số chỉ tiêu có số liệu (\(screen.basis.rawValue)) không được xếp hạng."))
        } else {
            out.append(pick("**Screen**: none; every unit with data is ranked.", "**Sàng lọc**: không; mọi đơn vị có dữ liệu đều được xếp hạng."))
        }
        let treating = settings.compactMap { s -> String? in
            if case .none = s.treat ?? .none { return nil }
            return otherSteps(StepSettings(treat: s.treat)).first
        }
        out.append(treating.isEmpty
            ? pick("**Treat outliers**: none.", "**Xử lý ngoại lai**: không.")
            : pick("**Treat outliers** (\(treating.count) indicator(s)): ", "**Xử lý ngoại lai** (\(treating.count) chỉ tiêu): ") + Array(Set(treating)).sorted().joined(separator: "; ") + ".")
        let transformed = count { ($0.transform ?? .none) != .none }
        out.append(transformed == 0
            ? pick("**Transform**: none.", "**Biến đổi**: không.")
            : pick("**Transform** \(transformed) indicator(s), values and goalposts alike: \(ids { ($0.transform ?? .none) != .none }).", "**Biến đổi** \(transformed) chỉ tiêu, cả giá trị lẫn ngưỡng: \(ids { ($0.transform ?? .none) != .none })."))
        let methods = Array(Set(zip(scored, settings).map { normalise($0.1.normalise ?? .minMax, target: criteria.nodes[$0.0].target) })).sorted()
        out.append(pick("**Normalise** to 0–\(number(criteria.scale)): ", "**Chuẩn hóa** về 0–\(number(criteria.scale)): ") + methods.prefix(6).joined(separator: "; ") + (methods.count > 6 ? " …" : "") + ".")
        let aggregates = criteria.nodes.indices.filter { !criteria.nodes[$0].isIndicator && criteria.isScored($0) }
        let aggregateMethods = Array(Set(aggregates.compactMap { criteria.effectiveSettings(of: $0).aggregate.map { ReportLabels(language: language).aggregateName($0.method) + ($0.over == .indicators ? pick(" over the indicators below each node", " trên các chỉ tiêu bên dưới mỗi nút") : "") } })).sorted()
        out.append(pick("**Aggregate** up the tree (\(aggregates.count) node(s)): ", "**Tổng hợp** lên cây tiêu chí (\(aggregates.count) nút): ") + aggregateMethods.joined(separator: "; ") + ".")
        let rounding = criteria.precision.map { pick("to \($0) decimals", "đến \($0) chữ số thập phân") } ?? pick("not rounded", "không làm tròn")
        out.append(pick("**Round** (\(rounding)) and **rank** at every node; ties: \(criteria.ties.rawValue).", "**Làm tròn** (\(rounding)) và **xếp hạng** ở mọi nút; đồng hạng: \(criteria.ties.rawValue)."))
        if let groups {
            out.append(pick("**Group** units: ", "**Phân nhóm** đơn vị: ") + ReportLabels(language: language).groupsMethod(groups))
        }
        return out
    }
}
