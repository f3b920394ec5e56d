/// First-order and total sensitivity indices from a Saltelli design, by the estimators of
/// Jansen (1999) as given in Saltelli et al. (2010), *Variance based sensitivity analysis of
/// model output*, Table 2 (b) and (f):
///
/// - V(Y) from the pooled outputs of the independent samples A and B;
/// - first order: S_i = [V(Y) − 1/(2N) Σ_j (f(B)_j − f(A_B^i)_j)²] / V(Y);
/// - total: S_Ti = 1/(2N) Σ_j (f(A)_j − f(A_B^i)_j)² / V(Y),
///
/// where A_B^i is A with column i taken from B.
///
/// ```swift
/// let s = JansenEstimator.indices(a: yA, b: yB, ab: yABi)   // (first, total)
/// ```
public enum JansenEstimator {
    /// The first-order and total index of one input from the outputs f(A), f(B), f(A_B^i),
    /// using rows `rows` (nil: all, in order; a bootstrap passes a resample). NaN when V(Y) = 0.
    /// - Complexity: O(N).
    public static func indices(a: ArraySlice<Double>, b: ArraySlice<Double>, ab: ArraySlice<Double>, rows: ArraySlice<Int32>? = nil) -> (first: Double, total: Double) {
        let n = rows?.count ?? a.count
        guard n > 1 else { return (.nan, .nan) }
        let a0 = a.startIndex, b0 = b.startIndex, ab0 = ab.startIndex
        var sum = 0.0, sumSquares = 0.0, firstSum = 0.0, totalSum = 0.0
        // Shifted sums keep the variance accurate when outputs are large and close together.
        let shift = a[a0]
        for k in 0..<n {
            let j = rows.map { Int($0[$0.startIndex + k]) } ?? k
            let ya = a[a0 + j], yb = b[b0 + j], yab = ab[ab0 + j]
            let da = ya - shift, db = yb - shift
            sum += da + db
            sumSquares += da * da + db * db
            firstSum += (yb - yab) * (yb - yab)
            totalSum += (ya - yab) * (ya - yab)
        }
        let count = Double(2 * n)
        let mean = sum / count
        let variance = sumSquares / count - mean * mean
        guard variance > 1e-12 * Swift.max(1, shift * shift) else { return (.nan, .nan) }
        let first = (variance - firstSum / Double(2 * n)) / variance
        let total = totalSum / Double(2 * n) / variance
        return (first, total)
    }
}
