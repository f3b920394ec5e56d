/// How a coarser period's value is built from data of finer periods (quarters → year).
public enum PeriodRollup: String, Sendable, Hashable, CaseIterable {
    /// The sum of the finer periods (flows: counts, amounts).
    case sum
    /// The mean of the finer periods (rates, levels).
    case mean
    /// The value of the latest finer period (stocks at period end).
    case last
}
