/// Column titles and sheet names of CSV files and workbooks for people (`--headers vi|en`).
extension ReportLabels {
    /// The title of a fixed column id of sheet `sheet`, nil for ids that are not fixed
    /// (pillars, periods).
    func columnTitle(_ id: String, sheet: String? = nil) -> String? {
        switch (sheet, id) {
        // targets: the indicator's name, the unit (as written in the targets file) it is for
        case ("targets", "name"): return pick("Indicator name", "Tên chỉ tiêu")
        case ("targets", "unit"): return pick("For unit", "Cho đơn vị")
        case ("targets", "period"): return pick("For period", "Cho kỳ")
        case ("targets", "applied_to"): return pick("Applied to units", "Áp dụng cho các đơn vị")
        case ("targets", "place"): return pick("Written at", "Nơi khai báo")
        default: break
        }
        return switch id {
        // ranking, scores, values
        case "rank": pick("Rank", "Hạng")
        case "unit": pick("Unit code", "Mã đơn vị")
        case "name", "unit_name": pick("Unit name", "Tên đơn vị")
        case "score": pick("Score", "Điểm")
        case "rank_change": pick("Rank change (places up)", "Thay đổi hạng (số bậc tăng)")
        case "score_change": pick("Score change", "Thay đổi điểm")
        case "base_period": pick("Base period", "Kỳ so sánh")
        case "base_rank": pick("Rank in base period", "Hạng kỳ so sánh")
        case "coverage": pick("Data coverage", "Mức đầy đủ dữ liệu")
        case "flags": pick("Notes", "Ghi chú")
        case "period": pick("Period", "Kỳ")
        case "node": pick("Criterion", "Tiêu chí")
        case "level": pick("Level", "Cấp")
        case "indicator": pick("Indicator", "Chỉ tiêu")
        case "indicator_name": pick("Indicator name", "Tên chỉ tiêu")
        case "unit_of_measure": pick("Unit of measure", "Đơn vị đo")
        case "scored": pick("Scored", "Tính điểm")
        case "value": pick("Value", "Giá trị")
        case "value_used": pick("Value used", "Giá trị dùng để tính")
        case "imputed": pick("Imputed", "Ước tính bổ sung")
        case "combined": pick("Combined", "Gộp từ đơn vị cũ")
        case "quality": pick("Data quality", "Chất lượng dữ liệu")
        case "verified": pick("Verified", "Đã xác minh")
        // criteria, methodology
        case "tree": pick("Criteria tree", "Cây tiêu chí")
        case "id": pick("Id", "Mã")
        case "parent": pick("Parent", "Nút cha")
        case "type": pick("Type", "Loại")
        case "weight": pick("Weight", "Trọng số")
        case "effective_weight": pick("Effective weight", "Trọng số thực")
        case "direction": pick("Direction", "Chiều")
        case "normalise": pick("Normalisation", "Chuẩn hóa")
        case "other_steps": pick("Other steps", "Các bước khác")
        case "aggregate": pick("Aggregation", "Tổng hợp")
        case "target": pick("Target", "Mục tiêu")
        case "item": pick("Item", "Mục")
        // sensitivity
        case "nominal_rank": pick("Nominal rank", "Hạng danh nghĩa")
        case "nominal_score": pick("Nominal score", "Điểm danh nghĩa")
        case "median_rank": pick("Median rank", "Hạng trung vị")
        case "p5_rank": pick("5th percentile rank", "Hạng bách phân vị 5")
        case "p95_rank": pick("95th percentile rank", "Hạng bách phân vị 95")
        case "mean_abs_shift": pick("Mean absolute rank shift", "Dịch chuyển hạng tuyệt đối trung bình")
        case "output": pick("Output", "Đầu ra")
        case "input": pick("Uncertain input", "Yếu tố bất định")
        case "first_order": pick("First-order index S_i", "Chỉ số bậc một S_i")
        case "first_low": pick("S_i, 95 % interval low", "S_i, cận dưới khoảng 95 %")
        case "first_high": pick("S_i, 95 % interval high", "S_i, cận trên khoảng 95 %")
        case "total": pick("Total index S_Ti", "Chỉ số toàn phần S_Ti")
        case "total_low": pick("S_Ti, 95 % interval low", "S_Ti, cận dưới khoảng 95 %")
        case "total_high": pick("S_Ti, 95 % interval high", "S_Ti, cận trên khoảng 95 %")
        // audit
        case "pillar": pick("Pillar", "Trụ cột")
        case "count": pick("Count", "Số giá trị")
        case "missing_share": pick("Share missing", "Tỷ lệ thiếu")
        case "mean": pick("Mean", "Trung bình")
        case "sd": pick("Standard deviation", "Độ lệch chuẩn")
        case "min": pick("Minimum", "Nhỏ nhất")
        case "max": pick("Maximum", "Lớn nhất")
        case "skew": pick("Skewness", "Hệ số bất đối xứng")
        case "kurtosis": pick("Kurtosis", "Hệ số nhọn")
        case "outliers_low": pick("Low outliers", "Giá trị ngoại lai thấp")
        case "outliers_high": pick("High outliers", "Giá trị ngoại lai cao")
        case "kind": pick("Kind", "Loại")
        case "first": pick("First", "Thứ nhất")
        case "second": pick("Second", "Thứ hai")
        case "pearson": pick("Pearson", "Pearson")
        case "spearman": pick("Spearman", "Spearman")
        case "indicators": pick("Indicators", "Số chỉ tiêu")
        case "complete_units": pick("Units with every value", "Số đơn vị đủ giá trị")
        case "cronbach_alpha": pick("Cronbach's alpha", "Hệ số Cronbach alpha")
        case "pc1_share": pick("First component's share", "Tỷ trọng thành phần chính thứ nhất")
        case "eigenvalues": pick("Eigenvalues", "Các giá trị riêng")
        // compare, trend
        case "best_unit": pick("Best unit", "Đơn vị tốt nhất")
        case "best_score": pick("Best score", "Điểm cao nhất")
        case "gap_to_best": pick("Gap to best", "Cách đơn vị tốt nhất")
        case "gap_to_mean": pick("Gap to mean", "So với trung bình")
        case "first_period": pick("First period", "Kỳ đầu")
        case "first_value": pick("First value", "Giá trị kỳ đầu")
        case "last_period": pick("Last period", "Kỳ cuối")
        case "last_value": pick("Last value", "Giá trị kỳ cuối")
        case "annual_growth": pick("Annual growth", "Tăng trưởng bình quân năm")
        case "change": pick("Change", "Thay đổi")
        case "raw_value": pick("Value reported", "Giá trị báo cáo")
        case "denominator_value": pick("Denominator", "Mẫu số")
        // the columns sheet
        case "sheet": pick("Sheet", "Trang tính")
        case "file": pick("CSV file", "Tệp CSV")
        case "column": pick("Column", "Cột")
        case "title": pick("Title", "Tiêu đề")
        default: nil
        }
    }

