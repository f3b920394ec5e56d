/// The steps of the methodology that a criteria set may give set-wide (under `defaults`)
/// or per node; a node's own setting wins over the default.
public struct StepSettings: Sendable, Hashable {
    public var direction: Direction?
    public var denominate: DenominateStep?
    public var impute: ImputeStep?
    public var treat: TreatStep?
    public var transform: Transform?
    public var normalise: NormaliseStep?
    public var aggregate: AggregateStep?

    /// Creates settings; every step left nil is inherited.
    public init(
        direction: Direction? = nil, denominate: DenominateStep? = nil, impute: ImputeStep? = nil,
        treat: TreatStep? = nil, transform: Transform? = nil, normalise: NormaliseStep? = nil,
        aggregate: AggregateStep? = nil
    ) {
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
            aggregate: aggregate ?? defaults.aggregate
        )
    }
}
