/// Which data fix the bounds of min-max and z-score normalisation.
///
/// By default bounds come from the period being scored, so a score change also reflects
/// changes in the other units; freezing them makes a change mean a change in the unit.
public enum BoundsReference: Sendable, Hashable, CustomStringConvertible {
    /// The period being scored (the default).
    case period
    /// A fixed reference period (`reference: 2024`).
    case fixed(Period)
    /// All periods scored together (`reference: panel`).
    case panel

    public var description: String {
        switch self {
        case .period: "each period's own"
        case let .fixed(p): "frozen on \(p)"
        case .panel: "pooled over all periods scored"
        }
    }
}
