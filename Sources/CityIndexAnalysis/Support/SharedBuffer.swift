/// A fixed-size buffer that parallel workers fill at disjoint positions.
///
/// The caller guarantees that no two workers write the same element and that nobody reads
/// until every worker has finished (`DispatchQueue.concurrentPerform` returns only then).
final class SharedBuffer<Element>: @unchecked Sendable {
    private let pointer: UnsafeMutableBufferPointer<Element>

    /// A buffer of `count` copies of `value`.
    init(repeating value: Element, count: Int) {
        pointer = UnsafeMutableBufferPointer<Element>.allocate(capacity: count)
        pointer.initialize(repeating: value)
    }

    deinit {
        pointer.deinitialize()
        pointer.deallocate()
    }

    /// The element at `index`.
    subscript(index: Int) -> Element {
        get { pointer[index] }
        set { pointer[index] = newValue }
    }

    /// The contents as an array.
    var array: [Element] { Array(pointer) }
}
