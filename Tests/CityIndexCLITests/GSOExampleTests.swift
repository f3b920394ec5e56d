import CityIndexFormats
import Foundation
import Testing

/// Issue 13, deliverable 6: the shipped GSO example (`Indicators/gso-provinces.yaml` on the
/// published figures of `Indicators/gso/gso-provinces-2010-2016.csv`) through the command line,
/// each result against a computation written here from the extract, not through the tool.
@Suite struct GSOExampleTests {
    static let criteria = repo("Indicators/gso-provinces.yaml")
    static let extract = repo("Indicators/gso/gso-provinces-2010-2016.csv")
    static let periods = ["2010", "2012", "2014", "2016"]

    /// The GSO tables beside the clone (the names test reads their spellings).
    static let gsoTables = shared("data/vn/gso-province-tables-1995-2016.csv")
    static let gsoTablesPresent = FileManager.default.fileExists(atPath: gsoTables)
    static let gsoTablesMissing: Comment =
        "skipped: ../shared/data/vn/gso-province-tables-1995-2016.csv is not beside this clone (the GSO spellings of the province names come from it)"

    /// The extract: period → unit code → indicator → value (rows without a value left out).
    static func published() throws -> [String: [String: [String: Double]]] {
        var out: [String: [String: [String: Double]]] = [:]
        for row in parseCSV(try String(contentsOfFile: extract, encoding: .utf8)) {
            guard let value = Double(row["value"] ?? ""), let period = row["period"], let unit = row["unit"],
                let indicator = row["indicator"]
            else { continue }
            out[period, default: [:]][unit, default: [:]][indicator] = value
        }
        return out
    }

    /// `code` and `name` of a registry, in file order.
    static func registry(_ file: String) throws -> [(code: String, name: String)] {
        try parseCSV(String(contentsOfFile: repo("Indicators/units/" + file), encoding: .utf8)).map {
            ($0["code"] ?? "", $0["name"] ?? "")
        }
    }

