import CityIndexCore
import CityIndexReports

extension ScoringSession {
    /// The scoring warnings of `results` as lines for standard error: one per cause with a count
    /// and the first units concerned, or every warning when `verbose`. Outlier treatment is left
    /// to the reports (it is a step of the method, not a problem). With one period, each line
    /// starts with it; with several, a line says which periods it concerns.
    static func warningLines(_ results: [ScoreResult], verbose: Bool) -> [String] {
        let warnings = results.flatMap { r in
            r.warnings.filter { if case .treated = $0 { false } else { true } }.map { (period: r.period, warning: $0) }
        }
        guard !warnings.isEmpty else { return [] }
        var names: [String: String] = [:]
        for r in results { for u in r.units where names[u.code] == nil { names[u.code] = u.name } }
        let known = names
        let text = ScoringWarningText(language: .en, unitName: { known[$0] })
        let groups = ScoringWarningGroup.grouping(warnings)
        let periods = Set(warnings.map(\.period))
        let several = periods.count > 1
        let lines = verbose ? text.fullList(groups, periods: several) : text.summary(groups, periods: several)
        guard !several, let only = periods.first else { return lines }
        return lines.map { "\(only): \($0)" }
    }
}
