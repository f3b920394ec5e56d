/// A chart a criteria set asks its reports to draw besides the standard ones (`charts:`).
public enum ReportChart: String, Sendable, Hashable, CaseIterable {
    /// The benchmarking wheel: the pillars in the centre, the indicators' parents around them,
    /// the indicators outside, each cell coloured by the band its score falls in (U4SSC).
    case wheel
}
