import CityIndexCore
import CityIndexFormats
import CityIndexReports

/// `score`: the ranking of one or more periods as a table.
public struct ScoreRequest: Sendable {
    public var input: ScoringInput
    /// Every node (the long layout of scores.csv) or the index ranking.
    public var levels: Levels
    /// Options recorded with the run.
    public var runOptions: String

    /// Creates a request.
    public init(input: ScoringInput, levels: Levels = .index, runOptions: String? = nil) {
        self.input = input
        self.levels = levels
        self.runOptions = runOptions ?? "score levels=\(levels.rawValue)"
    }
}

/// The scored periods of a `score` request, ready to print.
public struct ScoreOutcome {
    /// The scored periods and their comparisons.
    public var scored: ScoringSession.Scored
    /// The set's language (the default for names).
    public var language: Language
    /// What was asked.
    public var levels: Levels

    /// The ranking as text: CSV in `dialect`, Markdown or JSON, names in `language`, the
    /// header of CSV and Markdown in `headers`.
    public func text(format: OutputFormat, language: Language? = nil, dialect: CSVDialect = .data, headers: HeaderStyle = .ids) -> String {
        ResultPrinter(results: scored.results, comparisons: scored.comparisons, language: language ?? self.language)
            .render(format: format, levels: levels, dialect: dialect, headers: headers)
    }
}

extension Engine {
    /// Imports the data, scores the periods asked for (or the latest rankable one) and stores the run.
    public func score(_ request: ScoreRequest) throws -> ScoreOutcome {
        let session = try session(request.input)
        let scored = try session.score(request.input, runOptions: request.runOptions)
        return ScoreOutcome(scored: scored, language: session.criteria.set.language, levels: request.levels)
    }
}

extension ScoringSession {
    /// Chooses the periods of `input` and scores them.
    public func score(_ input: ScoringInput, runOptions: String) throws -> Scored {
        let chosen = try periods(single: input.period, selection: input.selection)
        return try score(periods: chosen, selection: input.selection, runOptions: runOptions, verbose: input.verbose)
    }
}
