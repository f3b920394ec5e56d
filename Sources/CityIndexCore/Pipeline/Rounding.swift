import Foundation

/// Rounding to published decimals.
public enum Rounding {
    /// `x` rounded half away from zero to `decimals` places.
    ///
    /// The product is first rounded to 9 significant decimals beyond the target so that a value
    /// such as 0.7845 stored as 0.78449999… rounds as the decimal it stands for.
    public static func round(_ x: Double, decimals: Int) -> Double {
        let factor = pow(10.0, Double(decimals))
        let scaled = x * factor
        let cleaned = (scaled * 1e9).rounded() / 1e9
        let r = cleaned.rounded(.toNearestOrAwayFromZero) / factor
        return r == 0 ? 0 : r
    }
}
