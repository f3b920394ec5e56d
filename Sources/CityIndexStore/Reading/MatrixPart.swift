/// Which of a period's units one matrix read covers: all of them, or one of `count` parts
/// cut by the store's unit keys, so that a large period can be read on several cores at once
/// and the parts put back together with ``StoredMatrix/init(combining:)``.
///
/// ```swift
/// let halves = try (0..<2).map { try store.matrix(period: p, indicators: ids, part: MatrixPart(index: $0, count: 2)) }
/// let whole = StoredMatrix(combining: halves)   // equal to store.matrix(period: p, indicators: ids)
/// ```
public struct MatrixPart: Sendable, Hashable {
    /// The part, from 0 to `count - 1`.
    public var index: Int
    /// How many parts the units are cut into.
    public var count: Int

    /// Every unit.
    public static let all = MatrixPart(index: 0, count: 1)

    /// Creates a part; `index` must lie in `0..<count`.
    public init(index: Int, count: Int) {
        precondition(count > 0 && (0..<count).contains(index), "part \(index) of \(count)")
        self.index = index
        self.count = count
    }

    /// The unit keys of this part, out of the keys `lowest...highest`: equal ranges of keys
    /// (SQLite hands out unit keys densely, so the parts hold about as many units each); the
    /// first and last parts reach beyond them, so that the parts cover every key. Nil when
    /// the part holds no key (more parts than keys).
    func keys(lowest: Int64, highest: Int64) -> ClosedRange<Int64>? {
        guard count > 1, highest > lowest else { return index == 0 ? Int64.min...Int64.max : nil }
        let width = Double(highest - lowest) + 1
        func start(_ k: Int) -> Int64 { lowest + Int64((width * Double(k) / Double(count)).rounded(.down)) }
        let first = index == 0 ? Int64.min : start(index)
        guard index < count - 1 else { return first...Int64.max }
        let next = start(index + 1)
        return next > first ? first...(next - 1) : nil
    }
}
