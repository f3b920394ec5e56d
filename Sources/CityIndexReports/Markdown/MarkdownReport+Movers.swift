import CityIndexCore

extension MarkdownReport {
    /// The header of the rank-change column: `± 2024`.
    func changeHeader(_ c: PeriodComparison) -> String {
        (language == .en ? "Change vs " : "Thay đổi so với ") + c.base.period.description
    }

    /// `▲ 3`, `▼ 2`, `=` or `new` for a unit's index rank change.
    func changeCell(_ c: PeriodComparison, unit u: Int) -> String {
        switch c.status(unit: u) {
        case .new: return language == .en ? "new" : "mới"
        case .dropped: return ""
        case .continuing:
            guard let change = c.rankChange(node: 0, unit: u) else { return "" }
            return change > 0 ? "▲ \(change)" : change < 0 ? "▼ \(-change)" : "="
        }
    }

    /// The movers section: largest rises and falls, the pillars that drove them, new and dropped units.
    var movers: String {
        guard let c = comparison else { return "" }
        let en = language == .en
        let (rises, falls) = c.movers(limit: 5)
        var out = "## " + (en ? "Movers since \(c.base.period)" : "Thay đổi thứ hạng so với \(c.base.period)") + "\n\n"
        let bounds = Set(result.boundsUsed.values)
        if bounds.isEmpty {
            out += (en
                ? "Min-max and z-score bounds are each period's own: a change reflects the unit and the others."
                : "Ngưỡng chuẩn hóa min-max và z-score tính riêng cho từng kỳ: thay đổi phản ánh cả đơn vị và các đơn vị khác.") + "\n\n"
        } else {
            let list = bounds.map(labels.bounds).sorted().joined(separator: ", ")
            out += (en ? "Normalisation bounds: \(list), so a change reflects the unit itself." : "Ngưỡng chuẩn hóa: \(list).") + "\n\n"
        }
        guard !rises.isEmpty || !falls.isEmpty else {
            return out + (en ? "No unit changed rank.\n" : "Không đơn vị nào thay đổi thứ hạng.\n")
        }
        var table = MarkdownTable(
            header: [labels.unit, en ? "Rank" : "Hạng", en ? "Places" : "Số bậc", en ? "Score change" : "Thay đổi điểm", en ? "Driven by" : "Do các trụ cột"],
            alignments: [.left, .right, .right, .right, .left])
        for u in rises + falls {
            let change = c.rankChange(node: 0, unit: u) ?? 0
            let from = c.baseRank(node: 0, unit: u).map(String.init) ?? "–"
            let to = result.rank(node: 0, unit: u).map(String.init) ?? "–"
            let drivers = c.drivers(unit: u).prefix(2).map { d in
                "\(criteria.nodes[d.pillar].displayName(in: language)) (\(DisplayNumber.signed(c.scoreChange(node: d.pillar, unit: u) ?? 0, decimals: result.displayDecimals, language: language)))"
            }
            table.append([
                result.units[u].name(in: language), "\(from) → \(to)",
                change > 0 ? "▲ \(change)" : "▼ \(-change)",
                DisplayNumber.signed(c.scoreChange(node: 0, unit: u) ?? 0, decimals: result.displayDecimals, language: language),
                drivers.joined(separator: ", "),
            ])
        }
        out += table.text
        let new = result.units.indices.filter { c.status(unit: $0) == .new }.map { result.units[$0].name(in: language) }
        if !new.isEmpty { out += "\n" + (en ? "New in the ranking: " : "Mới được xếp hạng: ") + new.map(Markdown.inline).joined(separator: ", ") + "\n" }
        let dropped = c.dropped.map { "\($0.unit.name(in: language)) (\($0.baseRank))" }
        if !dropped.isEmpty { out += "\n" + (en ? "No longer ranked: " : "Không còn được xếp hạng: ") + dropped.map(Markdown.inline).joined(separator: ", ") + "\n" }
        return out
    }
}
