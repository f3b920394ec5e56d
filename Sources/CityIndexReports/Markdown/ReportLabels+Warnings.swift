import CityIndexCore

/// The words of grouped scoring warnings (one line per cause), in the report language.
extension ReportLabels {
    var warningsFullList: String { pick("Every warning", "Danh sách đầy đủ các lưu ý") }

    /// `and 58 more` after a list cut short; `what` names the items in Vietnamese (`đơn vị`).
    func andMore(_ n: Int, what: String) -> String {
        pick("and \(n) more", "và \(n) \(what) khác")
    }
    var indicatorsWord: String { pick("indicators", "chỉ tiêu") }
    var unitsWord: String { pick("units", "đơn vị") }
    var periodsWord: String { pick("periods", "các kỳ") }

    /// `denominator "population" is missing or zero for 254 values (…)`.
    func denominatorGroup(_ denominator: String, count: Int, details: String) -> String {
        pick(
            "denominator \"\(denominator)\" is missing or zero for \(count) values (\(details)): each is treated as missing",
            "mẫu số \"\(denominator)\" thiếu hoặc bằng 0 ở \(count) giá trị (\(details)): các giá trị này được coi là thiếu")
    }
    /// What a missing denominator leaves: `, which leaves 3 indicators without any value …`.
    func leavesEmpty(count: Int, list: String) -> String {
        pick(
            ", which leaves \(count) indicators without any value, out of every aggregate: \(list)",
            ", nên \(count) chỉ tiêu không còn giá trị nào và không được đưa vào điểm tổng hợp: \(list)")
    }
    func imputationGroup(count: Int, details: String) -> String {
        pick(
            "no value to impute from for \(count) values (\(details)): left missing",
            "không có số liệu để ước tính cho \(count) giá trị (\(details)): để trống")
    }
    func emptyIndicatorGroup(count: Int, list: String) -> String {
        pick(
            "\(count) indicators have no value for any unit in a period and are left out of every aggregate there: \(list)",
            "\(count) chỉ tiêu không có giá trị nào trong kỳ, không đưa vào điểm tổng hợp của kỳ đó: \(list)")
    }
    func constantIndicatorGroup(count: Int, list: String) -> String {
        pick(
            "\(count) indicators have the same value for every ranked unit, so every unit gets the same score on them: \(list)",
            "\(count) chỉ tiêu có cùng giá trị ở mọi đơn vị được xếp hạng, nên mọi đơn vị được cùng một điểm: \(list)")
    }
    func missingTargetsGroup(count: Int, values: Int, list: String) -> String {
        pick(
            "\(count) indicators need a target and have none for \(values) values in all: \(list); those values are left out of their aggregates (give targets in a targets file)",
            "\(count) chỉ tiêu cần mục tiêu nhưng không có cho \(values) giá trị: \(list); các giá trị đó không được đưa vào điểm tổng hợp (hãy cho mục tiêu trong tệp mục tiêu)")
    }
    func treatedGroup(count: Int, list: String) -> String {
        pick("outlying values treated in \(count) indicators: \(list)", "xử lý giá trị ngoại lai ở \(count) chỉ tiêu: \(list)")
    }
}
