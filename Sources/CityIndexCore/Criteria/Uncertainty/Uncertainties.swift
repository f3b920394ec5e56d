/// The uncertainties a criteria set declares for its sensitivity analysis (`uncertainty:` in
/// the YAML), so that everyone who runs `cityindex sensitivity` or `report` on the set tests
/// the same choices. Command-line options override them input by input.
///
/// ```yaml
/// uncertainty:
///   weights: 0.25                     # each weight within ±25 %; or {dirichlet: 20}
///   normalise: [min-max, z-score]     # two or more: the normalisation is uncertain
///   aggregate: [arithmetic, geometric]
///   impute: true                      # the set's imputation, or none
///   leave-out: indicator              # or pillar
///   runs: 1000
///   seed: 1
/// ```
public struct Uncertainties: Sendable, Hashable {
    /// Each weight varies uniformly within ± this share of its nominal value (0.25 = ±25 %).
    public var weightSpread: Double?
    /// Siblings' weights come from a Dirichlet distribution around the nominal relative
    /// weights, with this concentration per child.
    public var dirichletConcentration: Double?
    /// Normalisation alternatives (two or more make the normalisation uncertain).
    public var normalisations: [NormalisationChoice]
    /// Aggregation alternatives (two or more make the aggregation uncertain).
    public var aggregations: [AggregationChoice]
    /// Whether imputation is uncertain: the set's, or none.
    public var imputation: Bool
    /// What may be left out, one at a time; nil for nothing.
    public var leaveOut: LeaveOutLevel?
    /// Replications, nil for the tool's default.
    public var runs: Int?
    /// Seed of the random numbers, nil for the tool's default.
    public var seed: UInt64?

    /// Creates a declaration; with the defaults nothing is uncertain.
    public init(
        weightSpread: Double? = nil, dirichletConcentration: Double? = nil, normalisations: [NormalisationChoice] = [],
        aggregations: [AggregationChoice] = [], imputation: Bool = false, leaveOut: LeaveOutLevel? = nil,
        runs: Int? = nil, seed: UInt64? = nil
    ) {
        self.weightSpread = weightSpread
        self.dirichletConcentration = dirichletConcentration
        self.normalisations = normalisations
        self.aggregations = aggregations
        self.imputation = imputation
        self.leaveOut = leaveOut
        self.runs = runs
        self.seed = seed
    }
}
