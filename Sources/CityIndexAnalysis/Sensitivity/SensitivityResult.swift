import CityIndexCore

/// What a sensitivity run found: rank intervals per unit, indices per uncertain input.
public struct SensitivityResult: Sendable {
    /// The criteria set analysed.
    public var criteriaID: String
    /// The set's name.
    public var criteriaName: LocalizedText
    /// The set's published decimals, which its nominal scores are rounded to (nil: not rounded).
    public var precision: Int?
    /// The period.
    public var period: Period
    /// The options of the run.
    public var options: SensitivityOptions
    /// The uncertain inputs, in the order of the design.
    public var inputs: [UncertainInput]
    /// What each input could take, as text (`min-max, z-score`, `±25 %`, …).
    public var inputLevels: [UncertainInput: String]
    /// One interval per ranked unit, in nominal rank order.
    public var intervals: [UnitRankInterval]
    /// The indices: first of the mean rank shift per input, then of each unit's rank.
    public var indices: [SensitivityIndex]
    /// Evaluations of the index made.
    public var evaluations: Int
    /// Wall-clock seconds of the run.
    public var seconds: Double
    /// What drives each unit's rank interval, by unit code.
    public var drivers: [String: RankIntervalDriver] = [:]

    /// The indices of the mean rank shift.
    public var overallIndices: [SensitivityIndex] { indices.filter { $0.output == .meanRankShift } }
}
