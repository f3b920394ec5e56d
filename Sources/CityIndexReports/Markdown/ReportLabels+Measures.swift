/// The words of indicators as scored, their raw figures and their change over time.
extension ReportLabels {
    var valueAsScored: String { pick("Value as scored", "Giá trị tính điểm") }
    var rawFigures: String { pick("Raw figures", "Số liệu gốc") }
    var indicatorsAsScored: String { pick("Indicators as scored", "Các chỉ tiêu như khi tính điểm") }
    var indicatorsAsScoredLegend: String {
        pick(
            "Each value is the indicator as scored (after division by its denominator), in the unit shown; the raw figures it was computed from follow in brackets.",
            "Mỗi giá trị là chỉ tiêu như khi tính điểm (sau khi chia cho mẫu số), theo đơn vị đo ghi kèm; số liệu gốc dùng để tính ghi trong ngoặc.")
    }
    /// A change in percentage points (`+1,2 điểm %`).
    func percentagePoints(_ number: String) -> String { pick("\(number) pp", "\(number) điểm %") }
    /// A compound annual growth rate (`+4,5 %/năm`).
    func perYear(_ number: String) -> String { pick("\(number) % a year", "\(number) %/năm") }
    var changeLegend: String {
        pick(
            "Change from the first to the last period: for shares (%), in percentage points (pp); for rates and index values, the difference in the unit of measure; for levels and counts, the compound annual growth.",
            "Thay đổi từ kỳ đầu đến kỳ cuối: với tỷ lệ (%), tính bằng điểm phần trăm (điểm %); với chỉ tiêu bình quân và giá trị chỉ số, là chênh lệch theo đơn vị đo; với mức và số lượng, là tốc độ tăng trưởng bình quân năm.")
    }
}
