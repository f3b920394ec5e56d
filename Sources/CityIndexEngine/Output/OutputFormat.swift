/// The format of a table printed to standard output.
public enum OutputFormat: String, Sendable, CaseIterable {
    case csv, md, json
}

/// How much of a result `score` prints.
public enum Levels: String, Sendable, CaseIterable {
    /// The ranking: one row per unit.
    case index
    /// Every node: the long layout of scores.csv.
    case all
}
