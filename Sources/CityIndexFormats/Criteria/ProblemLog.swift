import CityIndexCore

/// Collects the problems of one load, up to a limit.
struct ProblemLog {
    private(set) var errors: [CriteriaProblem] = []
    private(set) var warnings: [CriteriaProblem] = []
    let limit: Int

    init(limit: Int) { self.limit = max(1, limit) }

    /// Whether no error was recorded.
    var isClean: Bool { errors.isEmpty }

    /// Whether the limit has been reached (further errors are dropped).
    var isFull: Bool { errors.count >= limit }

    mutating func error(_ place: SourcePlace, _ message: String) {
        guard !isFull else { return }
        errors.append(CriteriaProblem(place: place, message: message))
    }

    mutating func warning(_ place: SourcePlace, _ message: String) {
        guard warnings.count < limit else { return }
        warnings.append(CriteriaProblem(place: place, message: message, severity: .warning))
    }

    /// Throws the errors, if any.
    func check() throws(CriteriaError) {
        if !errors.isEmpty { throw CriteriaError.invalid(errors) }
    }
}

/// Wording shared by the YAML and table readers.
enum Wording {
    /// `"a", "b"` → `a, b`; used after "expected one of".
    static func list(_ words: [String]) -> String { words.joined(separator: ", ") }

    /// ` (did you mean "x"?)` or nothing.
    static func suggestion(_ word: String, among candidates: [String]) -> String {
        guard let s = closest(word, among: candidates) else { return "" }
        return " (did you mean \"\(s)\"?)"
    }

    /// The candidate closest to `word`, when close enough to be a likely typo.
    static func closest(_ word: String, among candidates: [String]) -> String? {
        EditDistance.suggestion(for: word, among: candidates.filter { $0 != word })
    }

    /// `unknown method "minmax"; expected one of a, b (did you mean "a"?)`.
    static func unknown(_ what: String, _ word: String, expected: [String]) -> String {
        "unknown \(what) \"\(word)\"; expected one of \(list(expected))" + suggestion(word, among: expected)
    }

    /// A number as a user would write it: `85`, `0.5`.
    static func number(_ x: Double) -> String {
        if x.rounded() == x, abs(x) < 1e15 { return String(Int64(x)) }
        return String(describing: x)
    }
}
