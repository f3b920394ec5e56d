/// Where a criteria set's targets come from beyond the `target` keys of its nodes (`targets:`).
public enum TargetsDeclaration: Sendable, Hashable {
    /// A targets file, as written (relative to the set's file).
    case file(String)
    /// Targets are given with each run (`--targets FILE`); the set ships none.
    case external
}
