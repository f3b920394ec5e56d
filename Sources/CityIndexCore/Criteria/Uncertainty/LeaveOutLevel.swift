/// What a sensitivity run may leave out of the index, one at a time.
public enum LeaveOutLevel: String, Sendable, Hashable, CaseIterable {
    /// One scored indicator.
    case indicator
    /// One pillar: a scored aggregate whose children are indicators (not the root).
    case pillar
}
