import CityIndexCore
import Testing

@Suite struct ScoringWarningGroupTests {
    static let p2014 = Period(year: 2014)!
    static let p2016 = Period(year: 2016)!

    @Test("warnings group by cause: each denominator its own cause, every other kind as a whole, in the order first met")
    func grouping() {
        let warnings: [(period: Period, warning: ScoringWarning)] = [
            (Self.p2014, .unusableDenominator(indicator: "doctors", unit: "01", denominator: "population")),
            (Self.p2014, .emptyIndicator(indicator: "beds")),
            (Self.p2014, .unusableDenominator(indicator: "doctors", unit: "02", denominator: "population")),
            (Self.p2016, .unusableDenominator(indicator: "retail", unit: "01", denominator: "population")),
            (Self.p2016, .unusableDenominator(indicator: "wages", unit: "01", denominator: "income")),
            (Self.p2016, .emptyIndicator(indicator: "schools")),
            (Self.p2016, .imputationFailed(indicator: "beds", unit: "02")),
        ]
        let groups = ScoringWarningGroup.grouping(warnings)
        #expect(groups.map(\.cause) == [
            .unusableDenominator(denominator: "population"), .emptyIndicator, .unusableDenominator(denominator: "income"), .imputationFailed,
        ])
        #expect(groups.map(\.count) == [3, 2, 1, 1])
        #expect(groups[0].indicators == ["doctors", "retail"])
        #expect(groups[0].units == ["01", "02"])
        #expect(groups[0].periods == [Self.p2014, Self.p2016])
        #expect(groups[1].indicators == ["beds", "schools"])
        #expect(groups[1].units.isEmpty)
        // Nothing is lost: the groups hold every warning once.
        #expect(groups.flatMap(\.members).count == warnings.count)
    }

    @Test("an indicator emptied by its missing denominator in a period goes with the denominator, in that period only")
    func consequences() {
        let warnings: [(period: Period, warning: ScoringWarning)] = [
            (Self.p2014, .unusableDenominator(indicator: "doctors", unit: "01", denominator: "population")),
            (Self.p2014, .emptyIndicator(indicator: "doctors")),
            (Self.p2016, .emptyIndicator(indicator: "doctors")),
            (Self.p2016, .emptyIndicator(indicator: "beds")),
        ]
        let groups = ScoringWarningGroup.grouping(warnings)
        #expect(groups.map(\.cause) == [.unusableDenominator(denominator: "population"), .emptyIndicator])
        #expect(groups[0].consequences == [ScoringWarningGroup.Member(period: Self.p2014, warning: .emptyIndicator(indicator: "doctors"))])
        #expect(groups[1].members.map(\.warning) == [.emptyIndicator(indicator: "doctors"), .emptyIndicator(indicator: "beds")])
        #expect(groups.map { $0.members.count + $0.consequences.count }.reduce(0, +) == warnings.count)
    }
}
