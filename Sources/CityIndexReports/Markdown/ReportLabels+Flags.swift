import CityIndexCore

extension ReportLabels {
    /// The flags a report shows, in the order every list of them follows.
    static let flagOrder: [ScoreFlags] = [.imputed, .winsorised, .logTreated, .clipped, .combined, .partial]

    /// One flag as a word of the report language (`imputed`, `ước tính`).
    func flag(_ f: ScoreFlags) -> String {
        switch f {
        case .imputed: pick("imputed", "ước tính")
        case .winsorised: pick("winsorised", "Winsor hóa")
        case .logTreated: pick("log-treated", "lấy logarit")
        case .clipped: pick("clipped", "chặn ngưỡng")
        case .combined: pick("combined", "gộp")
        case .partial: pick("partial", "thiếu thành phần")
        default: ""
        }
    }

    /// A value's flags as words of the report language, joined by commas (empty for none).
    func flags(_ f: ScoreFlags) -> String {
        Self.flagOrder.filter { f.contains($0) }.map(flag).joined(separator: ", ")
    }

    /// What each flag means, in the flags' order.
    private func flagMeaning(_ f: ScoreFlags) -> String {
        switch f {
        case .imputed: pick("a missing value was estimated", "giá trị thiếu được ước tính bổ sung")
        case .winsorised: pick("an outlying value was pulled in to its neighbour (outlier treatment)", "giá trị ngoại lai được kéo về giá trị liền kề (xử lý ngoại lai)")
        case .logTreated: pick("the indicator was taken in logarithms (outlier treatment)", "chỉ tiêu được lấy logarit (xử lý ngoại lai)")
        case .clipped: pick("the value lies beyond a goalpost or target and counts as it", "giá trị vượt ngưỡng hoặc mục tiêu và được tính bằng ngưỡng")
        case .combined: pick("the value combines the figures of the units this one was formed from", "giá trị gộp từ số liệu của các đơn vị hợp nhất thành đơn vị này")
        case .partial: pick("an aggregate computed without some of its children", "điểm tổng hợp tính khi thiếu một số thành phần")
        default: ""
        }
    }

    /// The legend of the flags column: every flag word with its meaning, and what `×3` counts.
    var flagsLegend: String {
        let entries = Self.flagOrder.map { "*\(flag($0))* = \(flagMeaning($0))" }.joined(separator: "; ")
        return pick("Notes: ", "Ghi chú: ") + entries + pick(
            ". A count (×3) is the number of the unit's indicators so marked.",
            ". Số sau dấu × là số chỉ tiêu của đơn vị có ghi chú đó.")
    }

    /// One unit's flags for a table cell of the report: imputed indicators by id (as code), other
    /// flags counted (`imputed: eys; winsorised ×3`, `ước tính: eys; Winsor hóa ×3`).
    func flagCell(_ result: ScoreResult, unit: Int) -> String {
        var imputed: [String] = []
        var counts: [(ScoreFlags, Int)] = [(.winsorised, 0), (.logTreated, 0), (.clipped, 0), (.combined, 0)]
        for i in result.criteria.scoredIndicatorIndices {
            let f = result.flags(node: i, unit: unit)
            if f.contains(.imputed) { imputed.append("`\(MarkdownText.code(result.criteria.nodes[i].id))`") }
            for k in counts.indices where f.contains(counts[k].0) { counts[k].1 += 1 }
        }
        var parts: [String] = []
        if !imputed.isEmpty { parts.append(flag(.imputed) + ": " + imputed.joined(separator: ", ")) }
        parts += counts.filter { $0.1 > 0 }.map { "\(flag($0.0)) ×\($0.1)" }
        return parts.joined(separator: "; ")
    }

    /// Where the bounds of min-max and z-score normalisation come from.
    func bounds(_ b: BoundsReference) -> String {
        switch b {
        case .period: pick("each period's own", "của từng kỳ")
        case let .fixed(p): pick("frozen on \(p)", "cố định theo kỳ \(p)")
        case .panel: pick("pooled over all periods scored", "gộp mọi kỳ được tính điểm")
        }
    }
}
