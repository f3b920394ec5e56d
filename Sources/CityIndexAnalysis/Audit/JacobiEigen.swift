/// Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations.
public enum JacobiEigen {
    /// The eigenvalues of the symmetric `k × k` matrix `a` (row-major), largest first.
    ///
    /// Sweeps rotate away every off-diagonal entry in turn until their sum of squares falls
    /// below 1e-22 of the matrix's, or 100 sweeps.
    /// - Complexity: O(k³) per sweep; a few sweeps for the matrices of an audit (k ≤ ~20).
    public static func eigenvalues(_ a: [Double], size k: Int) -> [Double] {
        guard k > 0, a.count == k * k else { return [] }
        var m = a
        let scale = Swift.max(m.reduce(0) { $0 + $1 * $1 }, .leastNormalMagnitude)
        for _ in 0..<100 {
            var off = 0.0
            for p in 0..<k { for q in (p + 1)..<Swift.max(k, p + 1) { off += m[p * k + q] * m[p * k + q] } }
            if off <= 1e-22 * scale { break }
            for p in 0..<(k - 1) {
                for q in (p + 1)..<k {
                    let apq = m[p * k + q]
                    guard apq != 0 else { continue }
                    let theta = (m[q * k + q] - m[p * k + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for r in 0..<k {
                        let arp = m[r * k + p], arq = m[r * k + q]
                        m[r * k + p] = c * arp - s * arq
                        m[r * k + q] = s * arp + c * arq
                    }
                    for r in 0..<k {
                        let apr = m[p * k + r], aqr = m[q * k + r]
                        m[p * k + r] = c * apr - s * aqr
                        m[q * k + r] = s * apr + c * aqr
                    }
                }
            }
        }
        return (0..<k).map { m[$0 * k + $0] }.sorted(by: >)
    }
}
