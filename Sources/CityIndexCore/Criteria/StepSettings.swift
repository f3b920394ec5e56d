/// The steps of the methodology that a criteria set may give set-wide (under `defaults`)
/// or per node; a node's own setting wins over the default.
public struct StepSettings: Sendable, Hashable {
    public var direction: Direction?
    public var denominate: DenominateStep?
    public var impute: ImputeStep?
    public var treat: TreatStep?
    public var transform: Transform?
    public var normalise: NormaliseStep?
    /// Where min-max and z-score bounds come from.
    public var bounds: BoundsReference?
    public var aggregate: AggregateStep?
    /// How values are carried over or filled in from other periods (step 3).
    public var imputeOverTime: TimeImputation?
    /// How a coarser period's value is built from finer periods' data (quarters → year).
    public var overTime: PeriodRollup?
    /// How predecessor units' values combine into a successor unit (a merger crosswalk).
    public var combine: CombineRule?
    /// The values an indicator can take (step 1, select): values outside are refused at import.
    public var range: ValidRange?

    /// Creates settings; every step left nil is inherited.
    public init(
        direction: Direction? = nil, denominate: DenominateStep? = nil, impute: ImputeStep? = nil,
        treat: TreatStep? = nil, transform: Transform? = nil, normalise: NormaliseStep? = nil,
        aggregate: AggregateStep? = nil, bounds: BoundsReference? = nil, imputeOverTime: TimeImputation? = nil,
        overTime: PeriodRollup? = nil, combine: CombineRule? = nil, range: ValidRange? = nil
    ) {
        self.bounds = bounds
        self.imputeOverTime = imputeOverTime
        self.overTime = overTime
        self.combine = combine
        self.range = range
        self.direction = direction
        self.denominate = denominate
        self.impute = impute
        self.treat = treat
        self.transform = transform
        self.normalise = normalise
        self.aggregate = aggregate
    }

    /// These settings with every missing step taken from `defaults`.
    public func inheriting(from defaults: StepSettings) -> StepSettings {
        StepSettings(
            direction: direction ?? defaults.direction,
            denominate: denominate ?? defaults.denominate,
            impute: impute ?? defaults.impute,
            treat: treat ?? defaults.treat,
            transform: transform ?? defaults.transform,
            normalise: normalise ?? defaults.normalise,
            aggregate: aggregate ?? defaults.aggregate,
            bounds: bounds ?? defaults.bounds,
            imputeOverTime: imputeOverTime ?? defaults.imputeOverTime,
            overTime: overTime ?? defaults.overTime,
            combine: combine ?? defaults.combine,
            range: range ?? defaults.range
        )
    }
}
