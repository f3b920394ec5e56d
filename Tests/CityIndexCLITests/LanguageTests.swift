import CityIndexCore
import CityIndexFormats
import Foundation
import Testing

/// Issue 15, Vietnamese throughout: every report part, rendered through the command line in
/// `vi`, holds no English word of CityIndex's own, and in `en` no Vietnamese one; no output
/// (CSV and workbooks included) shows a Swift type name.
@Suite struct LanguageTests {
    /// English words of CityIndex's own texts: the labels the reports once left in English in a
    /// Vietnamese report, and the common words of the report vocabulary. Matched as whole words,
    /// without regard to case.
    static let englishWords = [
        "score", "scores", "scored", "rank", "ranks", "ranked", "ranking", "not ranked", "pooled", "imputed", "impute",
        "imputation", "winsorised", "winsorise", "winsorising", "combined", "coverage", "interval", "intervals", "percentile",
        "indicator", "indicators", "pillar", "pillars", "unit", "units", "weight", "weights", "mean", "median", "missing",
        "outlier", "outliers", "correlation", "correlations", "flagged", "redundant", "negative", "skew", "kurtosis",
        "statistical", "audit", "sensitivity", "replications", "nominal", "normalisation", "aggregation", "arithmetic",
        "geometric", "clipped", "partial", "treated", "notes", "source", "sources", "period", "periods", "method", "value",
        "values", "change", "movers", "group", "groups", "quartiles", "competition", "dense", "ordinal", "reweight",
        "frozen", "higher", "lower", "better", "best", "strengths", "weaknesses", "trend", "growth", "profile", "summary",
        "legend", "bounds", "raw", "log", "the", "of", "and", "with", "for", "none", "yes", "input", "inputs", "effective",
        "share", "variance", "total", "first", "order", "data", "criteria", "generated", "version", "tool", "points",
        "target", "goalposts", "out of", "each", "every", "not", "only", "from", "per", "indices", "seed",
        "index", "aggregate", "decimals", "rounded", "ties", "screening", "notice", "warning", "description", "scale",
    ]

    /// Terms both languages use as they are (methods and people's names).
    static let sharedTerms = [
        "min-max", "z-score", "Monte Carlo", "Saltelli", "Jansen", "bootstrap", "Pearson", "Spearman", "Cronbach",
        "Dirichlet", "PAPI", "SKEW", "KURT", "Excel", "CityIndex", "Winsor",
    ]

    /// Patterns of a Swift value printed as is: a module path, an optional, a type with labelled
    /// arguments, an enum case with them, a nested type path.
    static let swiftTypePatterns = [
        #"CityIndex[A-Z][A-Za-z]+\."#, #"Optional\("#, #"\b[A-Z][a-z]+[A-Z][A-Za-z]*\([a-z][A-Za-z]*:"#,
        #"\b[a-z][A-Za-z]+\([a-z][A-Za-z]+:"#, #"\b(?:Swift|Foundation)\.[A-Z]"#, #"\b[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+\.[a-z]"#,
        #"\bStep\("#,
    ]

    /// A letter only Vietnamese uses among the languages CityIndex writes (a vowel with a tone
    /// mark or a breve, horn or circumflex, or đ).
    static let vietnameseLetter = try! NSRegularExpression(
        pattern: "[àáâãèéêìíòóôõùúýăđĩũơưạ-ỹÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠ-Ỹ]")

    // MARK: - Text extraction

    /// `text` without every occurrence of `part` that stands as a whole (not inside a word).
    static func removing(_ part: String, from text: String) -> String {
        let pattern = #"(?<![\p{L}\p{N}_])"# + NSRegularExpression.escapedPattern(for: part) + #"(?![\p{L}\p{N}_])"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
    }

