import CityIndexCore

/// The words of data-quality levels and verified flags, in the report language.
extension ReportLabels {
    var dataQuality: String { pick("Data quality", "Chất lượng dữ liệu") }
    var qualityLevel: String { pick("Level", "Mức") }
    var values: String { pick("Values", "Số giá trị") }
    var notStated: String { pick("not stated", "không nêu") }
    var verified: String { pick("verified", "đã xác minh") }
    var notVerified: String { pick("not verified", "chưa xác minh") }
    var verifiedColumn: String { pick("Not verified", "Chưa xác minh") }
    var weighWithCare: String { pick("Values to weigh with care, by unit", "Giá trị cần thận trọng, theo đơn vị") }

    /// `measured, verified`; the parts stated, or "not stated".
    func mark(_ mark: ValueMark) -> String {
        var parts: [String] = []
        if let q = mark.quality { parts.append(q.label(in: language)) }
        if let v = mark.verified { parts.append(v ? verified : notVerified) }
        return parts.isEmpty ? notStated : parts.joined(separator: ", ")
    }

    /// The opening sentence: how many values state a level and a verified flag.
    func qualityLead(values: Int, withLevel: Int, withFlag: Int) -> String {
        pick(
            "Of the \(values) values of the period, \(withLevel) state a data-quality level (U4SSC's six levels) and \(withFlag) state whether they were verified.",
            "Trong \(values) giá trị của kỳ, \(withLevel) giá trị có nêu mức chất lượng dữ liệu (sáu mức của U4SSC) và \(withFlag) giá trị có nêu đã xác minh hay chưa.")
    }

    /// The share verified, of every value of the period.
    func verifiedShare(_ count: Int, of values: Int, percent: String) -> String {
        pick("Verified: \(count) of \(values) values (\(percent)).", "Đã xác minh: \(count) trên \(values) giá trị (\(percent)).")
    }

    /// Under the per-unit table.
    var weighWithCareNote: String {
        pick(
            "Counts of each unit's values stated as not verified, or of level assumption, estimate or unknown; the unit profiles show each value's level.",
            "Số giá trị của mỗi đơn vị được nêu là chưa xác minh, hoặc ở mức giả định, ước tính hay không rõ; hồ sơ từng đơn vị nêu mức của mỗi giá trị.")
    }
}
