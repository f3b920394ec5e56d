/// The marks (data-quality level, verified) stated for the values of one period, by unit
/// code and indicator id. Values stating nothing are not held.
public struct ValueMarks: Sendable, Hashable {
    /// The marks stated, by unit code, then indicator id.
    public var marks: [String: [String: ValueMark]]

    /// No marks.
    public init(marks: [String: [String: ValueMark]] = [:]) {
        self.marks = marks
    }

    /// Whether any value states a level or a verified flag.
    public var isEmpty: Bool { marks.isEmpty }

    /// The mark of `unit`'s value of `indicator` (empty when it states nothing).
    public func mark(unit: String, indicator: String) -> ValueMark {
        marks[unit]?[indicator] ?? ValueMark()
    }

    /// Records a mark (one stating nothing is not kept).
    public mutating func set(_ mark: ValueMark, unit: String, indicator: String) {
        guard !mark.isEmpty else { return }
        marks[unit, default: [:]][indicator] = mark
    }
}
