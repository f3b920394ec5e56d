import CityIndexStore

/// What the engine tells its caller as it works (it prints nothing itself): the CLI shows
/// these on standard error, a server would log them.
public enum EngineEvent: Sendable {
    /// A data file was imported (or found imported before).
    case imported(file: String, summary: ImportSummary)
    /// Something the user should know that does not stop the work: a period skipped, the
    /// period chosen by default and why.
    case note(String)
    /// Something probably wrong in the data or the set that the results carry.
    case warning(String)
    /// A problem that leaves part of the work undone (a map left out) while the rest goes on;
    /// the use case fails at its end.
    case error(String)
}

/// Where a use case sends its ``EngineEvent``s.
public typealias EngineEvents = @Sendable (EngineEvent) -> Void
