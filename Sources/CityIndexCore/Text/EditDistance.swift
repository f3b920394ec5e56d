/// Edit distance, for "did you mean" suggestions.
public enum EditDistance {
    /// The optimal string alignment distance between `a` and `b`, ignoring case: insertions,
    /// deletions, substitutions and swaps of neighbouring characters each count one.
    /// - Complexity: O(a.count × b.count).
    public static func between(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        let width = y.count + 1
        var d = [Int](repeating: 0, count: (x.count + 1) * width)
        for i in 0...x.count { d[i * width] = i }
        for j in 0...y.count { d[j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var best = Swift.min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1, d[(i - 1) * width + j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    best = Swift.min(best, d[(i - 2) * width + j - 2] + 1)
                }
                d[i * width + j] = best
            }
        }
        return d[x.count * width + y.count]
    }

    /// The candidate closest to `word` when it is a likely typo: within 1 edit for words of up
    /// to 3 characters, else within 2 or 3 (a third of the word's length).
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let limit = word.count <= 3 ? 1 : Swift.max(2, Swift.min(3, word.count / 3))
        var best: (String, Int)?
        for c in candidates {
            let d = between(word, c)
            if d <= limit, d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        return best?.0
    }
}
