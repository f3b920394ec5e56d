import CityIndexCore

/// Steps of the methodology described in a few words, for the appendix and the workbook's
/// criteria sheet, in the report language.
struct MethodText {
    let criteria: CriteriaSet
    let language: Language
    let groups: PerformanceGroupMethod?
    let period: Period
    /// Ids as Markdown code (`` `population` ``); false: as plain text (workbook cells).
    var markdown = true

    private var labels: ReportLabels { ReportLabels(language: language) }
    private func pick(_ en: String, _ vi: String) -> String { labels.pick(en, vi) }

    /// A describer of single steps (no set needed); ids as plain text unless `markdown`.
    init(language: Language, markdown: Bool) {
        self.init(criteria: CriteriaSet(id: "", nodes: []), language: language, groups: nil, period: .year(2000))
        self.markdown = markdown
    }

    init(criteria: CriteriaSet, language: Language, groups: PerformanceGroupMethod?, period: Period) {
        self.criteria = criteria
        self.language = language
        self.groups = groups
        self.period = period
    }

    /// An indicator or attribute id as code in Markdown, as it is in plain text.
    func code(_ id: String) -> String { markdown ? "`\(MarkdownText.code(id))`" : id }

    /// A parameter as people read it: integers plain, others with up to 6 decimals.
    func number(_ x: Double) -> String { NumberKind.value.text(x, language: language) }

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

    /// The steps other than normalisation, in the order they run: `÷ population × 100,000`,
    /// imputation, outlier treatment, transformation. Attribute and indicator ids are code.
    func otherSteps(_ s: StepSettings) -> [String] {
        var steps: [String] = []
        if let r = s.range { steps.append(pick("valid ", "hợp lệ ") + "[" + number(r.min) + pick(", ", "; ") + number(r.max) + "]") }
        if let d = s.denominate { steps.append("÷ \(code(d.by))" + (d.factor == 1 ? "" : " × \(number(d.factor))")) }
        if let t = s.imputeOverTime { steps.append(labels.impute(t)) } else if let i = s.impute.flatMap(impute) { steps.append(i) }
        if let t = s.treat, let text = treat(t) { steps.append(text) }
        if let t = s.transform, t != .none { steps.append(t.rawValue) }
        return steps
    }

    /// An imputation in a few words; nil for none.
    func impute(_ i: ImputeStep) -> String? {
        switch i {
        case .none: nil
        case .mean: pick("impute the mean", "ước tính bằng trung bình")
        case .median: pick("impute the median", "ước tính bằng trung vị")
        case let .groupMean(by): pick("impute the mean of the unit's group by \(code(by))", "ước tính bằng trung bình nhóm theo \(code(by))")
        }
    }

    /// An outlier treatment in a few words; nil for none.
    func treat(_ t: TreatStep) -> String? {
        switch t {
        case .none: return nil
        case let .winsorise(points, skew, kurtosis, fallback):
            let rule = pick(
                "winsorise at most \(points) value(s) while |skew| > \(number(skew)) and kurtosis > \(number(kurtosis))",
                "Winsor hóa tối đa \(points) giá trị khi |hệ số bất đối xứng| > \(number(skew)) và độ nhọn > \(number(kurtosis))")
            return rule + (fallback == .log ? pick(", else log", ", nếu chưa đủ thì lấy logarit") : "")
        case .log: return labels.logarithm
        }
    }

    /// The methodology's steps in the order they run, each with the parameters this set gives.
    var stepList: [String] {
        let scored = criteria.scoredIndicatorIndices
        let settings = scored.map { criteria.effectiveSettings(of: $0) }
        func count(_ f: (StepSettings) -> Bool) -> Int { settings.filter(f).count }
        func ids(_ f: (StepSettings) -> Bool) -> String {
            let list = zip(scored, settings).filter { f($0.1) }.map { code(criteria.nodes[$0.0].id) }
            return list.count > 6 ? list.prefix(6).joined(separator: ", ") + " …" : list.joined(separator: ", ")
        }
        var out: [String] = []
        out.append(pick("**Select** the observations of period \(period) for the \(scored.count) scored indicators.", "**Chọn** số liệu kỳ \(period) của \(scored.count) chỉ tiêu tính điểm."))
        let denominated = count { $0.denominate != nil }
        out.append(denominated == 0
            ? pick("**Denominate**: none.", "**Chia theo mẫu số**: không có.")
            : pick("**Denominate** \(denominated) indicator(s) (value ÷ denominator × factor): \(ids { $0.denominate != nil }).", "**Chia theo mẫu số** \(denominated) chỉ tiêu (giá trị ÷ mẫu số × hệ số): \(ids { $0.denominate != nil })."))
        let imputing = settings.compactMap { s -> String? in
            s.imputeOverTime.map(labels.impute) ?? s.impute.flatMap(impute)
        }
        out.append(imputing.isEmpty
            ? pick("**Impute**: none; missing values stay missing.", "**Ước tính bổ sung**: không; giá trị thiếu để trống.")
            : pick("**Impute** missing values (\(imputing.count) indicator(s)): ", "**Ước tính bổ sung** giá trị thiếu (\(imputing.count) chỉ tiêu): ") + Array(Set(imputing)).sorted().joined(separator: "; ") + ".")
        if let screen = criteria.screen {
            let share = DisplayNumber.percent(screen.minCoverage, language: language), basis = labels.screenBasis(screen.basis)
            out.append(pick("**Screen**: units with less than \(share) of the indicators observed (\(basis)) are not ranked.", "**Sàng lọc**: đơn vị có dưới \(share) số chỉ tiêu có số liệu (\(basis)) không được xếp hạng."))
        } else {
            out.append(pick("**Screen**: none; every unit with data is ranked.", "**Sàng lọc**: không; mọi đơn vị có dữ liệu đều được xếp hạng."))
        }
        let treating = settings.compactMap { s in s.treat.flatMap(treat) }
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
        let aggregateMethods = Array(Set(aggregates.compactMap { criteria.effectiveSettings(of: $0).aggregate.map { labels.aggregateName($0.method) + ($0.over == .indicators ? pick(" over the indicators below each node", " trên các chỉ tiêu bên dưới mỗi nút") : "") } })).sorted()
        out.append(pick("**Aggregate** up the tree (\(aggregates.count) node(s)): ", "**Tổng hợp** lên cây tiêu chí (\(aggregates.count) nút): ") + aggregateMethods.joined(separator: "; ") + ".")
        let rounding = criteria.precision.map { pick("to \($0) decimals", "đến \($0) chữ số thập phân") } ?? pick("not rounded", "không làm tròn")
        let ties = labels.ties(criteria.ties)
        out.append(pick("**Round** (\(rounding)) and **rank** at every node; ties: \(ties).", "**Làm tròn** (\(rounding)) và **xếp hạng** ở mọi nút; đồng hạng: \(ties)."))
        if let groups {
            out.append(pick("**Group** units: ", "**Phân nhóm** đơn vị: ") + labels.groupsMethod(groups))
        }
        return out
    }
}