    /// 2025 code → the pre-2025 codes it was formed from, from the crosswalk file.
    static func predecessors() throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for row in parseCSV(try String(contentsOfFile: repo("Indicators/units/vn-crosswalk-2025.csv"), encoding: .utf8)) {
            out[row["to_code"] ?? "", default: []].append(row["from_code"] ?? "")
        }
        return out.mapValues { $0.sorted() }
    }

    /// A fresh store holding the extract.
    static func importedStore(_ tmp: TemporaryFolder) -> (db: String, status: Int32, stderr: String) {
        let db = tmp.path("gso.sqlite")
        let run = cityindex(["import", "--criteria", criteria, "--data", extract, "--db", db])
        return (db, run.status, run.stderr)
    }

    /// The cells (`unit`, `node`, `score`, optional `rank`) that differ from the worked-out
    /// scores, one line each; a cell without a worked-out score must be empty.
    static func mismatches(_ cells: [[String: String]], _ expected: [String: [String: (score: Double, rank: Int)]]) -> [String] {
        var out: [String] = []
        for cell in cells {
            let unit = cell["unit"] ?? "?", node = cell["node"] ?? "?", score = cell["score"] ?? "-"
            guard let e = expected[unit]?[node] else {
                if score != "" { out.append("\(unit) \(node): score \(score), none worked out") }
                continue
            }
            if Double(score) != e.score { out.append("\(unit) \(node): score \(score), worked out \(e.score)") }
            if let rank = cell["rank"], Int(rank) != e.rank { out.append("\(unit) \(node): rank \(rank), worked out \(e.rank)") }
        }
        return out
    }

    /// "N differences in M cells: " and the first ten.
    static func summary(_ mismatches: [String], of count: Int) -> String {
        "\(mismatches.count) differences in \(count) cells: " + mismatches.prefix(10).joined(separator: "; ")
    }

    // MARK: - every period on the 63 provinces

    @Test("each period on the 63 provinces equals the computation written here, score and rank at every node", arguments: periods)
    func periodOnSixtyThree(period: String) throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let store = Self.importedStore(tmp)
        #expect(store.status == 0, "\(store.stderr)")
        let provinces = try Self.registry("vn-provinces-2024.csv")
        let data = try #require(try Self.published()[period])
        #expect(Set(data.keys) == Set(provinces.map(\.code)), "the extract holds the 63 provinces for \(period)")
        let expected = GSOReference.scores(data)

        let ranking = cityindex(["score", "--criteria", Self.criteria, "--period", period, "--format", "csv", "--db", store.db])
        #expect(ranking.status == 0, "\(ranking.stderr)")
        let rows = parseCSV(ranking.stdout)
        #expect(rows.count == 63, "score --period \(period) printed \(rows.count) rows, not the 63 provinces")
        #expect(Set(rows.compactMap { $0["unit"] }) == Set(provinces.map(\.code)))
        // The ranking's score, rank and pillar columns as --levels all cells.
        let rankingCells = rows.flatMap { row in
            [["unit": row["unit"] ?? "", "node": GSOReference.root, "score": row["score"] ?? "", "rank": row["rank"] ?? ""]]
                + GSOReference.pillars.map { ["unit": row["unit"] ?? "", "node": $0.id, "score": row[$0.id] ?? ""] }
        }
        let rankingMismatches = Self.mismatches(rankingCells, expected)
        #expect(rankingMismatches.isEmpty, "\(period) ranking: \(Self.summary(rankingMismatches, of: rankingCells.count))")

        let all = cityindex([
            "score", "--criteria", Self.criteria, "--period", period, "--levels", "all", "--format", "csv", "--db", store.db,
        ])
        #expect(all.status == 0, "\(all.stderr)")
        let cells = parseCSV(all.stdout)
        #expect(cells.count == 63 * GSOReference.nodes.count, "--levels all printed \(cells.count) rows")
        let wrong = Self.mismatches(cells, expected)
        #expect(wrong.isEmpty, "\(period) --levels all: \(Self.summary(wrong, of: cells.count))")
        // Nothing is combined unless asked: the 63 provinces are scored as they were.
        let combined = cells.filter { ($0["flags"] ?? "").contains("combined") }
        #expect(combined.isEmpty, "\(period): \(combined.count) cells flagged combined, e.g. \(combined.first?["unit"] ?? "") \(combined.first?["node"] ?? "")")
        let compared = cells.filter { !($0["score"] ?? "").isEmpty }.count
        let missing = period == "2016" ? 1 : 0  // TP. Hồ Chí Minh's poverty rate
        #expect(compared == 63 * GSOReference.nodes.count - missing)
        if period == "2016" {
            // TP. Hồ Chí Minh's poverty rate is ".." in the source: not imputed, the pillar averages the other two.
            let hcmc = cells.first { $0["unit"] == "79" && $0["node"] == "living_standards" }
            #expect((hcmc?["flags"] ?? "").contains("partial"), "79 living_standards flags: \(hcmc?["flags"] ?? "-")")
            let poverty = cells.first { $0["unit"] == "79" && $0["node"] == "poverty_rate" }
            #expect(poverty != nil && (poverty?["score"] ?? "") == "", "79 poverty_rate 2016: \(poverty?["score"] ?? "no row")")
        }
    }

    // MARK: - the 34 units of 2025

    @Test("--units 2025 gives the 34 units; Bắc Ninh's doctors are a sum and Ninh Bình's income a population-weighted mean")
    func thirtyFourUnits() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let store = Self.importedStore(tmp)
        #expect(store.status == 0, "\(store.stderr)")
        let units34 = try Self.registry("vn-provinces-2025.csv")
        let data = try #require(try Self.published()["2016"])

        let run = cityindex(["score", "--criteria", Self.criteria, "--period", "2016", "--units", "2025", "--format", "csv", "--db", store.db])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = parseCSV(run.stdout)
        #expect(rows.count == 34, "score --period 2016 --units 2025 printed \(rows.count) rows")
        #expect(Set(rows.compactMap { $0["unit"] }) == Set(units34.map(\.code)))
        // A code alone does not name a unit: on the 2025 basis, 24 is Bắc Ninh, not Bắc Giang.
        let names34 = Dictionary(uniqueKeysWithValues: units34.map { ($0.code, $0.name) })
        let misnamed = rows.filter { names34[$0["unit"] ?? ""] != $0["name"] }.map {
            "\($0["unit"] ?? "") \"\($0["name"] ?? "")\" (2025 registry: \"\(names34[$0["unit"] ?? ""] ?? "")\")"
        }
        #expect(misnamed.isEmpty, "\(misnamed.count) of the 34 units carry another unit's name: \(misnamed.joined(separator: "; "))")

        // By hand, from the crosswalk: Bắc Ninh (24 from 1 July 2025) = Bắc Giang (24) + Bắc Ninh
        // (27); Ninh Bình (37) = Hà Nam (35) + Nam Định (36) + Ninh Bình (37).
        let from = try Self.predecessors()
        #expect(from["24"] == ["24", "27"])
        #expect(from["37"] == ["35", "36", "37"])
        func v(_ unit: String, _ indicator: String) -> Double { data[unit]?[indicator] ?? .nan }
        let doctors24 = v("24", "doctors") + v("27", "doctors")
        let population24 = v("24", "avg_population") + v("27", "avg_population")
        let population37 = ["35", "36", "37"].map { v($0, "avg_population") }.reduce(0, +)
        let income37 = ["35", "36", "37"].map { v($0, "income_pc") * v($0, "avg_population") }.reduce(0, +) / population37

        let report = cityindex([
            "report", "--criteria", Self.criteria, "--period", "2016", "--units", "2025", "--out", tmp.path("out"), "--db", store.db,
            "--no-charts", "--no-html", "--no-sensitivity", "--xlsx", "--headers", "ids",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let sheet = try XLSXReader(path: tmp.path("out/report.xlsx")).table(sheet: "values").records
        let header = try #require(sheet.first?.fields)
        func cell(_ unit: String, _ indicator: String, _ column: String) -> String? {
            guard let u = header.firstIndex(of: "unit"), let i = header.firstIndex(of: "indicator"), let c = header.firstIndex(of: column)
            else { return nil }
            return sheet.dropFirst().first { $0.fields[u] == unit && $0.fields[i] == indicator }?.fields[c]
        }
        #expect(MergerRegistryTests.close(cell("24", "doctors", "value").flatMap(Double.init), doctors24), "24 doctors: \(cell("24", "doctors", "value") ?? "-"), worked out \(doctors24)")
        #expect(MergerRegistryTests.close(cell("24", "doctors", "value_used").flatMap(Double.init), doctors24 / population24 * 10), "24 doctors per 10,000: \(cell("24", "doctors", "value_used") ?? "-")")
        #expect(cell("24", "doctors", "combined") == "combined")
        #expect(MergerRegistryTests.close(cell("37", "income_pc", "value").flatMap(Double.init), income37), "37 income_pc: \(cell("37", "income_pc", "value") ?? "-"), worked out \(income37)")
        #expect(cell("37", "income_pc", "combined") == "combined")
        #expect(MergerRegistryTests.close(cell("37", "avg_population", "value").flatMap(Double.init), population37))
        // Hà Nội was not merged: its figures are its own.
        #expect(MergerRegistryTests.close(cell("01", "doctors", "value").flatMap(Double.init), v("01", "doctors")))
        #expect(cell("01", "doctors", "combined") == "")
    }

    @Test("--units 2025 on 2014 (no gaps) equals the computation written here on the 34 units combined by each indicator's rule")
    func thirtyFourUnitsWorkedOut() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let store = Self.importedStore(tmp)
        #expect(store.status == 0, "\(store.stderr)")
        let data = try #require(try Self.published()["2014"])
        #expect(data.values.allSatisfy { $0.count == GSOReference.indicators.count + 1 }, "2014 has every figure for every province")
        var combined: [String: [String: Double]] = [:]
        for (target, from) in try Self.predecessors() {
            combined[target] = GSOReference.combine(from.compactMap { data[$0] })
        }
        #expect(combined.count == 34)
        let expected = GSOReference.scores(combined)
        let run = cityindex([
            "score", "--criteria", Self.criteria, "--period", "2014", "--units", "2025", "--levels", "all", "--format", "csv",
            "--db", store.db,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let cells = parseCSV(run.stdout)
        #expect(cells.count == 34 * GSOReference.nodes.count, "--levels all printed \(cells.count) rows")
        let wrong = Self.mismatches(cells, expected)
        #expect(wrong.isEmpty, "2014 on the 34 units: \(Self.summary(wrong, of: cells.count))")
    }

    // MARK: - names

    /// The registries a set names, in its order.
    struct Registries: Sendable, CustomTestStringConvertible {
        var files: [String]
        /// The 2024 registry with its `successors` column emptied: no crosswalk, so only the
        /// resolution of names is under test.
        var withoutCrosswalk = false
        var testDescription: String { files.joined(separator: ", ") + (withoutCrosswalk ? " (2024 without successors)" : "") }
    }

    /// The shipped GSO set's order, the README's, and both without the crosswalk.
    static let registryChoices = [
        Registries(files: ["vn-provinces-2024.csv", "vn-provinces-2025.csv"]),
        Registries(files: ["vn-provinces-2025.csv", "vn-provinces-2024.csv"]),
        Registries(files: ["vn-provinces-2025.csv", "vn-provinces-2024.csv"], withoutCrosswalk: true),
        Registries(files: ["vn-provinces-2024.csv"], withoutCrosswalk: true),
    ]

    /// The names the issue lists (issue 13, item 2) with the 2024 code each must land on.
    static let registryNames: [(name: String, code: String)] = [
        ("Yên Bái", "15"), ("Thừa Thiên Huế", "46"), ("Tỉnh Bắc Giang", "24"), ("Quảng Bình", "44"),
        ("Bình Định", "52"), ("Long An", "80"), ("Tiền Giang", "82"), ("Kiên Giang", "91"),
    ]

    /// Every province spelling of the GSO tables (Hà Tây, dissolved in 2008, left out) with its code.
    static func gsoSpellings() throws -> [(name: String, code: String)] {
        let lines = try String(contentsOfFile: gsoTables, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.prefix(1) + lines.dropFirst().filter { $0.contains(",province,") }
        var seen = Set<String>(), out: [(name: String, code: String)] = []
        for row in parseCSV(kept.joined(separator: "\n")) where row["area_level"] == "province" && row["gso_code"] != "28" {
            let name = row["area_name_gso"] ?? "", code = row["gso_code"] ?? ""
            if seen.insert(code + "\u{1}" + name).inserted { out.append((name, code)) }
        }
        return out
    }

    @Test(
        "every GSO spelling and the registry's names resolve to the right 2024 code in a 2016 file",
        .enabled(if: gsoTablesPresent, gsoTablesMissing), arguments: registryChoices)
    func namesResolve(registries: Registries) throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let gso = try Self.gsoSpellings()
        let spellings = Set(gso.map(\.name))
        for name in ["Thua Thien-Hue", "TP.Ho Chi Minh", "Bình Dinh", "Lam Đong", "Yen Bai"] {
            #expect(spellings.contains(name), "the GSO tables spell a province \"\(name)\"")
        }
        let provinces = try Self.registry("vn-provinces-2024.csv")
        #expect(Set(gso.map(\.code)) == Set(provinces.map(\.code)), "the GSO spellings cover the 63 provinces")
        var pairs = gso + Self.registryNames + provinces.map { ($0.name, $0.code) }
        var seen = Set<String>()
        pairs = pairs.filter { seen.insert($0.code + "\u{1}" + $0.name).inserted }

        // One value per name: the code it must land on. A file cannot hold two rows for one
        // province, so the names go in rounds with each code at most once.
        var rounds: [[(name: String, code: String)]] = []
        for pair in pairs {
            if let r = rounds.firstIndex(where: { round in !round.contains { $0.code == pair.code } }) {
                rounds[r].append(pair)
            } else {
                rounds.append([pair])
            }
        }
        var paths = registries.files.map { repo("Indicators/units/" + $0) }
        if registries.withoutCrosswalk, let k = registries.files.firstIndex(of: "vn-provinces-2024.csv") {
            let text = try String(contentsOfFile: paths[k], encoding: .utf8)
            #expect(!text.contains("\""), "the registry has no quoted field, so its last column can be cut by commas")
            let lines = text.split(separator: "\n").map { line -> String in
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                return fields.dropLast().joined(separator: ",") + (fields.last == "successors" ? ",successors" : ",")
            }
            paths[k] = tmp.path("vn-provinces-2024.csv")
            try (lines.joined(separator: "\n") + "\n").write(toFile: paths[k], atomically: true, encoding: .utf8)
        }
        let set = """
            id: names
            name: {en: Name check}
            units: [\(paths.joined(separator: ", "))]
            defaults:
              normalise: none
              combine: {method: sum}
            root:
              id: index
              children:
                - {id: x, unit: code}
            """
        try set.write(toFile: tmp.path("names.yaml"), atomically: true, encoding: .utf8)
        for (k, round) in rounds.enumerated() {
            var file = "name,period,x\n"
            for pair in round { file += "\"\(pair.name)\",2016,\(Int(pair.code) ?? -1)\n" }
            let data = tmp.path("round\(k).csv"), db = tmp.path("round\(k).sqlite")
            try file.write(toFile: data, atomically: true, encoding: .utf8)
            let imported = cityindex(["import", "--criteria", tmp.path("names.yaml"), "--data", data, "--db", db])
            #expect(imported.status == 0, "round \(k) (\(round.map(\.name).joined(separator: ", "))): \(imported.stderr)")
            guard imported.status == 0 else { continue }
            let run = cityindex([
                "score", "--criteria", tmp.path("names.yaml"), "--period", "2016", "--levels", "all", "--format", "csv", "--db", db,
            ])
            #expect(run.status == 0, "\(run.stderr)")
            // Units without a value are listed too (not ranked): keep those holding one.
            let landed = Dictionary(
                parseCSV(run.stdout).filter { $0["node"] == "x" && !($0["score"] ?? "").isEmpty }.map { ($0["unit"] ?? "", $0["score"] ?? "") },
                uniquingKeysWith: { a, _ in a })
            // One line per round naming every name that did not land on its province.
            let wrong = round.filter { landed[$0.code].flatMap(Double.init) != Double(Int($0.code) ?? -1) }.map {
                "\"\($0.name)\" → \($0.code) holds \(landed[$0.code] ?? "no value")"
            }
            #expect(wrong.isEmpty, "round \(k), \(wrong.count) of \(round.count) names misplaced: \(wrong.joined(separator: "; "))")
            #expect(Set(landed.keys) == Set(round.map(\.code)), "round \(k): units \(landed.keys.sorted())")
        }
    }

    @Test(
        "the 2016 figures keyed by the GSO spellings score as the extract keyed by code",
        .enabled(if: gsoTablesPresent, gsoTablesMissing))
    func gsoNamedFileScoresAsTheExtract() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let data = try #require(try Self.published()["2016"])
        var spelling: [String: String] = [:]
        for pair in try Self.gsoSpellings() where spelling[pair.code] == nil { spelling[pair.code] = pair.name }
        let columns = ["avg_population"] + GSOReference.indicators
        var wide = "name,period," + columns.joined(separator: ",") + "\n"
        for (code, values) in data.sorted(by: { $0.key < $1.key }) {
            let name = try #require(spelling[code])
            wide += "\"\(name)\",2016," + columns.map { values[$0].map { "\($0)" } ?? "" }.joined(separator: ",") + "\n"
        }
        try wide.write(toFile: tmp.path("gso-names-2016.csv"), atomically: true, encoding: .utf8)
        let byName = cityindex([
            "score", "--criteria", Self.criteria, "--data", tmp.path("gso-names-2016.csv"), "--period", "2016", "--format", "csv",
            "--db", tmp.path("names.sqlite"),
        ])
        #expect(byName.status == 0, "\(byName.stderr)")
        let byCode = cityindex([
            "score", "--criteria", Self.criteria, "--data", Self.extract, "--period", "2016", "--format", "csv",
            "--db", tmp.path("codes.sqlite"),
        ])
        #expect(byCode.status == 0, "\(byCode.stderr)")
        // The extract's store holds 2014 too, so its ranking has change columns; compare the rest.
        let keep = ["rank", "unit", "name", "score"] + GSOReference.pillars.map(\.id)
        let a = parseCSV(byName.stdout).map { row in keep.map { row[$0] ?? "" } }
        let b = parseCSV(byCode.stdout).map { row in keep.map { row[$0] ?? "" } }
        #expect(a.count == 63)
        #expect(a == b)
    }

    // MARK: - the DTI set on the 63 provinces

    /// DTI main indicators and their maximum points (Decision 922/QĐ-BTTTT).
    static let dtiIndicators: [(id: String, max: Int)] = [
        ("digital_awareness", 100), ("digital_institutions", 100), ("digital_infrastructure", 100),
        ("digital_human_resources", 100), ("cybersecurity", 100), ("digital_government", 200), ("digital_economy", 150),
        ("digital_society", 150),
    ]

    /// Synthetic points of one province for 2024, derived from its code (not DTI results).
    static func dtiPoints(_ code: String) -> [Int] {
        let k = Int(code) ?? 0
        return dtiIndicators.enumerated().map { j, indicator in (k * (31 + 7 * j) + 11 * j) % (indicator.max + 1) }
    }

    @Test("the DTI set ranks the 63 provinces on 2024 data, and the 34 units with --units 2025 (plain mean of the predecessors)")
    func dtiOnSixtyThree() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let provinces = try Self.registry("vn-provinces-2024.csv")
        var file = "unit,period," + Self.dtiIndicators.map(\.id).joined(separator: ",") + ",smart_city\n"
        for (code, _) in provinces {
            file += "\(code),2024," + Self.dtiPoints(code).map(String.init).joined(separator: ",") + ",0\n"
        }
        try file.write(toFile: tmp.path("dti-2024.csv"), atomically: true, encoding: .utf8)
        let dti = repo("Indicators/dti-provinces-2022.yaml"), db = tmp.path("dti.sqlite")
        #expect(cityindex(["import", "--criteria", dti, "--data", tmp.path("dti-2024.csv"), "--db", db]).status == 0)
        // DTI = total points / 1000, 4 decimals.
        func dtiValue(_ codes: [String]) -> Double {
            let total = codes.map { Double(Self.dtiPoints($0).reduce(0, +)) }.reduce(0, +) / Double(codes.count)
            return (total / 1000 * 10_000).rounded(.toNearestOrAwayFromZero) / 10_000
        }

        let run63 = cityindex(["score", "--criteria", dti, "--period", "2024", "--format", "csv", "--db", db])
        #expect(run63.status == 0, "\(run63.stderr)")
        let rows63 = parseCSV(run63.stdout)
        #expect(rows63.count == 63, "score --period 2024 printed \(rows63.count) rows, not the 63 provinces")
        #expect(Set(rows63.compactMap { $0["unit"] }) == Set(provinces.map(\.code)))
        let wrong63 = rows63.filter { Double($0["score"] ?? "") != dtiValue([$0["unit"] ?? ""]) }.map { row in
            "\(row["unit"] ?? ""): DTI \(row["score"] ?? "-"), worked out \(dtiValue([row["unit"] ?? ""]))"
        }
        #expect(wrong63.isEmpty, "2024 on the 63: \(Self.summary(wrong63, of: rows63.count))")

        let run34 = cityindex(["score", "--criteria", dti, "--period", "2024", "--units", "2025", "--format", "csv", "--db", db])
        #expect(run34.status == 0, "\(run34.stderr)")
        let rows34 = parseCSV(run34.stdout)
        #expect(rows34.count == 34, "score --period 2024 --units 2025 printed \(rows34.count) rows")
        let from = try Self.predecessors()
        #expect(Set(rows34.compactMap { $0["unit"] }) == Set(from.keys))
        let wrong34 = rows34.filter { Double($0["score"] ?? "") != dtiValue(from[$0["unit"] ?? ""] ?? []) }.map { row in
            "\(row["unit"] ?? ""): DTI \(row["score"] ?? "-"), worked out \(dtiValue(from[row["unit"] ?? ""] ?? []))"
        }
        #expect(wrong34.isEmpty, "2024 on the 34: \(Self.summary(wrong34, of: rows34.count))")
    }

    // MARK: - a profile of 2016

    @Test("profile 24 --period 2016 is Bắc Giang, ranked among the 63 provinces")
    func profileOfBacGiang() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let store = Self.importedStore(tmp)
        #expect(store.status == 0, "\(store.stderr)")
        let data = try #require(try Self.published()["2016"])
        let expected = try #require(GSOReference.scores(data)["24"]?[GSOReference.root])
        let run = cityindex(["profile", "24", "--criteria", Self.criteria, "--period", "2016", "--db", store.db])
        #expect(run.status == 0, "\(run.stderr)")
        let score = String(format: "%.2f", expected.score).replacingOccurrences(of: ".", with: ",")
        #expect(run.stdout.hasPrefix("# Bắc Giang — "), "\(run.stdout.prefix(200))")
        #expect(run.stdout.contains("- Điểm: **\(score)**, hạng **\(expected.rank)** trên 63"), "\(run.stdout.prefix(400))")
        #expect(!run.stdout.contains("Hợp nhất từ"), "Bắc Giang was not merged in 2016")
    }

    // MARK: - the shipped files

    @Test("the set and the extract validate; the extract holds the published figures only")
    func shippedFilesValidate() throws {
        let run = cityindex(["validate", "--criteria", Self.criteria, "--data", Self.extract])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = parseCSV(try String(contentsOfFile: Self.extract, encoding: .utf8))
        #expect(rows.count == 63 * 11 * 4)
        #expect(rows.allSatisfy { ($0["source"] ?? "").hasPrefix("GSO yearbook table: ") })
        let gaps = rows.filter { ($0["value"] ?? "").isEmpty }
        #expect(gaps.map { "\($0["unit"] ?? "") \($0["indicator"] ?? "") \($0["period"] ?? "")" } == ["79 poverty_rate 2016"])
        #expect(gaps.allSatisfy { ($0["note"] ?? "").contains("not available") })
        #expect(rows.filter { $0["period"] != "2016" }.allSatisfy { ($0["note"] ?? "").isEmpty }, "only 2016 figures are preliminary")
    }

    @Test(
        "every figure of the extract is the GSO tables' figure for that province, table and year",
        .enabled(if: gsoTablesPresent, gsoTablesMissing))
    func extractMatchesTheTables() throws {
        let lines = try String(contentsOfFile: Self.gsoTables, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let years = Set(Self.periods)
        let kept = lines.prefix(1) + lines.dropFirst().filter { line in line.contains(",province,") && years.contains { line.contains(",\($0),") } }
        var source: [String: (value: String, preliminary: Bool)] = [:]
        for row in parseCSV(kept.joined(separator: "\n")) {
            let key = [row["table"] ?? "", row["item"] ?? "", row["gso_code"] ?? "", row["year"] ?? ""].joined(separator: "\u{1}")
            source[key] = (row["value"] ?? "", row["preliminary"] == "1")
        }
        let prefix = "GSO yearbook table: "
        var checked = 0
        for row in parseCSV(try String(contentsOfFile: Self.extract, encoding: .utf8)) {
            let cited = String((row["source"] ?? "").dropFirst(prefix.count))
            // "table; item" (the item is absent for one-figure tables).
            let parts = cited.components(separatedBy: "; ")
            let table = parts[0], item = parts.count > 1 ? parts[1] : ""
            let key = [table, item, row["unit"] ?? "", row["period"] ?? ""].joined(separator: "\u{1}")
            let published = try #require(source[key], "\(row["unit"] ?? "") \(row["indicator"] ?? "") \(row["period"] ?? ""): \(cited) not in the tables")
            #expect(published.value == row["value"], "\(row["unit"] ?? "") \(row["indicator"] ?? "") \(row["period"] ?? "")")
            #expect(published.preliminary == (row["note"] ?? "").contains("preliminary"))
            checked += 1
        }
        #expect(checked == 63 * 11 * 4)
    }
}

