import Foundation

/// A number in a message: as a person writes it, without the binary noise of arithmetic
/// (0.1 + 0.2 is `0.3`, not `0.30000000000000004`) and without a trailing `.0`.
enum PlainNumber {
    /// `x` with at most 12 significant digits and the decimal point.
    static func text(_ x: Double) -> String {
        guard x.isFinite else { return String(x) }
        let clean = Double(String(format: "%.12g", x)) ?? x
        if clean == clean.rounded(), abs(clean) < 1e15 { return String(Int(clean)) }
        return String(clean)
    }
}
