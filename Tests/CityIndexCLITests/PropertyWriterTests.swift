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
        let nodes = set.nodes.map { node -> CriteriaNode in
            var copy = node
            copy.place = SourcePlace(file: "")
            return copy
        }
        return CriteriaSet(
            id: set.id, version: set.version, name: set.name, source: set.source, notes: set.notes,
            language: set.language, scale: set.scale, precision: set.precision, ties: set.ties,
            unitsRegistries: set.unitsRegistries, screen: set.screen, groups: set.groups, uncertainty: set.uncertainty,
            defaults: set.defaults, nodes: nodes, file: "")
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

    /// A flat table with one indicator whose `field` is `text`, and the same tree read back.
    static func tableRoundTrip(description: String) throws -> String? {
        let place = SourcePlace(file: "")
        let set = CriteriaSet(
            id: "t", nodes: [CriteriaNode(id: "index", place: place), CriteriaNode(id: "a", description: description, parent: 0, place: place)])
        let csv = try CriteriaWriter.table(set)
        return try CriteriaLoader().loadTable(bytes: Array(csv.utf8), name: "t.csv").set.nodes.last?.description
    }

    /// Found by ``criteriaTableReadsBack()``: `TableText.field` (CriteriaWriter+Table.swift)
    /// looks for `"\n"` and `"\r"` among the text's Characters, but CR LF is one Character, equal
    /// to neither; the field is written unquoted and breaks the row. When this test fails with
    /// "Known issue was not recorded", the bug is fixed: remove the CR LF filter in
    /// ``RandomCriteriaSet`` and this test.
    @Test("known bug: a text holding CR LF breaks the flat criteria table")
    func tableQuotesCRLF() {
        withKnownIssue("CriteriaWriter.table writes a field holding CR LF unquoted") {
            let read = try Self.tableRoundTrip(description: "line one\r\nline two")
            #expect(read == "line one\r\nline two")
        }
    }

    /// Found by ``criteriaTableReadsBack()``: the table reader removes one leading `'` from a
    /// cell starting `'=`, `'+`, `'-`, `'@`, `'` tab or `'` CR (the formula guard `CSVWriter`
    /// adds), but `TableText.field` writes text without that guard, so such text loses its `'`
    /// (and text starting `=`, `+`, `-` or `@` is written unguarded, against the formula-injection
    /// policy of every other CSV the tool writes).
    @Test("known bug: a flat criteria table drops the leading ' of '=… and '-… texts")
    func tableKeepsLeadingApostrophe() {
        withKnownIssue("CriteriaWriter.table does not guard text the table reader unguards") {
            let read = try Self.tableRoundTrip(description: "'-5 % (provisional)")
            #expect(read == "'-5 % (provisional)")
        }
    }

    /// Found by ``criteriaYAMLReadsBack()``: `YAMLText.scalar` leaves `a:?b` plain, but inside a
    /// flow mapping or sequence (`name: {en: …, vi: …}`, `units: […]`, `by:` in a step) the YAML
    /// parser reads `:` followed by `?` as a key indicator and refuses the file.
    @Test("known bug: a text holding :? makes the criteria YAML unreadable inside braces")
    func yamlQuotesColonQuestionMarkInFlow() {
        let place = SourcePlace(file: "")
        let set = CriteriaSet(
            id: "t",
            nodes: [
                CriteriaNode(id: "index", place: place),
                CriteriaNode(id: "a", name: LocalizedText(en: "Ratio", vi: "Tỷ lệ:?"), parent: 0, place: place),
            ])
        withKnownIssue("CriteriaWriter.yaml writes Tỷ lệ:? unquoted inside {en: …, vi: …}") {
            let loaded = try CriteriaLoader().loadYAML(CriteriaWriter.yaml(set), file: "t.yaml").set
            #expect(loaded.nodes.last?.name == set.nodes.last?.name)
        }
    }
}
