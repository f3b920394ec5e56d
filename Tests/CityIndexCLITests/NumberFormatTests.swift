import CityIndexCore
import CityIndexFormats
import Foundation
import Testing

/// Issue 15, numbers as a person writes them: every number of every CSV file, workbook sheet
/// and report table of the demo (`report --audit --xlsx`, `sensitivity`, `audit`, `runs --diff`)
/// has the decimals its column's kind calls for, and no binary noise.
@Suite struct NumberFormatTests {
    /// What a column may hold.
    enum Shape: Sendable, CustomStringConvertible {
        /// A whole number.
        case integer
        /// A whole number, or `new` (a rank change of a unit not ranked before).
        case integerOrNew
        /// Exactly this many decimals.
        case decimals(Int)
        /// At most 4 significant digits (more only before the decimal point).
        case statistic
        /// A whole number or a half.
        case rankOrHalf
        /// A value as given: at most 15 significant digits.
        case value
        /// Text (ids, names, periods).
        case text

        var description: String {
            switch self {
            case .integer: "a whole number"
            case .integerOrNew: "a whole number or new"
            case let .decimals(d): "\(d) decimals"
            case .statistic: "at most 4 significant digits"
            case .rankOrHalf: "a rank or a half"
            case .value: "at most 15 significant digits"
            case .text: "text"
            }
        }
    }

    /// The integer and fraction digits of a number as written (`-1.234,50` in Vietnamese text,
    /// `1234.50` in a CSV file), nil when it is not a number.
    static func digits(_ field: String, decimalComma: Bool) -> (integer: String, fraction: String)? {
        var text = field.trimmingCharacters(in: .whitespaces)
        for sign in ["+", "-", "−"] where text.hasPrefix(sign) { text.removeFirst() }
        let mark: Character = decimalComma ? "," : "."
        let group: Character = decimalComma ? "." : ","
        let parts = text.split(separator: mark, omittingEmptySubsequences: false)
        guard parts.count <= 2, let first = parts.first else { return nil }
        let integer = first.filter { $0 != group }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard !integer.isEmpty, integer.allSatisfy(\.isNumber), fraction.allSatisfy(\.isNumber) else { return nil }
        return (String(integer), fraction)
    }

    /// Whether `field` has `shape` (an empty field always does: no value). A workbook stores
    /// the number, its format shows the decimals: `stored` allows fewer decimals (75.2 shown 75.20).
    static func fits(_ field: String, _ shape: Shape, decimalComma: Bool = false, stored: Bool = false) -> Bool {
        if field.isEmpty || field == "–" { return true }
        if case .text = shape { return true }
        if case .integerOrNew = shape, field == "new" { return true }
        guard let (integer, fraction) = digits(field, decimalComma: decimalComma) else { return false }
        let significant = (integer + fraction).drop { $0 == "0" }.count
        switch shape {
        case .integer, .integerOrNew: return fraction.isEmpty
        case let .decimals(d): return stored ? fraction.count <= d : fraction.count == d
        case .statistic: return fraction.isEmpty || significant <= 4
        case .rankOrHalf: return fraction.isEmpty || fraction == "5"
        case .value: return significant <= 15
        case .text: return true
        }
    }

    /// The shape of each column of each CSV file and workbook sheet (every column not listed
    /// is text); the demo set's precision is 2.
    static let columns: [String: [String: Shape]] = [
        "ranking": [
            "rank": .integer, "score": .decimals(2), "rank_change": .integerOrNew, "score_change": .decimals(2), "base_rank": .integer,
            "input": .decimals(2), "input_rank": .integer, "results": .decimals(2), "results_rank": .integer,
            "efficiency": .decimals(2), "efficiency_rank": .integer, "coverage": .decimals(4),
        ],
        "scores": ["level": .integer, "score": .decimals(2), "rank": .integer, "rank_change": .integerOrNew, "score_change": .decimals(2)],
        "values": ["value": .value, "value_used": .value],
        "sensitivity-units": [
            "nominal_rank": .integer, "nominal_score": .decimals(2), "median_rank": .rankOrHalf, "p5_rank": .rankOrHalf,
            "p95_rank": .rankOrHalf, "mean_abs_shift": .statistic,
        ],
        "sensitivity-indices": [
            "first_order": .decimals(3), "first_low": .decimals(3), "first_high": .decimals(3), "total": .decimals(3),
            "total_low": .decimals(3), "total_high": .decimals(3),
        ],
        "audit-indicators": [
            "count": .integer, "missing_share": .decimals(4), "mean": .statistic, "sd": .statistic, "min": .statistic, "max": .statistic,
            "skew": .statistic, "kurtosis": .statistic, "outliers_low": .integer, "outliers_high": .integer,
        ],
        "audit-correlations": ["count": .integer, "pearson": .decimals(3), "spearman": .decimals(3)],
        "audit-pillars": ["indicators": .integer, "complete_units": .integer, "cronbach_alpha": .decimals(3), "pc1_share": .decimals(4)],
        "criteria": ["level": .integer, "weight": .value, "effective_weight": .decimals(4), "target": .value],
        "runs-diff": ["old_score": .decimals(2), "new_score": .decimals(2), "old_rank": .integer, "new_rank": .integer],
        "runs-show": ["score": .decimals(2), "rank": .integer],
    ]

