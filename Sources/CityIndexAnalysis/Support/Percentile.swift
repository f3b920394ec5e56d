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

    /// The `p`-quantile (0-1) of sorted whole numbers (ranks) as one of them or the mean of two
    /// neighbours, so a quantile of ranks is a whole number or a half: the inverse of the
    /// empirical distribution, averaged where it is flat (Hyndman and Fan type 2; the median is
    /// the usual one). NaN for an empty sample.
    /// - Complexity: O(1).
    static func ofRanks(sorted xs: [Double], _ p: Double) -> Double {
        guard !xs.isEmpty else { return .nan }
        let h = Double(xs.count) * p
        let j = h.rounded()
        // n·p a whole number (up to rounding in p): the mean of the j-th and (j+1)-th values.
        if abs(h - j) < 1e-9 {
            let k = Int(j)
            let a = xs[Swift.max(0, Swift.min(k - 1, xs.count - 1))], b = xs[Swift.min(k, xs.count - 1)]
            return (a + b) / 2
        }
        return xs[Swift.min(Int(h.rounded(.up)) - 1, xs.count - 1)]
    }
}
