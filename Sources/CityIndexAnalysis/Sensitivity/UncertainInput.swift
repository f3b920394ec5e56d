/// An uncertain input of a sensitivity run: one factor of the Saltelli design.
///
/// Weights form one factor (every weight is drawn together), so the indices say how much the
/// weighting as a whole matters, beside the methodological choices.
public enum UncertainInput: String, Sendable, Hashable, CaseIterable {
    /// The weights (uniform within ± a share of the nominal, or Dirichlet around it).
    case weights
    /// The normalisation method (one of the alternatives, equally likely).
    case normalisation
    /// The aggregation method (one of the alternatives, equally likely).
    case aggregation
    /// The set's imputation, or none (equally likely).
    case imputation
    /// Nothing left out, or one indicator or pillar (equally likely).
    case leaveOut = "leave-out"
}