    /// The (file, column) pairs of ``columns``, for one test case each.
    static let cases: [(table: String, column: String)] = columns.keys.sorted().flatMap { t in columns[t]!.keys.sorted().map { (t, $0) } }

    /// The rows of a CSV text, header first.
    static func records(_ text: String) throws -> [[String]] {
        var reader = try CSVReader(bytes: Array(text.utf8), name: "csv")
        var rows: [[String]] = []
        while let r = try reader.nextRecord() { rows.append(r.fields) }
        return rows
    }

    /// The cells of `column` in the table `name` of the render: from its CSV file, or from the
    /// workbook (a sheet's numbers as the shortest text of the stored value), or from `runs`.
    static func cells(table: String, column: String) throws -> [(source: String, field: String, stored: Bool)] {
        var out: [(String, String, Bool)] = []
        func add(_ rows: [[String]], _ source: String, stored: Bool = false) {
            guard let header = rows.first, let k = header.firstIndex(of: column) else { return }
            out += rows.dropFirst().map { (source, k < $0.count ? $0[k] : "", stored) }
        }
        if table.hasPrefix("runs-") {
            add(try records(table == "runs-diff" ? Runs.shared.diff : Runs.shared.show), table)
            return out
        }
        let demo = RenderedDemo.en
        for path in demo.files(table + ".csv") { add(try records(try String(contentsOfFile: path, encoding: .utf8)), path) }
        for path in demo.files(".xlsx") {
            let book = try XLSXReader(path: path)
            guard book.sheetNames.contains(table) else { continue }
            add(try book.table(sheet: table).rows.map { $0.cells.map(\.csvText) }, "\(path) [\(table)]", stored: true)
        }
        return out
    }

    @Test("every number of a CSV file or workbook sheet column has the decimals of its kind", arguments: cases)
    func column(table: String, column: String) throws {
        try #require(RenderedDemo.en.failure == nil, "\(RenderedDemo.en.failure ?? "")")
        let shape = try #require(Self.columns[table]?[column])
        let cells = try Self.cells(table: table, column: column)
        #expect(!cells.filter { !$0.field.isEmpty }.isEmpty, "\(table).\(column): no value found")
        let bad = cells.filter { !Self.fits($0.field, shape, stored: $0.stored) }
        for (source, field, _) in bad.prefix(5) { Issue.record("\(source) \(column): \"\(field)\" is not \(shape)") }
    }

    /// The columns of the Markdown tables whose numbers the test checks, by the table's first
    /// two header cells, in each language.
    static let markdownColumns: [(language: Language, header: [String], shapes: [Int: Shape])] = {
        let ranking: [Int: Shape] = [0: .integer, 2: .decimals(2), 4: .decimals(2), 5: .decimals(2), 6: .decimals(2)]
        let intervals: [Int: Shape] = [0: .integer, 2: .decimals(2), 3: .rankOrHalf, 4: .rankOrHalf, 5: .statistic]
        let indices: [Int: Shape] = [1: .decimals(3), 2: .decimals(3), 3: .decimals(3), 4: .decimals(3)]
        var statistics: [Int: Shape] = [2: .integer, 3: .decimals(1), 10: .integer]
        for k in 4...9 { statistics[k] = .statistic }
        let pillars: [Int: Shape] = [1: .integer, 2: .integer, 3: .decimals(3), 4: .decimals(1)]
        let pairs: [Int: Shape] = [3: .decimals(3), 4: .decimals(3)]
        let withIndex: [Int: Shape] = [1: .decimals(3), 2: .decimals(3)]
        return [
            (.vi, ["Hạng", "Đơn vị"], ranking), (.en, ["Rank", "Unit"], ranking),
            (.vi, ["hạng danh nghĩa", "đơn vị"], intervals), (.en, ["nominal rank", "unit"], intervals),
            (.vi, ["yếu tố", "S_i"], indices), (.en, ["input", "S_i"], indices),
            (.vi, ["chỉ tiêu", "trụ cột"], statistics), (.en, ["indicator", "pillar"], statistics),
            (.vi, ["trụ cột", "số chỉ tiêu"], pillars), (.en, ["pillar", "indicators"], pillars),
            (.vi, ["trụ cột", "chỉ tiêu"], pairs), (.en, ["pillar", "indicator"], pairs),
            (.vi, ["trụ cột", "Pearson với chỉ số"], withIndex), (.en, ["pillar", "Pearson with the index"], withIndex),
        ]
    }()