/// The GSO set's steps written out from its YAML, for the tests to compare the tool with:
/// denominate, screen (75 %), min-max to 0-100 over the ranked provinces, arithmetic means with
/// the missing children left out, 2 decimals half away from zero, competition ranks at every node.
enum GSOReference {
    static let root = "gso_index"
    static let pillars: [(id: String, indicators: [String])] = [
        ("living_standards", ["income_pc", "poverty_rate", "electricity"]),
        ("education_labour", ["literacy", "trained_workers"]),
        ("health", ["doctors", "patient_beds", "infant_mortality"]),
        ("economy", ["retail_sales", "wage_income_pc"]),
    ]
    static let indicators = pillars.flatMap(\.indicators)
    static let lower: Set<String> = ["poverty_rate", "infant_mortality"]
    /// Every scored node: the root, the pillars, the indicators.
    static let nodes = [root] + pillars.map(\.id) + indicators

    /// The value scored: counts per 10,000 inhabitants or per inhabitant (population in
    /// thousands), wage income as a share of income, the rest as published.
    static func value(_ indicator: String, _ raw: [String: Double]) -> Double? {
        guard let x = raw[indicator] else { return nil }
        let population = raw["avg_population"] ?? .nan
        switch indicator {
        case "doctors", "patient_beds": return x / population * 10
        case "retail_sales": return x / population
        case "wage_income_pc": return raw["income_pc"].map { x / $0 * 100 }
        default: return x
        }
    }

