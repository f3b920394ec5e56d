import CityIndexCore

/// The words of the benchmarking wheel, the band tables and the targets section.
extension ReportLabels {
    var wheelTitle: String { pick("Benchmarking wheel", "Bánh xe đối sánh") }
    var wheelSection: String { pick("Benchmarking wheel and bands", "Bánh xe đối sánh và các mức") }
    var wheelCaption: String {
        pick(
            "From the centre: the whole, its pillars, the groups of indicators and the indicators (named outside the wheel). Each cell is coloured by the band its score falls in.",
            "Từ tâm ra: toàn bộ, các trụ cột, các nhóm chỉ tiêu và các chỉ tiêu (tên ghi ngoài bánh xe). Mỗi ô được tô màu theo mức mà điểm của nó thuộc về.")
    }
    var noTargetCell: String { pick("reported, no target (left out)", "có số liệu, không có mục tiêu (không tính)") }
    var notReportedCell: String { pick("not reported", "không có số liệu") }
    var belowBandsCell: String { pick("below every band", "dưới mọi mức") }
    var abbreviations: String { pick("Abbreviations", "Viết tắt") }
    func wheelsOfOthers(_ count: Int) -> String {
        pick(
            "The wheels of the other \(count) units are written under charts/ (wheel-<code>.svg) and shown in their profiles (--profiles).",
            "Bánh xe của \(count) đơn vị còn lại được ghi trong charts/ (wheel-<mã>.svg) và trong hồ sơ của từng đơn vị (--profiles).")
    }
    var bandsByNode: String { pick("Bands by node", "Mức theo nút") }

    var targets: String { pick("Targets", "Mục tiêu") }
    var target: String { pick("Target", "Mục tiêu") }
    var appliesTo: String { pick("Applies to", "Áp dụng cho") }
    var unitsScored: String { pick("Units scored against it", "Số đơn vị được chấm theo mục tiêu này") }
    var everyUnit: String { pick("every unit", "mọi đơn vị") }
    var everyPeriod: String { pick("every period", "mọi kỳ") }
    var criteriaSetTarget: String { pick("the criteria set", "bộ tiêu chí") }
    func targetsIntro(_ count: Int) -> String {
        pick(
            "The \(count) targets the scores were computed against (the share of the target reached), each with its source.",
            "\(count) mục tiêu dùng để tính điểm (tỷ lệ đạt được so với mục tiêu), kèm nguồn của từng mục tiêu.")
    }
    var withoutTarget: String { pick("Indicators without a target", "Chỉ tiêu không có mục tiêu") }
    var withoutTargetIntro: String {
        pick(
            "These indicators are scored against a target but have none for the units named: their values are left out of their aggregates (of the points and of the maximum).",
            "Các chỉ tiêu này được chấm theo mục tiêu nhưng không có mục tiêu cho các đơn vị nêu dưới đây: giá trị của chúng không được tính vào điểm tổng hợp (cả điểm lẫn điểm tối đa).")
    }
    var unitsWithoutTarget: String { pick("Units with a value and no target", "Đơn vị có giá trị nhưng không có mục tiêu") }

    func viewLine(_ view: CriteriaView) -> String {
        pick(
            "View: only the indicators tagged \"\(view.tag)\" (--only \(view.tag)): \(view.indicatorsKept) of \(view.indicatorsInSet) scored indicators; weights re-normalised over what remains",
            "Phạm vi: chỉ các chỉ tiêu gắn nhãn \"\(view.tag)\" (--only \(view.tag)): \(view.indicatorsKept) trên \(view.indicatorsInSet) chỉ tiêu được chấm; trọng số được chuẩn hóa lại trên phần còn lại")
    }
    var overIndicators: String { pick("over the indicators below", "trên các chỉ tiêu bên dưới") }
    var outsideView: String { pick("outside the view", "ngoài phạm vi") }
}