    static func replacing(_ pattern: String, in text: String, with template: String = " ") -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    /// The words CityIndex wrote itself: without code, link targets, markup, file paths, the
    /// texts the set and data give (``RenderedDemo/givenTexts``) and the shared terms.
    static func ownText(_ raw: String, file: String) -> String {
        var text = raw
        if file.hasSuffix(".html") || file.hasSuffix(".svg") {
            text = replacing(#"<style>.*?</style>"#, in: text)
            text = replacing(#"<code>.*?</code>"#, in: text)
            text = replacing(#"<[^>]*>"#, in: text)
        } else {
            text = replacing(#"`[^`\n]*`"#, in: text)
            text = replacing(#"\]\([^)\s]*\)"#, in: text, with: "]")
            text = replacing(#"\\(.)"#, in: text, with: "$1")
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        for given in RenderedDemo.givenTexts { text = removing(given, from: text) }
        text = replacing(#"[\w.-]+/[\w./-]+"#, in: text)
        for term in sharedTerms { text = removing(term, from: text) }
        return text
    }

    /// The English words of ``englishWords`` in `text`.
    static func englishWords(in text: String) -> [String] {
        englishWords.filter { word in
            let pattern = #"(?i)(?<![\p{L}\p{N}_])"# + NSRegularExpression.escapedPattern(for: word) + #"(?![\p{L}\p{N}_])"#
            return text.range(of: pattern, options: .regularExpression) != nil
        }
    }

    /// The words of `text` holding a Vietnamese letter.
    static func vietnameseWords(in text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || $0.isPunctuation }).map(String.init).filter {
            vietnameseLetter.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil
        }
    }

    /// A line around the first match of `word` in `text`, for the failure message.
    static func context(_ word: String, in text: String) -> String {
        let pattern = #"(?i)(?<![\p{L}\p{N}_])"# + NSRegularExpression.escapedPattern(for: word) + #"(?![\p{L}\p{N}_])"#
        guard let r = text.range(of: pattern, options: .regularExpression) else { return "" }
        let from = text.index(r.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
        let to = text.index(r.upperBound, offsetBy: 60, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[from..<to]).replacingOccurrences(of: "\n", with: " ")
    }

    /// The texts people read in a workbook: the criteria and methodology sheets' cells, their
    /// ids (unmarked in plain cells) left out. The data sheets hold ids and flag codes, as the
    /// CSV files do.
    static func workbookText(_ path: String) throws -> String {
        let book = try XLSXReader(path: path)
        var cells: [String] = []
        for sheet in ["criteria", "methodology"] where book.sheetNames.contains(sheet) {
            let rows = try book.table(sheet: sheet).rows
            let header = rows.first?.cells.map(\.csvText) ?? []
            let skip = Set(["id", "parent"].compactMap { header.firstIndex(of: $0) })
            for row in rows.dropFirst() {
                for (k, cell) in row.cells.enumerated() where !skip.contains(k) {
                    guard case let .text(t) = cell else { continue }
                    var text = t
                    for id in RenderedDemo.ids { text = removing(id, from: text) }
                    cells.append(text)
                }
            }
        }
        return cells.joined(separator: "\n")
    }

    /// Every people's text of the render: file by file, and what the unit commands printed.
    static func peoplesTexts(_ demo: RenderedDemo) throws -> [(name: String, text: String)] {
        var out: [(String, String)] = []
        for path in demo.files where [".md", ".html", ".svg"].contains(where: path.hasSuffix) {
            out.append((path, ownText(try String(contentsOfFile: path, encoding: .utf8), file: path)))
        }
        for path in demo.files("report.xlsx") { out.append((path, ownText(try workbookText(path), file: "cells.txt"))) }
        for (command, text) in demo.printed.sorted(by: { $0.key < $1.key }) { out.append((command, ownText(text, file: "printed.md"))) }
        return out
    }

    // MARK: - Tests

    @Test("every report part renders in both languages")
    func rendered() {
        for language in Language.allCases {
            let demo = RenderedDemo.of(language)
            #expect(demo.failure == nil, "\(language): \(demo.failure ?? "")")
            for part in ["report/report.md", "report/report.html", "report/report.xlsx", "report/profiles/24.md", "report/charts/ranking.svg",
                "report/charts/rank-intervals.svg", "sensitivity/sensitivity.md", "sensitivity/rank-intervals.svg", "audit/audit.md"]
            {
                #expect(demo.files.contains(demo.file(part)), "\(language): \(part) was not written")
            }
            let report = (try? String(contentsOfFile: demo.file("report/report.md"), encoding: .utf8)) ?? ""
            // The parts the test must see: movers, the trend chart, the audit and the rank intervals.
            for marker in language == .vi
                ? ["## Thay đổi thứ hạng so với 2024", "charts/trend.svg", "## Kiểm định thống kê", "## Độ bất định"]
                : ["## Movers since 2024", "charts/trend.svg", "## Statistical audit", "## Uncertainty"]
            {
                #expect(report.contains(marker), "\(language): report.md has no \(marker)")
            }
            for (command, text) in demo.printed { #expect(!text.isEmpty, "\(language): \(command) printed nothing") }
        }
    }

    @Test("a Vietnamese report part holds no English word of CityIndex's own")
    func noEnglishInVietnamese() throws {
        let demo = RenderedDemo.vi
        try #require(demo.failure == nil, "\(demo.failure ?? "")")
        for (name, text) in try Self.peoplesTexts(demo) {
            for word in Self.englishWords(in: text) {
                Issue.record("\(name): English \"\(word)\": …\(Self.context(word, in: text))…")
            }
        }
    }

    @Test("an English report part holds no Vietnamese word of CityIndex's own")
    func noVietnameseInEnglish() throws {
        let demo = RenderedDemo.en
        try #require(demo.failure == nil, "\(demo.failure ?? "")")
        for (name, text) in try Self.peoplesTexts(demo) {
            let words = Self.vietnameseWords(in: text)
            if let first = words.first {
                Issue.record("\(name): Vietnamese \(Array(Set(words)).sorted().prefix(12)): …\(Self.context(first, in: text))…")
            }
        }
    }

    @Test("no output shows a Swift type name: reports, CSV files, workbooks, printed text", arguments: Language.allCases)
    func noSwiftTypeNames(language: Language) throws {
        let demo = RenderedDemo.of(language)
        try #require(demo.failure == nil, "\(demo.failure ?? "")")
        var texts: [(String, String)] = demo.printed.map { ($0.key, $0.value) }
        for path in demo.files {
            if path.hasSuffix(".xlsx") {
                let book = try XLSXReader(path: path)
                for sheet in book.sheetNames {
                    let cells = try book.table(sheet: sheet).rows.flatMap(\.cells).map(\.csvText)
                    texts.append(("\(path) [\(sheet)]", cells.joined(separator: "\n")))
                }
            } else {
                texts.append((path, try String(contentsOfFile: path, encoding: .utf8)))
            }
        }
        #expect(texts.count > 40, "\(texts.count) outputs")
        for (name, text) in texts {
            for pattern in Self.swiftTypePatterns {
                if let r = text.range(of: pattern, options: .regularExpression) {
                    let to = text.index(r.upperBound, offsetBy: 60, limitedBy: text.endIndex) ?? text.endIndex
                    Issue.record("\(name): \(text[r.lowerBound..<to])")
                }
            }
        }
    }

    @Test("bounds pooled over the periods (reference: panel) are said in the report language", arguments: [
        (Language.vi, "Ngưỡng chuẩn hóa: gộp mọi kỳ được tính điểm."), (.en, "Normalisation bounds: pooled over all periods scored, so"),
    ])
    func pooledBounds(language: Language, sentence: String) throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let set = TwoPillarSet.criteria.replacingOccurrences(of: "precision: 2\n", with: "precision: 2\ndefaults:\n  normalise: {method: min-max, reference: panel}\n")
        try set.write(toFile: tmp.path("set.yaml"), atomically: true, encoding: .utf8)
        let data = TwoPillarSet.observations + "\nX,Xuân Thủy,2025,2,12,5\nY,Yên Bái,2025,3,25,1\nZ,Zeta,2025,1,20,9\n"
        try data.write(toFile: tmp.path("data.csv"), atomically: true, encoding: .utf8)
        let run = cityindex([
            "report", "--criteria", tmp.path("set.yaml"), "--data", tmp.path("data.csv"), "--period", "2025", "--lang", language.rawValue,
            "--db", tmp.path("s.sqlite"), "--out", tmp.path("out"), "--no-charts", "--no-html",
        ])
        try #require(run.status == 0, "\(run.stderr)")
        let report = try String(contentsOfFile: tmp.path("out/report.md"), encoding: .utf8)
        #expect(report.contains(sentence), "\(report)")
        #expect(!report.contains(language == .vi ? "pooled" : "gộp mọi kỳ"))
    }

    @Test("the scan finds what it looks for", arguments: [
        ("Ghi chú: imputed: a1", true), ("trung bình cộng, missing = reweight", true), ("đồng hạng: competition.", true),
        ("Ghi chú: *ước tính* = giá trị thiếu", false), ("chuẩn hóa min-max và z-score", false), ("`input` trụ cột", false),
    ])
    func scanFindsEnglish(text: String, english: Bool) {
        #expect(!Self.englishWords(in: Self.ownText(text, file: "x.md")).isEmpty == english, "\(text)")
    }

    @Test("every CSV names each unit as ranking.csv does, in the report's language", arguments: Language.allCases)
    func unitNamesFollowTheLanguage(language: Language) throws {
        let demo = RenderedDemo.of(language)
        try #require(demo.failure == nil, "\(demo.failure ?? "")")
        func names(_ path: String) throws -> [String: String] {
            let rows = try DemoWorkbookTests.fields(path)
            guard let header = rows.first, let u = header.firstIndex(of: "unit"), let n = header.firstIndex(of: "name") else { return [:] }
            return Dictionary(rows.dropFirst().map { ($0[u], $0[n]) }, uniquingKeysWith: { first, _ in first })
        }
        let ranking = try names(demo.file("report/ranking.csv"))
        #expect(ranking["01"] == (language == .vi ? "Thành phố Hà Nội" : "Ha Noi"), "\(ranking["01"] ?? "")")
        let tables = demo.files(".csv").filter { !$0.hasSuffix("/ranking.csv") }
        #expect(tables.contains { $0.hasSuffix("report/sensitivity-units.csv") })
        for path in tables {
            for (unit, name) in try names(path) where ranking[unit] != nil {
                #expect(name == ranking[unit], "\(path): unit \(unit) is \"\(name)\", ranking.csv says \"\(ranking[unit]!)\"")
            }
        }
    }

    @Test("the type-name scan finds the values that once leaked", arguments: [
        "fallback: CityIndexCore.TreatStep.Fallback.log", "ScreenStep(minCoverage: 0.65, basis: CityIndexCore.ScreenStep.Basis.raw)",
        "treat winsorise(maxPoints: 5, skew: 2.0, kurtosis: 3.5, fallback: log)", "Optional(2)", "ties competition", "TieMethod.Fallback.log",
    ])
    func scanFindsTypeNames(text: String) {
        let found = Self.swiftTypePatterns.contains { text.range(of: $0, options: .regularExpression) != nil }
        #expect(found == (text != "ties competition"), "\(text)")
    }
}
