import Foundation

/// Step 6: a transformation applied to values and goalposts alike.
public enum Transform: String, Sendable, Hashable, CaseIterable {
    case none, ln, log10, sqrt

    /// Applies the transformation; values outside its domain give NaN (checked by the caller).
    public func apply(_ x: Double) -> Double {
        switch self {
        case .none: x
        case .ln: Foundation.log(x)
        case .log10: Foundation.log10(x)
        case .sqrt: x.squareRoot()
        }
    }

    /// Whether `x` lies in the domain of the transformation.
    public func accepts(_ x: Double) -> Bool {
        switch self {
        case .none: true
        case .ln, .log10: x > 0
        case .sqrt: x >= 0
        }
    }
}
