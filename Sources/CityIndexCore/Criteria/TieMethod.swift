/// How equal scores share ranks.
public enum TieMethod: String, Sendable, Hashable, CaseIterable {
    /// 1, 2, 2, 4 (the default).
    case competition
    /// 1, 2, 2, 3.
    case dense
    /// 1, 2, 3, 4, ties broken by unit code.
    case ordinal
}
