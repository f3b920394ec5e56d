/// Quantiles of a sorted sample.
enum Percentile {
    /// The `p`-quantile (0-1) of sorted `xs` by linear interpolation between order statistics
    /// (Hyndman and Fan type 7, the default of R and numpy); NaN for an empty sample.
    /// - Complexity: O(1).
    static func of(sorted xs: [Double], _ p: Double) -> Double {
        guard !xs.isEmpty else { return .nan }
        let h = Double(xs.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = Swift.min(lo + 1, xs.count - 1)
        return xs[lo] + (h - Double(lo)) * (xs[hi] - xs[lo])
    }
}
