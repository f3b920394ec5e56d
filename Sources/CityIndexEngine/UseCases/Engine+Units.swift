import CityIndexAnalysis
import CityIndexCore
import CityIndexReports

/// A scored period to ask about one or more units: the last period scored, the earlier ones
/// for trends.
public struct UnitQuery {
    /// The latest period scored.
    public var result: ScoreResult
    /// The earlier periods scored (with `--periods` or `--all-periods`), oldest first.
    public var history: [ScoreResult]
    /// The data-quality levels and verified flags the data states for ``result``'s period.
    public var marks = ValueMarks()

    /// The indices in ``result`` of the units named by `keys` (codes or names).
    ///
    /// - Throws: ``EngineError`` (usage) naming the unit and the closest name.
    public func match(_ keys: [String]) throws -> [Int] {
        let matcher = UnitMatcher(units: result.units)
        return try keys.map { key in
            switch matcher.match(key) {
            case let .found(i): return i
            case let .ambiguous(hits):
                let list = hits.map { "\(result.units[$0].code) \(result.units[$0].name)" }.joined(separator: ", ")
                throw EngineError("unit \"\(key)\" matches several units (\(list)): use the unit code", kind: .usage)
            case let .notFound(suggestion):
                let hint = suggestion.map { ": did you mean \"\($0)\"?" } ?? ": see `cityindex score` for the units of the period"
                throw EngineError("unit \"\(key)\" is not among the \(result.units.count) units of \(result.criteria.id) \(result.period)\(hint)", kind: .usage)
            }
        }
    }
}

extension Engine {
    /// Imports the data and scores the period(s) to ask about units (the shipped demo when
    /// the input names no criteria set).
    public func unitQuery(_ input: ScoringInput, runOptions: String) throws -> UnitQuery {
        var input = input
        input.demo = true
        let session = try session(input)
        let all = try session.score(input, runOptions: runOptions)
        let scored = all.results.sorted { $0.period < $1.period }
        guard let last = scored.last else { throw EngineError("no period to score") }
        return UnitQuery(result: last, history: Array(scored.dropLast()), marks: all.marks[last.period] ?? ValueMarks())
    }

    /// `compare`: units side by side at every node.
    public func compare(_ input: ScoringInput, units: [String], language: Language?) throws -> UnitComparison {
        let query = try unitQuery(input, runOptions: "compare")
        let indices = try query.match(units)
        return UnitComparison(result: query.result, units: indices, language: language ?? query.result.criteria.language)
    }

    /// `profile`: one unit's page, as Markdown.
    public func profile(_ input: ScoringInput, unit: String, language: Language?, groups: PerformanceGroupMethod??) throws -> String {
        let query = try unitQuery(input, runOptions: "profile")
        let result = query.result
        guard let u = try query.match([unit]).first else { return "" }
        let plan = result.isRanked(u) ? try? WhatItTakes(result: result).solve(unit: u, shortlist: 5) : nil
        var options = ReportOptions(
            language: language ?? result.criteria.language, toolVersion: ToolInfo.version,
            generatedOn: ToolInfo.generationDate(asOf: nil), groups: groups ?? (result.criteria.groups ?? .quartiles),
            charts: false, html: false)
        options.valueMarks = query.marks
        return ProfileReport(result: result, unit: u, options: options, history: query.history, plan: plan).text
    }

    /// `what-it-takes`: the change in each indicator that alone reaches `rank`, as Markdown.
    public func whatItTakes(_ input: ScoringInput, unit: String, rank: Int?, language: Language?) throws -> String {
        let query = try unitQuery(input, runOptions: "what-it-takes")
        let result = query.result
        guard let u = try query.match([unit]).first else { return "" }
        let plan: WhatItTakesPlan
        do {
            plan = try WhatItTakes(result: result).solve(unit: u, targetRank: rank)
        } catch {
            throw EngineError(error.description, kind: .usage)
        }
        return WhatItTakesText(result: result, plan: plan, language: language ?? result.criteria.language).markdown(headingLevel: 1)
    }

    /// `trend`: one unit's scores and ranks over the periods (every period with data unless
    /// a range is given), on one unit basis.
    public func trend(_ input: ScoringInput, unit: String, language: Language?) throws -> UnitTrend {
        var input = input
        if input.selection.range == nil { input.selection.all = true }
        input.selection.oneBasis = true
        let session = try session(input)
        let results = try session.score(input, runOptions: "trend").results
        guard let last = results.last else { throw EngineError("no period to score") }
        let matcher = UnitMatcher(units: last.units)
        guard case let .found(u) = matcher.match(unit) else {
            throw EngineError("unit \"\(unit)\" is not among the units scored in \(last.period): give a code or a name from the ranking", kind: .usage)
        }
        return UnitTrend(results: results, unit: last.units[u].code, language: language ?? session.criteria.set.language)
    }
}
