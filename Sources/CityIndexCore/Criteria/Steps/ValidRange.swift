/// The values an indicator can take, as the set declares them (`range: [0, 100]` for a
/// percentage): values outside are refused at import, and what it takes to move up never
/// proposes one. There is no built-in range: a set declares it, on a node or under `defaults`.
///
/// ```swift
/// let share = ValidRange(min: 0, max: 100, place: SourcePlace(file: "set.yaml", line: 9, column: 16))
/// share.contains(150)   // false
/// ```
public struct ValidRange: Sendable, Hashable {
    /// The smallest valid value.
    public var min: Double
    /// The largest valid value.
    public var max: Double
    /// Where the range was declared (file:line:column and criteria path), for messages.
    public var place: SourcePlace

    /// Creates a range; `min` must not be above `max` (the readers check it).
    public init(min: Double, max: Double, place: SourcePlace) {
        self.min = min
        self.max = max
        self.place = place
    }

    /// Whether `value` lies in `[min, max]`.
    public func contains(_ value: Double) -> Bool { value >= min && value <= max }
}
