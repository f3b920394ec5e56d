import CityIndexCore
import CityIndexFormats
import Foundation
import PropertyBased
import Testing

/// Properties of the writers (issue 8, item 4): every writer's output reads back to the same
/// values. The CSV writer and the report CSVs are covered by ``PropertyImportTests``; this suite
/// covers the XLSX workbook writer (any sheets, and the report's workbook against its CSVs and
/// data) and the criteria writer (YAML and flat table, on random trees).
///
/// Each check draws a seed from PropertyBased and builds the case from it, so a failure prints
/// the seed (and `.fixedSeed(…)` to replay it).
@Suite struct PropertyWriterTests {
    // MARK: - XLSX

    /// Sheet names: forbidden characters (`[]:*?/\`, cleaned by the writer), XML specials,
    /// Vietnamese letters, an emoji and a combining accent.
    static let sheetNamePieces: [String] = Array("abcXYZ019 -_.'&<>\"[]:*?/\\").map(String.init) + ["ạ", "đ", "Ư", "😀", "e\u{301}"]

    /// A random cell: hostile text, whole numbers, doubles of any size with or without fixed
    /// decimals, non-finite numbers, or nothing.
    static func cell(_ rng: inout SplitMixRNG) -> CSVCell {
        switch rng.below(10) {
        case 0: return .empty
        case 1, 2, 3: return .text(HostileText.text(&rng, length: 20, empty: true))
        case 4: return .integer(rng.below(2_000_000_000_001) - 1_000_000_000_000)
        default:
            let x = rng.chance(0.05) ? [Double.nan, .infinity, -.infinity][rng.below(3)] : HostileText.finite(&rng)
            return .number(x, decimals: rng.chance(0.5) ? nil : rng.below(7))
        }
    }

    /// The value a written cell must read back as.
    ///
    /// Text comes back NFC (the reader normalises, as every reader of the tool does) and empty
    /// text as an empty cell; a number with fixed decimals holds the number the CSV writer prints
    /// with those decimals (`XLSXWriter`'s contract, so a workbook and its CSV agree); any other
    /// finite number exactly; a non-finite number is left empty.
    static func readBack(_ cell: CSVCell) -> XLSXCellValue {
        switch cell {
        case .empty: return .empty
        case .text(let t): return t.isEmpty ? .empty : .text(t.precomposedStringWithCanonicalMapping)
        case .integer(let i): return .number(Double(i))
        case .number(let x, let decimals):
            guard x.isFinite else { return .empty }
            guard let decimals else { return .number(x) }
            return Double(CSVWriter.field(.number(x, decimals: decimals), dialect: .data)).map { .number($0) } ?? .empty
        }
    }

    @Test("the XLSX writer's sheets read back to the same cells, names and order")
    func workbookReadsBack() async throws {
        await propertyCheck(count: 150, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SplitMixRNG(seed: UInt64(seed))
            var book = XLSXWriter()
            for _ in 0..<(1 + rng.below(3)) {
                let columns = 1 + rng.below(8)
                let header = rng.chance(0.8) ? (0..<columns).map { _ in HostileText.text(&rng, length: 8) } : []
                let rows = (0..<rng.below(15)).map { _ in (0..<(1 + rng.below(columns))).map { _ in Self.cell(&rng) } }
                book.add(XLSXSheet(name: HostileText.text(&rng, length: 40, from: Self.sheetNamePieces), header: header, rows: rows))
            }
            let reader = try XLSXReader(data: Data(try book.bytes()), name: "p.xlsx")
            #expect(reader.sheetNames == book.sheets.map { $0.name.precomposedStringWithCanonicalMapping })
            for (s, sheet) in book.sheets.enumerated() where s < reader.sheetNames.count {
                let table = try reader.table(sheet: reader.sheetNames[s])
                var expected: [Int: [XLSXCellValue]] = [:]
                let written = (sheet.header.isEmpty ? [] : [sheet.header.map { CSVCell.text($0) }]) + sheet.rows
                for (r, row) in written.enumerated() {
                    var cells = row.map(Self.readBack)
                    while cells.last == .empty { cells.removeLast() }
                    if !cells.isEmpty { expected[r + 1] = cells }
                }
                let got = Dictionary(table.rows.map { ($0.number, $0.cells) }, uniquingKeysWith: { a, _ in a })
                for r in Set(expected.keys).union(got.keys).sorted() where expected[r] != got[r] {
                    Issue.record("sheet \(sheet.name), row \(r): wrote \(written[r - 1]), read \(got[r] ?? []), expected \(expected[r] ?? [])")
                    break
                }
            }
        }
    }

