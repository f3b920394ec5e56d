/// Correlation coefficients over the pairs where both values are finite.
public enum Correlation {
    /// Pearson's r by the two-pass formula; NaN below two pairs or with zero spread.
    /// - Complexity: O(n).
    public static func pearson(_ x: [Double], _ y: [Double]) -> (r: Double, count: Int) {
        let pairs = zip(x, y).filter { $0.0.isFinite && $0.1.isFinite }
        return (pearsonComplete(pairs.map(\.0), pairs.map(\.1)), pairs.count)
    }

    /// Spearman's ρ: Pearson's r of the mean ranks (ties share their mean position) of the
    /// pairs where both values are finite.
    /// - Complexity: O(n log n).
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        let pairs = zip(x, y).filter { $0.0.isFinite && $0.1.isFinite }
        return pearsonComplete(meanRanks(pairs.map(\.0)), meanRanks(pairs.map(\.1)))
    }

    static func pearsonComplete(_ x: [Double], _ y: [Double]) -> Double {
        let n = x.count
        guard n > 1 else { return .nan }
        let mx = x.reduce(0, +) / Double(n), my = y.reduce(0, +) / Double(n)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for k in 0..<n {
            sxy += (x[k] - mx) * (y[k] - my)
            sxx += (x[k] - mx) * (x[k] - mx)
            syy += (y[k] - my) * (y[k] - my)
        }
        guard sxx > 0, syy > 0 else { return .nan }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Ranks from 1 (smallest); ties share the mean of their positions.
    /// - Complexity: O(n log n).
    public static func meanRanks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var ranks = [Double](repeating: 0, count: x.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && x[order[end + 1]] == x[order[start]] { end += 1 }
            for k in start...end { ranks[order[k]] = Double(start + end) / 2 + 1 }
            start = end + 1
        }
        return ranks
    }
}