    /// Combines predecessors: counts and population add up, the rest take the mean weighted by population.
    static func combine(_ parts: [[String: Double]]) -> [String: Double] {
        var out: [String: Double] = [:]
        let population = parts.map { $0["avg_population"] ?? .nan }.reduce(0, +)
        for id in ["avg_population"] + indicators {
            if ["avg_population", "doctors", "patient_beds", "retail_sales"].contains(id) {
                out[id] = parts.map { $0[id] ?? .nan }.reduce(0, +)
            } else {
                out[id] = parts.map { ($0[id] ?? .nan) * ($0["avg_population"] ?? .nan) }.reduce(0, +) / population
            }
        }
        return out
    }

    /// `x` to 2 decimals, half away from zero.
    static func round2(_ x: Double) -> Double { (x * 100).rounded(.toNearestOrAwayFromZero) / 100 }

    /// unit → node → (rounded score, competition rank) for one period's figures.
    static func scores(_ data: [String: [String: Double]]) -> [String: [String: (score: Double, rank: Int)]] {
        let ranked = data.filter { _, raw in
            Double(indicators.filter { raw[$0] != nil }.count) / Double(indicators.count) >= 0.75
        }
        var score: [String: [String: Double]] = [:]
        for id in indicators {
            let values = ranked.compactMapValues { value(id, $0) }
            guard let lo = values.values.min(), let hi = values.values.max() else { continue }
            for (unit, x) in values {
                let t = hi > lo ? (x - lo) / (hi - lo) : 0.5
                score[unit, default: [:]][id] = (lower.contains(id) && hi > lo ? 1 - t : t) * 100
            }
        }
        func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }
        for unit in ranked.keys {
            for pillar in pillars {
                score[unit, default: [:]][pillar.id] = mean(pillar.indicators.compactMap { score[unit]?[$0] })
            }
            score[unit, default: [:]][root] = mean(pillars.compactMap { score[unit]?[$0.id] })
        }
        var out: [String: [String: (score: Double, rank: Int)]] = [:]
        for node in nodes {
            let rounded = score.compactMapValues { $0[node].map(round2) }
            for (unit, s) in rounded {
                out[unit, default: [:]][node] = (s, 1 + rounded.values.filter { $0 > s }.count)
            }
        }
        return out
    }
}
