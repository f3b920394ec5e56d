/// A map from units to the units they became part of (DESIGN §5), such as Vietnam's 63
/// provinces to the 34 units of 1 July 2025.
public struct Crosswalk: Sendable, Hashable {
    /// Successor code by predecessor code, for units that were merged or renamed.
    public var successor: [String: String]

    /// Creates a crosswalk.
    public init(successor: [String: String]) {
        self.successor = successor
    }

    /// The unit `code` ends up in after following successors (at most 16 steps; a code
    /// without a successor maps to itself).
    public func target(of code: String) -> String {
        var current = code
        for _ in 0..<16 {
            guard let next = successor[current], next != current else { return current }
            current = next
        }
        return current
    }
}
