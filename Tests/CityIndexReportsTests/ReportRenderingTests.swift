import CityIndexCore
import CityIndexFormats
import CityIndexReports
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Whether an executable is on the PATH; its full path.
func executable(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

/// Runs `tool` with `arguments`, feeding `input` on standard input; returns standard output.
func run(_ tool: String, _ arguments: [String], input: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let stdin = Pipe(), stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: out, as: UTF8.self)
}

/// The tables written in Markdown: number of tables, and of rows (header + body, no delimiter row).
func markdownTables(_ text: String) -> (tables: Int, rows: Int) {
    var tables = 0, rows = 0, inTable = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("|") {
            if !inTable { tables += 1 }
            inTable = true
            let isDelimiter = line.allSatisfy { "|-: ".contains($0) }
            if !isDelimiter { rows += 1 }
        } else {
            inTable = false
        }
    }
    return (tables, rows)
}

func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

/// Each Markdown table row's number of cells as GFM splits it (on `|` not escaped by a
/// backslash, outer pipes dropped), with the header's count first; one array per table.
func markdownCellCounts(_ text: String) -> [[Int]] {
    var tables: [[Int]] = [], current: [Int]? = nil
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        guard line.hasPrefix("|") else {
            if let c = current { tables.append(c) }
            current = nil
            continue
        }
        if line.allSatisfy({ "|-: ".contains($0) }) { continue }  // the delimiter row
        var pipes = 0, escaped = false, endsWithPipe = false
        for c in line {
            endsWithPipe = false
            if escaped {
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "|" {
                pipes += 1
                endsWithPipe = true
            }
        }
        // The leading pipe opens the first cell; a trailing one closes the last.
        current = (current ?? []) + [pipes - (endsWithPipe ? 1 : 0)]
    }
    if let c = current { tables.append(c) }
    return tables
}

/// Each HTML table's cells per row (`<th>`/`<td>` between `<tr>` and `</tr>`), header row first.
func htmlCellCounts(_ html: String) -> [[Int]] {
    html.components(separatedBy: "<table>").dropFirst().map { table in
        let body = table.components(separatedBy: "</table>")[0]
        return body.components(separatedBy: "<tr>").dropFirst().map { row in
            let cells = row.components(separatedBy: "</tr>")[0]
            return count("<th", in: cells) + count("<td", in: cells)
        }
    }
}

/// Whether `svg` parses as XML.
func wellFormed(_ svg: String) -> Bool {
    XMLParser(data: Data(svg.utf8)).parse()
}

func options(_ language: Language, profiles: Bool = true) -> ReportOptions {
    ReportOptions(language: language, toolVersion: "test", generatedOn: "2025-01-01", runKey: "abc123", dataSources: ["fixture <data>"], groups: .papi, profiles: profiles)
}

