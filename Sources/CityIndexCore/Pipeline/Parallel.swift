import Dispatch
import Foundation

/// Work spread over every core.
///
/// ```swift
/// let pages = Parallel.map(units) { render($0) }   // in the order of `units`
/// ```
public enum Parallel {
    /// `transform` of each element, computed concurrently, in the elements' order.
    ///
    /// - Complexity: the elements' work divided over the cores (one element each at a time).
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = SlotArray<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { k in slots.set(k, transform(items[k])) }
        return slots.values
    }
}

/// Results written by concurrent workers, one slot each.
private final class SlotArray<R>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ k: Int, _ value: R) { lock.withLock { slots[k] = value } }

    var values: [R] { lock.withLock { slots.compactMap { $0 } } }
}
