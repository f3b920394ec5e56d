/// The discrete choices of one evaluation of the index (the weights travel separately).
struct Draw: Sendable, Hashable {
    /// Index into the model's normalisation levels.
    var normalisation = 0
    /// Index into the model's aggregation levels.
    var aggregation = 0
    /// Index into the model's imputation levels.
    var imputation = 0
    /// The node left out, -1 for none.
    var leftOut = -1

    /// This draw with input `input` taken from `other`.
    func with(_ input: UncertainInput, from other: Draw) -> Draw {
        var d = self
        switch input {
        case .weights: break
        case .normalisation: d.normalisation = other.normalisation
        case .aggregation: d.aggregation = other.aggregation
        case .imputation: d.imputation = other.imputation
        case .leaveOut: d.leftOut = other.leftOut
        }
        return d
    }
}