@Suite struct ReportRenderingTests {
    @Test(
        .enabled(if: executable("cmark-gfm") != nil, "skipped: cmark-gfm is not installed (apt-get install cmark-gfm; .ci/run installs it)"),
        arguments: [Language.vi, .en])
    func markdownTablesSurviveARealGFMRenderer(language: Language) throws {
        let cmark = try #require(executable("cmark-gfm"))
        let result = try ReportFixture.result()
        let bundle = ReportBundle(result: result, options: options(language), history: [try ReportFixture.result()])
        var documents = bundle.files.filter { $0.name.hasSuffix(".md") }.map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) }
        #expect(documents.contains { $0.0.hasPrefix("profiles/") })
        documents.append(("compare", UnitComparison(result: result, units: [0, 1, 2, 3], language: language).markdown))
        for (name, md) in documents {
            let html = try run(cmark, ["-e", "table"], input: md)
            let expected = markdownTables(md)
            #expect(expected.tables > 0, "\(name)")
            #expect(count("<table>", in: html) == expected.tables, "\(name)")
            #expect(count("<tr>", in: html) == expected.rows, "\(name)")
            #expect(!html.contains("<script"), "\(name)")
            // Emphasis that did not open (`**` next to a space) prints its asterisks.
            #expect(!html.contains("**"), "\(name): literal ** in \(html.components(separatedBy: "\n").filter { $0.contains("**") }.prefix(3))")
            // GFM pads short rows and drops extra cells silently: count them in the source too.
            for (k, rows) in markdownCellCounts(md).enumerated() {
                #expect(rows.allSatisfy { $0 == rows[0] }, "\(name), table \(k + 1): cells per row \(rows)")
            }
            for (k, rows) in htmlCellCounts(html).enumerated() {
                #expect(rows.allSatisfy { $0 == rows[0] }, "\(name), table \(k + 1): HTML cells per row \(rows)")
            }
        }
    }

    @Test(arguments: [8, 34, 63])
    func chartsAreWellFormedSVG(units: Int) throws {
        let result = try ReportFixture.result(units: units)
        let later = try Scorer(criteria: result.criteria).score(ReportFixture.data(units: units, period: .year(2025), seed: 11))
        let bundle = ReportBundle(result: later, options: options(.vi), history: [result])
        let charts = bundle.charts
        #expect(charts.contains { $0.name == "charts/trend.svg" })
        #expect(charts.count == 3 + later.rankedCount)
        // CITYINDEX_CHART_DUMP=folder keeps the charts, to render and look at them.
        if let dump = ProcessInfo.processInfo.environment["CITYINDEX_CHART_DUMP"] {
            for chart in charts where !chart.name.contains("radar") || chart.name.hasSuffix("-02.svg") {
                let path = "\(dump)/\(units)-" + chart.name.replacingOccurrences(of: "/", with: "-")
                try Data(chart.svg.utf8).write(to: URL(fileURLWithPath: path))
            }
        }
        for chart in charts {
            #expect(wellFormed(chart.svg), "\(chart.name)")
            #expect(!chart.svg.contains("<script"), "\(chart.name)")
            #expect(chart.svg.contains("Noto Sans"))
        }
    }

    @Test func hostileNamesAreInertEverywhere() throws {
        let result = try ReportFixture.result()
        let files = ReportBundle(result: result, options: options(.en)).files
        for file in files where !file.name.hasSuffix(".csv") {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(!text.contains("<script>"), "\(file.name)")
            #expect(!text.contains("<b>"), "\(file.name)")
            if file.name.hasSuffix(".svg") { #expect(wellFormed(text), "\(file.name)") }
        }
        let html = try #require(files.first { $0.name == "report.html" }).bytes
        let page = String(decoding: html, as: UTF8.self)
        #expect(page.contains("&lt;script&gt;"))
        #expect(!page.contains("<a href=\"http://x\""))
        #expect(count("<table>", in: page) == markdownTables(MarkdownReport(result: result, options: options(.en)).text).tables)
        #expect(page.contains("@media print"))
        #expect(!page.contains("<img"))  // charts are inline
        #expect(page.contains("<svg"))
    }

    @Test func numbersFollowTheLanguage() {
        #expect(DisplayNumber.format(1234.5, decimals: 2, language: .vi) == "1.234,50")
        #expect(DisplayNumber.format(1234.5, decimals: 2, language: .en) == "1234.50")
        #expect(DisplayNumber.format(12345.5, decimals: 1, language: .en) == "12,345.5")
        #expect(DisplayNumber.percent(0.875, language: .vi) == "87,5 %")
    }

    @Test func reportsUseTheLanguagesNumbersAndLabels() throws {
        let result = try ReportFixture.result(hostileNames: false)
        let vi = MarkdownReport(result: result, options: options(.vi)).text
        let en = MarkdownReport(result: result, options: options(.en)).text
        let first = try #require(result.ordering().first)
        let top = try #require(result.score(node: 0, unit: first))
        #expect(vi.contains(DisplayNumber.format(top, decimals: 2, language: .vi)))
        #expect(vi.contains(","))
        #expect(en.contains(String(format: "%.2f", top)))
        #expect(vi.contains("## Tóm tắt") && en.contains("## Summary"))
        #expect(vi.contains("Nhóm kết quả") && en.contains("Performance groups"))
        #expect(en.contains("abc123"))
    }

    @Test func identicalInputsGiveIdenticalBytes() throws {
        let a = ReportBundle(result: try ReportFixture.result(), options: options(.vi)).files
        let b = ReportBundle(result: try ReportFixture.result(), options: options(.vi)).files
        #expect(a.map(\.name) == b.map(\.name))
        #expect(a.map(\.bytes) == b.map(\.bytes))
    }

    @Test func groupsCoverEveryRankedUnit() throws {
        let result = try ReportFixture.result()
        for method in [PerformanceGroupMethod.quartiles, .papi, .bands([
            PerformanceBand(name: LocalizedText(en: "95 %+"), minimum: 0.95), PerformanceBand(name: LocalizedText(en: "66-95 %"), minimum: 0.66),
            PerformanceBand(name: LocalizedText(en: "33-66 %"), minimum: 0.33), PerformanceBand(name: LocalizedText(en: "< 33 %"), minimum: 0),
        ])] {
            let groups = PerformanceGroups(result: result, method: method)
            #expect(groups.groups.map(\.units.count).reduce(0, +) == result.rankedCount)
            // Better groups hold better scores.
            for (g, h) in zip(groups.groups, groups.groups.dropFirst()) where !g.units.isEmpty && !h.units.isEmpty {
                let worstOfG = g.units.compactMap { result.score(node: 0, unit: $0) }.min() ?? 0
                let bestOfH = h.units.compactMap { result.score(node: 0, unit: $0) }.max() ?? 0
                #expect(worstOfG >= bestOfH)
            }
        }
        let quartiles = PerformanceGroups(result: result, method: .quartiles)
        #expect(quartiles.groups.map(\.units.count).allSatisfy { abs($0 - result.rankedCount / 4) <= 2 })
    }

    @Test func compareCSVHasOneRowPerNodeAndUnit() throws {
        let result = try ReportFixture.result()
        let csv = UnitComparison(result: result, units: [0, 3], language: .en).csv(dialect: .data).text
        let lines = csv.split(separator: "\n")
        let nodes = result.criteria.nodes.indices.filter { result.criteria.isScored($0) }.count
        #expect(lines.count == 1 + 2 * nodes)
        #expect(lines[0] == "period,node,level,unit,unit_name,score,rank,best_unit,best_score,mean,gap_to_best,gap_to_mean,value,unit_of_measure,raw_value,denominator_value")
        // Researchers per 100,000 inhabitants: the count over the unit attribute population.
        let staff = try #require(result.criteria.index(of: "staff"))
        let raw = try #require(result.rawValue(node: staff, unit: 0))
        let population = try #require(result.units[0].attributes["population"].flatMap(Double.init))
        var reader = try CSVReader(bytes: Array(csv.utf8), name: "compare.csv")
        let row = try #require(try reader.readAll().map(\.fields).first { $0.prefix(4) == ["2024", "staff", "1", "01"] })
        let value = try #require(Double(row[12]))
        #expect(abs(value - raw / population * 100000) <= 1e-5 * value, "\(row)")
        #expect(row[13] == "người per 100,000 population" && Double(row[14]) == raw && Double(row[15]) == population)
    }
}
