import CityIndexCore
import Foundation

/// A three-pillar set and deterministic data for `n` units, some with hostile names.
enum ReportFixture {
    static func criteria(treat: Bool = true) -> CriteriaSet {
        let place = SourcePlace(file: "fixture")
        func node(_ id: String, _ en: String, _ vi: String, parent: Int?, settings: StepSettings = StepSettings(), unit: String? = nil) -> CriteriaNode {
            CriteriaNode(id: id, name: LocalizedText(en: en, vi: vi), unit: LocalizedText(unit, in: .vi), settings: settings, parent: parent, place: place)
        }
        let nodes = [
            node("index", "Index", "Chỉ số", parent: nil),
            node("input", "Input <b>&amp; \"resources\"", "Đầu vào", parent: 0),
            node("staff", "Researchers", "Nhân lực nghiên cứu", parent: 1, settings: StepSettings(denominate: DenominateStep(by: "population", factor: 100000)), unit: "người"),
            node("spend", "R&D spending", "Chi cho R&D", parent: 1, unit: "% GRDP"),
            node("output", "Output", "Kết quả", parent: 0),
            node("patents", "Patents | granted", "Bằng sáng chế", parent: 4, settings: StepSettings(treat: treat ? .winsorise(maxPoints: 5, skew: 2, kurtosis: 3.5, fallback: .log) : TreatStep.none), unit: "bằng"),
            node("articles", "Articles", "Bài báo", parent: 4, settings: StepSettings(normalise: .goalposts(min: 0, max: 500)), unit: "bài"),
            node("impact", "Impact", "Tác động", parent: 0),
            node("waste", "Waste `per` capita", "Chất thải", parent: 7, settings: StepSettings(direction: .lower), unit: "kg"),
            node("digital", "Digital economy", "Kinh tế số", parent: 7, unit: "%"),
        ]
        return CriteriaSet(
            id: "fixture", version: "1", name: LocalizedText(en: "Fixture index", vi: "Chỉ số thử nghiệm"), language: .vi, scale: 100,
            precision: 2, defaults: StepSettings(impute: .mean, normalise: .minMax), nodes: nodes)
    }

    static let hostile = ["A|B <script>alert(1)</script>", "`tick` *star* _u_", "Line\nbreak & \"quote\"", "[link](http://x)"]

    /// `n` units with names (Vietnamese diacritics, some hostile) and deterministic values.
    static func data(units n: Int, hostileNames: Bool = true, period: Period = .year(2024), seed: UInt64 = 7) -> PeriodData {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let vn = ["Hà Nội", "Thành phố Hồ Chí Minh", "Đà Nẵng", "Thừa Thiên Huế", "Cần Thơ", "Quảng Ninh", "Bà Rịa – Vũng Tàu", "Đắk Lắk"]
        let units = (0..<n).map { k -> UnitInfo in
            let name: String
            if hostileNames && k < hostile.count { name = hostile[k] } else { name = "\(vn[k % vn.count]) \(k)" }
            return UnitInfo(code: String(format: "%02d", k + 1), name: name, nameEN: nil, attributes: ["population": String(200000 + Int(next() * 5_000_000))])
        }
        var d = PeriodData(period: period, units: units, indicators: ["staff", "spend", "patents", "articles", "waste", "digital"])
        for u in 0..<n {
            d.set((1000 + next() * 60000).rounded(), unit: u, column: 0)
            d.set((next() * 2.5 * 100).rounded() / 100, unit: u, column: 1)
            d.set(u == 0 ? 900 : (next() * next() * 120).rounded(), unit: u, column: 2)
            d.set((next() * 700).rounded(), unit: u, column: 3)
            d.set(u == 5 ? nil : (100 + next() * 400).rounded(), unit: u, column: 4)
            d.set((next() * 300).rounded() / 10, unit: u, column: 5)
        }
        return d
    }

    static func result(units n: Int = 34, hostileNames: Bool = true, treat: Bool = true) throws -> ScoreResult {
        try Scorer(criteria: criteria(treat: treat)).score(data(units: n, hostileNames: hostileNames))
    }
}
