/// A target an indicator was scored against in one period, where it came from and the units it
/// applied to.
public struct TargetUse: Sendable, Hashable {
    /// Where a target was found.
    public enum Origin: Sendable, Hashable {
        /// An entry of the targets file.
        case file(TargetEntry)
        /// The set itself: the node's `target` or the normalisation's own `target`.
        case criteriaSet(SourcePlace)
    }

    /// The indicator (index in the criteria set).
    public var indicator: Int
    /// The target.
    public var target: Double
    /// Where it came from.
    public var origin: Origin
    /// The units (indices in the result) it applied to, in unit order.
    public var units: [Int]

    /// Creates a use.
    public init(indicator: Int, target: Double, origin: Origin, units: [Int]) {
        self.indicator = indicator
        self.target = target
        self.origin = origin
        self.units = units
    }

    /// The source as written in the targets file, nil for a target of the set.
    public var source: String? {
        if case let .file(entry) = origin { return entry.source }
        return nil
    }

    /// Where the target was written.
    public var place: SourcePlace {
        switch origin {
        case let .file(entry): entry.place
        case let .criteriaSet(place): place
        }
    }
}
