import Foundation

/// Descriptive statistics over the finite values of a sample (NaN values are skipped).
public enum Statistics {
    /// The finite values of `xs`.
    @inlinable
    public static func present<C: Collection<Double>>(_ xs: C) -> [Double] { xs.filter { $0.isFinite } }

    /// The mean, nil for an empty sample.
    public static func mean<C: Collection<Double>>(_ xs: C) -> Double? {
        var sum = 0.0, n = 0
        for x in xs where x.isFinite {
            sum += x
            n += 1
        }
        return n > 0 ? sum / Double(n) : nil
    }

    /// The median, nil for an empty sample.
    public static func median<C: Collection<Double>>(_ xs: C) -> Double? {
        let s = present(xs).sorted()
        guard !s.isEmpty else { return nil }
        let m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }

    /// The sample standard deviation (n − 1), nil below two values.
    public static func standardDeviation<C: Collection<Double>>(_ xs: C) -> Double? {
        let v = present(xs)
        guard v.count > 1, let m = mean(v) else { return nil }
        let ss = v.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        return (ss / Double(v.count - 1)).squareRoot()
    }

    /// Sample skewness with the small-sample correction of spreadsheets (Excel `SKEW`);
    /// nil below three values or with zero spread.
    public static func skewness<C: Collection<Double>>(_ xs: C) -> Double? {
        let v = present(xs)
        let n = Double(v.count)
        guard v.count > 2, let m = mean(v), let s = standardDeviation(v), s > 0 else { return nil }
        let sum3 = v.reduce(0) { $0 + pow(($1 - m) / s, 3) }
        return n / ((n - 1) * (n - 2)) * sum3
    }

    /// Sample excess kurtosis with the small-sample correction of spreadsheets (Excel `KURT`);
    /// nil below four values or with zero spread.
    public static func kurtosis<C: Collection<Double>>(_ xs: C) -> Double? {
        let v = present(xs)
        let n = Double(v.count)
        guard v.count > 3, let m = mean(v), let s = standardDeviation(v), s > 0 else { return nil }
        let sum4 = v.reduce(0) { $0 + pow(($1 - m) / s, 4) }
        return n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * sum4 - 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3))
    }
}
