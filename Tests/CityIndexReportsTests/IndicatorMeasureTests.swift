import CityIndexCore
import Testing

@testable import CityIndexReports

/// The unit of an indicator as scored and its kind (issue 15, deliverable 4): derived from the
/// units, the factor and the denominator, or declared by the set.
@Suite struct IndicatorMeasureTests {
    /// A set of one indicator `x` (unit `unit`, kind `kind`, denominated as `denominate`) and
    /// a data-only denominator `pop` with unit `popUnit`.
    static func measure(
        unit: String?, denominate: DenominateStep? = nil, popUnit: String? = "nghìn người", kind: IndicatorKind? = nil
    ) -> IndicatorMeasure {
        let place = SourcePlace(file: "t")
        var x = CriteriaNode(id: "x", name: LocalizedText(en: "X", vi: "X"), unit: LocalizedText(unit, in: .vi), settings: StepSettings(denominate: denominate), parent: 0, place: place)
        x.kind = kind
        let nodes = [
            CriteriaNode(id: "root", parent: nil, place: place), x,
            CriteriaNode(id: "pop", name: LocalizedText(en: "Population", vi: "Dân số"), unit: LocalizedText(popUnit, in: .vi), scored: false, parent: 0, place: place),
        ]
        return IndicatorMeasure(criteria: CriteriaSet(id: "t", nodes: nodes), node: 1)
    }

    @Test(
        "the unit as scored and the kind, in Vietnamese and English",
        arguments: [
            // Not denominated: the unit as it is; the kind from it.
            ("%", nil, "nghìn người", nil, "%", "%", IndicatorKind.share),
            ("tỷ lệ hộ", nil, "nghìn người", nil, "tỷ lệ hộ", "tỷ lệ hộ", .share),
            ("percent of GDP", nil, "nghìn người", nil, "percent of GDP", "percent of GDP", .share),
            ("‰", nil, "nghìn người", nil, "‰", "‰", .rate),
            ("kg/người", nil, "nghìn người", nil, "kg/người", "kg/người", .rate),
            ("nghìn đồng", nil, "nghìn người", nil, "nghìn đồng", "nghìn đồng", .level),
            (nil, nil, "nghìn người", nil, nil, nil, .level),
            // Denominated: per factor and the denominator's unit, or its name without one.
            ("người", DenominateStep(by: "pop", factor: 10), "nghìn người", nil, "người trên 10 nghìn người", "người per 10 nghìn người", .rate),
            ("người", DenominateStep(by: "pop", factor: 100000), nil, nil, "người trên 100.000 Dân số", "người per 100,000 Population", .rate),
            ("tỷ đồng", DenominateStep(by: "pop"), "nghìn người", nil, "tỷ đồng trên nghìn người", "tỷ đồng per nghìn người", .rate),
            (nil, DenominateStep(by: "pop", factor: 1000), "người", nil, "trên 1.000 người", "per 1000 người", .rate),
            // A unit attribute as denominator: named by its id.
            ("người", DenominateStep(by: "population", factor: 1000), "nghìn người", nil, "người trên 1.000 population", "người per 1000 population", .rate),
            // The same unit above and below: a percentage (× 100), per mille (× 1000), a ratio (× 1).
            ("nghìn đồng", DenominateStep(by: "pop", factor: 100), "nghìn đồng", nil, "%", "%", .share),
            ("nghìn đồng", DenominateStep(by: "pop", factor: 1000), "Nghìn đồng", nil, "‰", "‰", .rate),
            ("nghìn đồng", DenominateStep(by: "pop", factor: 1), "nghìn đồng", nil, nil, nil, .rate),
            // Declared: the set's words, and its kind.
            ("người", DenominateStep(by: "pop", factor: 10, unit: LocalizedText(en: "doctors per 10,000", vi: "bác sĩ trên 10.000 dân")), "nghìn người",
             nil, "bác sĩ trên 10.000 dân", "doctors per 10,000", .rate),
            ("tỷ đồng", DenominateStep(by: "pop"), "nghìn người", IndicatorKind.level, "tỷ đồng trên nghìn người", "tỷ đồng per nghìn người", .level),
            ("%", nil, "nghìn người", IndicatorKind.index, "%", "%", .index),
        ] as [(String?, DenominateStep?, String?, IndicatorKind?, String?, String?, IndicatorKind)])
    func unitAndKind(unit: String?, denominate: DenominateStep?, popUnit: String?, kind: IndicatorKind?, vi: String?, en: String?, expected: IndicatorKind) {
        let m = Self.measure(unit: unit, denominate: denominate, popUnit: popUnit, kind: kind)
        #expect(m.scoredUnit(in: .vi) == vi)
        #expect(m.scoredUnit(in: .en) == en)
        #expect(m.kind == expected)
    }

    @Test("the value as scored is the observed value over its denominator × factor, with the raw figures beside it")
    func valueAndRawFigures() throws {
        let m = Self.measure(unit: "người", denominate: DenominateStep(by: "pop", factor: 10))
        var data = PeriodData(period: .year(2016), units: [UnitInfo(code: "01", name: "Hà Nội"), UnitInfo(code: "02", name: "Hà Giang")], indicators: ["x", "pop"])
        data.set(3846, unit: 0, column: 0)
        data.set(7328.4, unit: 0, column: 1)
        data.set(500, unit: 1, column: 0)
        let result = try Scorer(criteria: m.criteria).score(data)
        #expect(m.value(in: result, unit: 0) == 3846 / 7328.4 * 10)
        #expect(m.rawFigures(in: result, unit: 0, language: .vi) == "3.846 người ÷ 7.328,4 nghìn người (Dân số) × 10")
        #expect(m.rawFigures(in: result, unit: 0, language: .en) == "3846 người ÷ 7328.4 nghìn người (Population) × 10")
        #expect(m.format(3846 / 7328.4 * 10, language: .vi) == "5,25")
        // Without its denominator, a value is not scored: nothing to show.
        #expect(m.value(in: result, unit: 1) == nil)
        #expect(m.rawFigures(in: result, unit: 1, language: .vi) == nil)
    }
}