    /// The title of a pillar's rank column (`Đầu vào: hạng`).
    func nodeRankTitle(_ node: String) -> String { pick("\(node): rank", "\(node): hạng") }

    /// The title of a period column (`score`, `rank`, `rank_change` of `period`).
    func periodColumnTitle(_ what: String, period: String) -> String? {
        switch what {
        case "score": pick("Score \(period)", "Điểm \(period)")
        case "rank": pick("Rank \(period)", "Hạng \(period)")
        case "rank_change": pick("Rank change \(period)", "Thay đổi hạng \(period)")
        default: nil
        }
    }

    /// The name of a workbook sheet by its id (at most 31 characters).
    func sheetTitle(_ id: String) -> String? {
        switch id {
        case "ranking": pick("Ranking", "Xếp hạng")
        case "scores": pick("Scores", "Điểm")
        case "values": pick("Values", "Giá trị")
        case "history": pick("History", "Qua các kỳ")
        case "criteria": pick("Criteria", "Tiêu chí")
        case "methodology": pick("Methodology", "Phương pháp")
        case "sensitivity-units": pick("Sensitivity - units", "Độ nhạy - đơn vị")
        case "sensitivity-indices": pick("Sensitivity - indices", "Độ nhạy - chỉ số")
        case "audit-indicators": pick("Audit - indicators", "Kiểm định - chỉ tiêu")
        case "audit-correlations": pick("Audit - correlations", "Kiểm định - tương quan")
        case "audit-pillars": pick("Audit - pillars", "Kiểm định - trụ cột")
        case "targets": pick("Targets", "Mục tiêu")
        case "columns": pick("Column ids", "Mã cột")
        default: nil
        }
    }
}
