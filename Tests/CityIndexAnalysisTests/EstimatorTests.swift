import Foundation
import Testing

@testable import CityIndexAnalysis

/// The estimators on functions whose indices are known in closed form.
@Suite struct EstimatorTests {
    /// Y = Σ a_i X_i with independent X_i ~ U(0, 1): S_i = S_Ti = a_i² / Σ a_j².
    @Test func jansenConvergesOnAnAdditiveModel() {
        let a = [1.0, 2.0, 3.0, 0.5]
        let n = 20000
        var rng = Xoshiro256(seed: 11)
        var matrixA = [[Double]](), matrixB = [[Double]]()
        for _ in 0..<n {
            matrixA.append(a.map { _ in rng.nextUnit() })
            matrixB.append(a.map { _ in rng.nextUnit() })
        }
        func f(_ x: [Double]) -> Double { zip(a, x).reduce(0) { $0 + $1.0 * $1.1 } }
        let yA = matrixA.map(f), yB = matrixB.map(f)
        let sumSquares = a.reduce(0) { $0 + $1 * $1 }
        for i in a.indices {
            let yAB = (0..<n).map { j -> Double in
                var x = matrixA[j]
                x[i] = matrixB[j][i]
                return f(x)
            }
            let s = JansenEstimator.indices(a: yA[...], b: yB[...], ab: yAB[...])
            let expected = a[i] * a[i] / sumSquares
            #expect(abs(s.first - expected) < 0.02, "S_\(i) = \(s.first), expected \(expected)")
            #expect(abs(s.total - expected) < 0.02, "S_T\(i) = \(s.total), expected \(expected)")
        }
    }

    /// Y = X1 · X2 with X_i ~ U(0, 1): V = 7/144, V1 = V2 = 1/48, so S1 = S2 = 3/7 and
    /// S_T1 = S_T2 = 1 − 3/7 = 4/7 (the interaction counts in both totals).
    @Test func jansenSeesAnInteraction() {
        let n = 40000
        var rng = Xoshiro256(seed: 3)
        var yA = [Double](), yB = [Double](), yAB = [Double]()
        for _ in 0..<n {
            let a1 = rng.nextUnit(), a2 = rng.nextUnit(), b1 = rng.nextUnit(), b2 = rng.nextUnit()
            yA.append(a1 * a2)
            yB.append(b1 * b2)
            yAB.append(b1 * a2)
        }
        let s = JansenEstimator.indices(a: yA[...], b: yB[...], ab: yAB[...])
        #expect(abs(s.first - 3.0 / 7.0) < 0.03, "S_1 = \(s.first)")
        #expect(abs(s.total - 4.0 / 7.0) < 0.03, "S_T1 = \(s.total)")
    }

    @Test func aConstantOutputHasNoIndices() {
        let y = [Double](repeating: 4, count: 10)
        let s = JansenEstimator.indices(a: y[...], b: y[...], ab: y[...])
        #expect(s.first.isNaN && s.total.isNaN)
    }

    @Test func generatorsAreSeededAndStreamsDiffer() {
        var a = Xoshiro256(seed: 1, stream: 5), b = Xoshiro256(seed: 1, stream: 5), c = Xoshiro256(seed: 1, stream: 6)
        let xs = (0..<8).map { _ in a.next() }
        #expect(xs == (0..<8).map { _ in b.next() })
        #expect(xs != (0..<8).map { _ in c.next() })
        var g = Xoshiro256(seed: 9)
        let units = (0..<10000).map { _ in g.nextUnit() }
        #expect(units.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(units.reduce(0, +) / 10000 - 0.5) < 0.01)
        for shape in [0.5, 1.0, 3.0] {
            let gammas = (0..<20000).map { _ in g.nextGamma(shape: shape) }
            #expect(abs(gammas.reduce(0, +) / 20000 - shape) < 0.05 * max(1, shape), "Gamma(\(shape)) mean")
        }
    }

    @Test func jacobiFindsKnownEigenvalues() {
        let r = 0.6
        let two = JacobiEigen.eigenvalues([1, r, r, 1], size: 2)
        #expect(abs(two[0] - 1.6) < 1e-12 && abs(two[1] - 0.4) < 1e-12)
        // Equicorrelation: 1 + (k − 1) r once, 1 − r (k − 1) times.
        let k = 5
        var m = [Double](repeating: r, count: k * k)
        for i in 0..<k { m[i * k + i] = 1 }
        let e = JacobiEigen.eigenvalues(m, size: k)
        #expect(abs(e[0] - (1 + Double(k - 1) * r)) < 1e-10)
        #expect(e.dropFirst().allSatisfy { abs($0 - (1 - r)) < 1e-10 })
        #expect(abs(e.reduce(0, +) - Double(k)) < 1e-10)
    }

    @Test func spearmanUsesMeanRanks() {
        #expect(Correlation.meanRanks([3, 1, 3, 2]) == [3.5, 1, 3.5, 2])
        let rho = Correlation.spearman([1, 2, 3, 4, .nan], [1, 4, 9, 16, 2])
        #expect(abs(rho - 1) < 1e-12)
        #expect(abs(Correlation.pearson([1, 2, 3], [3, 2, 1]).r + 1) < 1e-12)
    }
}