    /// The rows of every Markdown table in `text` whose header starts with `header`.
    static func markdownRows(_ text: String, header: [String]) -> [[String]] {
        var rows: [[String]] = []
        var inTable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard line.hasPrefix("| ") else { inTable = false; continue }
            let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
            if Array(cells.prefix(header.count)) == header { inTable = true; continue }
            let first = cells.first ?? ""
            if inTable, !first.hasPrefix("---"), !first.hasPrefix(":--") { rows.append(cells) }
        }
        return rows
    }

    @Test("the numbers of report.md's tables: scores at the set's precision, ranks whole, simulated ranks whole or halves", arguments: markdownColumns.indices)
    func markdownTable(index: Int) throws {
        let (language, header, shapes) = Self.markdownColumns[index]
        let first = header.joined(separator: " | ")
        let demo = RenderedDemo.of(language)
        try #require(demo.failure == nil, "\(demo.failure ?? "")")
        let text = try String(contentsOfFile: demo.file("report/report.md"), encoding: .utf8)
        let rows = Self.markdownRows(text, header: header)
        #expect(!rows.isEmpty, "\(language): no table headed \(first)")
        for row in rows {
            for (k, shape) in shapes.sorted(by: { $0.key < $1.key }) where k < row.count {
                // A pillar cell reads "97,73 (3)", an interval "17–18,5" or "0,033 to 0,159", a share "2,9 %".
                let parts = row[k].replacingOccurrences(of: " %", with: "").components(separatedBy: "–")
                    .flatMap { $0.components(separatedBy: language == .vi ? " đến " : " to ") }
                for part in parts {
                    let number = part.split(separator: " ").first.map(String.init) ?? ""
                    if !Self.fits(number, shape, decimalComma: language == .vi) {
                        Issue.record("\(language) \(first) table, column \(k + 1): \"\(row[k])\" is not \(shape): \(row)")
                    }
                }
            }
        }
    }

    @Test("the shape check itself", arguments: [
        ("75.20", Shape.decimals(2), true), ("75.2", .decimals(2), false), ("18.049999999999955", .rankOrHalf, false),
        ("17.5", .rankOrHalf, true), ("18", .rankOrHalf, true), ("17.0", .rankOrHalf, false), ("0.039001", .statistic, false), ("0.03900", .statistic, true),
        ("0.039", .statistic, true), ("123457", .statistic, true), ("0.30000000000000004", .value, false), ("", .integer, true),
        ("1.234,50", .decimals(2), false),
    ])
    func shapeCheck(field: String, shape: Shape, fits: Bool) {
        #expect(Self.fits(field, shape) == fits, "\(field) as \(shape)")
    }

    /// Two runs of the demo whose data differ in one value, and what `runs` prints of them.
    struct Runs: Sendable {
        let diff: String
        let show: String

        static let shared: Runs = {
            let folder = RenderedDemo.root + "/runs"
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let db = folder + "/store.sqlite"
            let common = ["--criteria", RenderedDemo.criteria, "--db", db, "--period", "2025", "--format", "csv"]
            _ = cityindex(["score", "--data", RenderedDemo.data, "--data-basis", "2025"] + common)
            let corrected = folder + "/corrected.csv"
            try? "unit,indicator,period,value\n24,inp_st_investment,2025,0.9\n".write(toFile: corrected, atomically: true, encoding: .utf8)
            _ = cityindex(["score", "--data", corrected, "--data-basis", "2025", "--replace"] + common)
            return Runs(
                diff: cityindex(["runs", "--db", db, "--diff", "1", "2"]).stdout, show: cityindex(["runs", "--db", db, "--show", "2"]).stdout)
        }()
    }
}
