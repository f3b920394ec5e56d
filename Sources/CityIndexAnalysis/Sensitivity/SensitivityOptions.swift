import CityIndexCore

/// The uncertainties of a sensitivity run and how to run it.
///
/// With the defaults nothing is uncertain: every replication reproduces the nominal ranking.
///
/// ```swift
/// var options = SensitivityOptions()
/// options.weightSpread = 0.25                    // each weight within ±25 %
/// options.normalisations = [.minMax, .zScore]    // an uncertain normalisation
/// ```
public struct SensitivityOptions: Sendable, Hashable {
    /// Replications (Saltelli base samples): the rank intervals come from these; the indices
    /// need `runs × (inputs + 2)` evaluations of the index.
    public var runs: Int
    /// The seed of every random number.
    public var seed: UInt64
    /// Each weight varies uniformly within ± this share of its nominal value (0.25 = ±25 %).
    public var weightSpread: Double?
    /// Siblings' weights are drawn from a Dirichlet distribution around the nominal relative
    /// weights, with concentration `α` per child (larger is closer to the nominal).
    public var dirichletConcentration: Double?
    /// Normalisation alternatives; two or more make the normalisation uncertain, one applies it.
    public var normalisations: [NormalisationChoice]
    /// Aggregation alternatives; two or more make the aggregation uncertain, one applies it.
    public var aggregations: [AggregationChoice]
    /// Whether imputation is uncertain: the set's, or none.
    public var imputationUncertain: Bool
    /// What may be left out, nil for nothing.
    public var leaveOut: LeaveOutLevel?
    /// Bootstrap resamples for the intervals of the indices.
    public var bootstrap: Int
    /// Whether replications run on all cores (false: one thread; the results are the same).
    public var parallel: Bool

    /// Creates options; with the defaults nothing is uncertain.
    public init(
        runs: Int = 1000, seed: UInt64 = 1, weightSpread: Double? = nil, dirichletConcentration: Double? = nil,
        normalisations: [NormalisationChoice] = [], aggregations: [AggregationChoice] = [],
        imputationUncertain: Bool = false, leaveOut: LeaveOutLevel? = nil, bootstrap: Int = 100, parallel: Bool = true
    ) {
        self.runs = runs
        self.seed = seed
        self.weightSpread = weightSpread
        self.dirichletConcentration = dirichletConcentration
        self.normalisations = normalisations
        self.aggregations = aggregations
        self.imputationUncertain = imputationUncertain
        self.leaveOut = leaveOut
        self.bootstrap = bootstrap
        self.parallel = parallel
    }

    /// Options that run what a criteria set declares (`uncertainty:`), with 1,000 runs and
    /// seed 1 where it is silent.
    public init(declared u: Uncertainties, bootstrap: Int = 100, parallel: Bool = true) {
        self.init(
            runs: u.runs ?? 1000, seed: u.seed ?? 1, weightSpread: u.weightSpread, dirichletConcentration: u.dirichletConcentration,
            normalisations: u.normalisations, aggregations: u.aggregations, imputationUncertain: u.imputation, leaveOut: u.leaveOut,
            bootstrap: bootstrap, parallel: parallel)
    }

    /// The uncertain inputs these options declare, in a fixed order.
    /// - Complexity: O(1).
    public var uncertainInputs: [UncertainInput] {
        var inputs: [UncertainInput] = []
        if (weightSpread ?? 0) > 0 || dirichletConcentration != nil { inputs.append(.weights) }
        if Set(normalisations).count > 1 { inputs.append(.normalisation) }
        if Set(aggregations).count > 1 { inputs.append(.aggregation) }
        if imputationUncertain { inputs.append(.imputation) }
        if leaveOut != nil { inputs.append(.leaveOut) }
        return inputs
    }
}