    @Test("report.xlsx holds the figures of ranking.csv and scores.csv, and the values it was given")
    func reportWorkbookReadsBack() async throws {
        await propertyCheck(count: 8, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SplitMixRNG(seed: UInt64(seed))
            let rows = PropertyImportTests.wideRows(&rng)
            let tmp = try TemporaryFolder()
            defer { tmp.cleanUp() }
            let set = tmp.path("tiny.yaml"), file = tmp.path("data.csv"), out = tmp.path("out")
            try PropertyImportTests.criteria.write(toFile: set, atomically: true, encoding: .utf8)
            try (PropertyImportTests.header + rows.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            let run = cityindex([
                "report", "--criteria", set, "--data", file, "--db", tmp.path("s.sqlite"), "--period", "2024", "--out", out,
                "--xlsx", "--no-charts", "--no-html", "--no-sensitivity", "--as-of", "2025-01-01",
            ])
            try #require(run.status == 0, "\(run.stderr)")
            let book = try XLSXReader(path: out + "/report.xlsx")
            // Each sheet is its CSV, cell for cell: numbers equal as numbers, text as text.
            for name in ["ranking", "scores"] {
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: out + "/\(name).csv")))
                var reader = try CSVReader(bytes: bytes, name: name, options: CSVDialect.data.readOptions)
                var csv: [[String]] = []
                while let record = try reader.nextRecord() { csv.append(record.fields) }
                let sheet = try book.table(sheet: name).records.map(\.fields)
                #expect(sheet.count == csv.count, "\(name): \(sheet.count) rows in the sheet, \(csv.count) in the CSV")
                for (r, (a, b)) in zip(sheet, csv).enumerated() {
                    let same = a.count >= b.count && a[b.count...].allSatisfy(\.isEmpty) && zip(a, b).allSatisfy { x, y in
                        if let m = try? NumberParser.parse(y, decimalComma: false), let n = Double(x) { return m == n }
                        return x == y
                    }
                    #expect(same, "\(name) row \(r + 1): sheet \(a), CSV \(b)")
                }
            }
            // The values sheet gives each value of the data file.
            var given: [String: Double?] = [:]
            for line in rows {
                let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                for (i, indicator) in ["a1", "a2", "b1"].enumerated() { given[f[0] + "/" + indicator] = Double(f[3 + i]) }
            }
            let values = try book.table(sheet: "values").records.map(\.fields)
            let header = values.first ?? []
            let unit = header.firstIndex(of: "unit") ?? 0, indicator = header.firstIndex(of: "indicator") ?? 0
            let value = header.firstIndex(of: "value") ?? 0
            var seen = 0
            for r in values.dropFirst() {
                let k = r[unit] + "/" + r[indicator]
                guard let expected = given[k] else {
                    Issue.record("values sheet: \(k) is not in the data")
                    continue
                }
                #expect(Double(r[value]) == expected, "values sheet \(k): \(r[value]), data \(expected.map { "\($0)" } ?? "NA")")
                seen += 1
            }
            #expect(seen == given.count)
        }
    }

    // MARK: - Criteria

    /// `set` with every place and the file name cleared, for comparing sets read from different files.
    static func placeless(_ set: CriteriaSet) -> CriteriaSet {
        func steps(_ s: StepSettings) -> StepSettings {
            var copy = s
            copy.range?.place = SourcePlace(file: "")
            return copy
        }
        let nodes = set.nodes.map { node -> CriteriaNode in
            var copy = node
            copy.place = SourcePlace(file: "")
            copy.settings = steps(node.settings)
            return copy
        }
        return CriteriaSet(
            id: set.id, version: set.version, name: set.name, source: set.source, notes: set.notes,
            language: set.language, scale: set.scale, precision: set.precision, ties: set.ties,
            unitsRegistries: set.unitsRegistries, screen: set.screen, groups: set.groups, uncertainty: set.uncertainty,
            defaults: steps(set.defaults), nodes: nodes, file: "")
    }

    /// The first difference between two sets, as a sentence; nil when they are equal.
    static func difference(_ a: CriteriaSet, _ b: CriteriaSet) -> String? {
        let a = placeless(a), b = placeless(b)
        guard a != b else { return nil }
        if a.nodes.count != b.nodes.count { return "\(a.nodes.count) nodes read, \(b.nodes.count) written" }
        for (x, y) in zip(a.nodes, b.nodes) where x != y {
            // Name the fields that differ, and show them.
            let fields = zip(Mirror(reflecting: x).children, Mirror(reflecting: y).children).compactMap { f, g -> String? in
                let (read, written) = (String(reflecting: f.value), String(reflecting: g.value))
                return read == written ? nil : "\(f.label ?? "?") read back as \(read), written as \(written)"
            }
            return "node \(y.id): " + fields.joined(separator: "; ")
        }
        var x = a, y = b
        x.defaults = StepSettings()
        y.defaults = StepSettings()
        if a.defaults != b.defaults { return "defaults read back as \(a.defaults), written as \(b.defaults)" }
        return "set-level keys differ: read back \(x), written \(y)"
    }

    @Test("the criteria writer's YAML reads back to the same set, and writes the same YAML again")
    func criteriaYAMLReadsBack() async throws {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = RandomCriteriaSet(seed: UInt64(seed), forTable: false)
            let set = generator.make()
            let text = CriteriaWriter.yaml(set)
            let loaded: CriteriaSet
            do {
                loaded = try CriteriaLoader().loadYAML(text, file: "p.yaml").set
            } catch {
                Issue.record("the writer's YAML does not load: \(error)\n\(text)")
                return
            }
            if let difference = Self.difference(loaded, set) { Issue.record("\(difference)\n\(text)") }
            #expect(CriteriaWriter.yaml(loaded) == text)
        }
    }

    @Test("the criteria writer's flat table reads back to the same tree, and writes the same table again")
    func criteriaTableReadsBack() async throws {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = RandomCriteriaSet(seed: UInt64(seed), forTable: true)
            let set = generator.make()
            let csv: String
            do {
                csv = try CriteriaWriter.table(set)
            } catch {
                Issue.record("the writer refuses a set a table holds: \(error)")
                return
            }
            let loaded: CriteriaSet
            do {
                loaded = try CriteriaLoader().loadTable(bytes: Array(csv.utf8), name: "p.csv").set
            } catch {
                Issue.record("the writer's table does not load: \(error)\n\(csv)")
                return
            }
            // A table holds the tree; the set-level keys travel in a YAML file beside it.
            let tree = CriteriaSet(id: loaded.id, language: loaded.language, scale: loaded.scale, nodes: set.nodes)
            let read = CriteriaSet(id: loaded.id, language: loaded.language, scale: loaded.scale, nodes: loaded.nodes)
            if let difference = Self.difference(read, tree) { Issue.record("\(difference)\n\(csv)") }
            #expect((try? CriteriaWriter.table(loaded)) == csv)
        }
    }

    // MARK: - Product bugs the properties found

    /// A two-node tree whose indicator holds `text` in every text a flat table holds (names,
    /// description, unit, source, notes and denominator), with negative numbers in its numeric
    /// cells (direction, weight, target, goalposts).
    static func tableSet(_ text: String) -> CriteriaSet {
        let place = SourcePlace(file: "")
        var settings = StepSettings()
        settings.direction = .lower
        settings.denominate = DenominateStep(by: text)
        settings.normalise = .goalposts(min: -3, max: 1e-7)
        return CriteriaSet(
            id: "t",
            nodes: [
                CriteriaNode(id: "index", place: place),
                CriteriaNode(
                    id: "a", name: LocalizedText(en: text, vi: text), description: LocalizedText(en: text, vi: text),
                    unit: LocalizedText(en: text, vi: text), source: LocalizedText(en: text, vi: text), notes: LocalizedText(en: text, vi: text),
                    weight: 0.25, target: -5, settings: settings, parent: 0, place: place),
            ])
    }

    /// Texts that once broke the flat table: CR LF (one `Character`, so a check for `"\r"` or
    /// `"\n"` among Characters missed it, see `TableText.field`), and texts the reader's formula
    /// unguarding changed because the writer never guarded them (`'=…`, `'-…`; `=`, `+`, `-`,
    /// `@`, CR at the start).
    static let tableTexts = [
        "a\r\nb", "line one\r\nline two", "\r\n", "x\r\n", "\r\nx", "a\rb", "\rx", "'\rx", "=SUM(A1)", "+x", "-3 dogs",
        "@me", "'+x", "'=1+1", "''=x", "'-5 % (provisional)", "'@x", "'\tx", "-", "'", "a,b", "\"q\"", "\"\u{301}x",
        "\"\r\n\"", "k:?v", "a: b", "#x", "x #y", "{a}", "yes", "1e3", "-1", "Hà Nội", "e\u{301}\r\n",
    ]

    @Test("the flat criteria table gives back every text exactly, and guards text but no number", arguments: tableTexts)
    func tableTextReadsBack(_ text: String) throws {
        let set = Self.tableSet(text)
        let csv = try CriteriaWriter.table(set)
        let loaded = try CriteriaLoader().loadTable(bytes: Array(csv.utf8), name: "t.csv").set
        let tree = CriteriaSet(id: loaded.id, language: loaded.language, scale: loaded.scale, nodes: set.nodes)
        let read = CriteriaSet(id: loaded.id, language: loaded.language, scale: loaded.scale, nodes: loaded.nodes)
        if let difference = Self.difference(read, tree) { Issue.record("\(difference)\n\(csv)") }
        // Numbers are written as they are: no formula guard before -1, -5 or -3.
        var reader = try CSVReader(bytes: Array(csv.utf8), name: "t.csv", options: CSVReadOptions(removesFormulaGuard: false))
        let header = try #require(try reader.nextRecord()).fields
        let code = try #require(header.firstIndex(of: "iCode"))
        var row: [String] = []
        while let record = try reader.nextRecord() {
            if record.fields[code] == "a" { row = record.fields }
        }
        for (column, value) in [("Direction", "-1"), ("Weight", "0.25"), ("Target", "-5"), ("Min", "-3"), ("Max", "1e-07")] {
            let i = try #require(header.firstIndex(of: column))
            #expect(row[i] == value, "\(column)")
        }
    }

    /// Texts that once broke the YAML, or easily could: `:` before `?` (refused inside `{…}` and
    /// `[…]`), the other indicators, reserved words, numbers, spaces at either end, line breaks
    /// and characters YAML only reads escaped.
    static let yamlTexts = [
        "k:?v", "Tỷ lệ:?", "a:?", "a:,b", "a:[b]", "a:{b}", "a:b", "a: b", "a:", ":a", "?a", "? a", "#x", "x #y", "x#y", "{a}", "[a]",
        "a,b", "a]b", "- a", "-a", "a - b", "*ref", "&anchor", "!tag", "|", ">", "%x", "@x", "`x", "'q'", "\"q\"", "a\\b", "yes",
        "No", "ON", "off", "y", "n", "true", "null", "Null", "~", "=", "<<", "1e3", "0x1F", "1_000", "+1", ".5", ".inf", "-.inf",
        ".nan", "nan", "inf", "1:30", "2024-01-01", " lead", "trail ", "\tx", "x\t", " ", "a\r\nb", "a\rb", "a\nb", "\n",
        "\u{85}", "\u{80}x", "x\u{9F}", "\u{A0}x", "x\u{A0}", "a\u{2028}b", "a\u{2029}", "\u{FFFE}", "\u{1}", "\u{7F}",
        "a\u{FEFF}b", "Hà Nội", "😀", "e\u{301}", "\u{301}a", "- ", ": ", "---", "...", "a  b",
    ]

    @Test("the criteria YAML gives back every text exactly, in block and flow collections", arguments: yamlTexts)
    func yamlTextReadsBack(_ text: String) throws {
        let place = SourcePlace(file: "")
        var settings = StepSettings()
        settings.denominate = DenominateStep(by: text)
        settings.combine = CombineRule(method: .weightedMean, by: text, stage: .observations)
        settings.impute = .groupMean(by: text)
        let set = CriteriaSet(
            id: "t", version: text, name: LocalizedText(en: text, vi: text), description: LocalizedText(vi: text),
            source: LocalizedText(en: text), notes: LocalizedText(en: text, vi: text),
            unitsRegistries: [text, text + "2"], groups: .bands([PerformanceBand(name: LocalizedText(en: text), minimum: 0, basis: .scale)]),
            nodes: [
                CriteriaNode(id: "index", name: LocalizedText(en: text), place: place),
                CriteriaNode(
                    id: "a", name: LocalizedText(en: text, vi: text), description: LocalizedText(en: text), unit: LocalizedText(vi: text),
                    source: LocalizedText(en: text, vi: text), notes: LocalizedText(vi: text), settings: settings, parent: 0, place: place),
                CriteriaNode(id: "b", name: LocalizedText(vi: text), parent: 0, place: place),
            ])
        let yaml = CriteriaWriter.yaml(set)
        let loaded = try CriteriaLoader().loadYAML(yaml, file: "t.yaml").set
        if let difference = Self.difference(loaded, set) { Issue.record("\(difference)\n\(yaml)") }
        #expect(CriteriaWriter.yaml(loaded) == yaml)
    }
}
