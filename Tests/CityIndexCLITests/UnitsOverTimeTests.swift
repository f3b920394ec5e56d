import Foundation
import Testing

/// Units over time (issue 13, DESIGN §5): a unit is a code with its validity; a period's data are
/// scored on the units that report them, as they were in force in that period; predecessors are
/// combined only when asked (`--units P`); names resolve against every registry the set names, by
/// period. Every test here runs the shipped registries of 63 provinces (to 30 June 2025) and 34
/// units (from 1 July 2025) through the command line, as an analyst would.
@Suite struct UnitsOverTimeTests {
    /// The two registries, as the README names them: the 2025 one first.
    static let units = "units: [\(repo("Indicators/units/vn-provinces-2025.csv")), \(repo("Indicators/units/vn-provinces-2024.csv"))]"

    /// A three-indicator set on both registries; `extra` goes under the set's keys.
    static func criteria(_ extra: String = "", poverty: String = "") -> String {
        """
        id: over-time
        name: {en: Over time}
        language: vi
        scale: 100
        precision: 2
        \(units)
        \(extra)
        defaults:
          combine: {method: weighted-mean, by: population}
        root:
          id: index
          children:
            - id: living
              children:
                - {id: poverty, direction: lower\(poverty)}
                - {id: electricity}
            - id: people
              children:
                - {id: literacy}
            - {id: population, scored: false, combine: sum}
        """
    }

    /// `code → (name, name_en)` of a shipped registry, in file order.
    static func registry(_ file: String) throws -> [(code: String, name: String, nameEN: String)] {
        try parseCSV(String(contentsOfFile: repo("Indicators/units/\(file)"), encoding: .utf8)).map {
            ($0["code"] ?? "", $0["name"] ?? "", $0["name_en"] ?? "")
        }
    }

    /// Long rows for every unit of `codes` in `period`, with values derived from the code.
    static func rows(_ codes: [String], period: String, scale: Double = 1) -> String {
        codes.map { code in
            let k = Double(Int(code) ?? 0)
            return [
                "\(code),poverty,\(period),\(String(format: "%.2f", (3 + k.truncatingRemainder(dividingBy: 17)) * scale))",
                "\(code),electricity,\(period),\(String(format: "%.2f", 80 + k.truncatingRemainder(dividingBy: 19)))",
                "\(code),literacy,\(period),\(String(format: "%.2f", 85 + k.truncatingRemainder(dividingBy: 13)))",
                "\(code),population,\(period),\(Int(500 + k * 37))",
            ].joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// A folder with the set and `data` written, and the arguments naming them.
    struct Case {
        let tmp: TemporaryFolder
        var set: String { tmp.path("set.yaml") }
        var data: String { tmp.path("data.csv") }
        var db: String { tmp.path("store.sqlite") }

        init(criteria: String = UnitsOverTimeTests.criteria(), data: String) throws {
            tmp = try TemporaryFolder()
            try criteria.write(toFile: set, atomically: true, encoding: .utf8)
            try data.write(toFile: self.data, atomically: true, encoding: .utf8)
        }

        func run(_ arguments: [String]) -> Invocation {
            cityindex(arguments + ["--db", db])
        }
    }

    @Test("2016 data of the 63 provinces are scored on the 63, with their 2016 names, though the set names the 2025 registry first")
    func periodsBeforeTheMergerKeepTheirUnits() throws {
        let old = try Self.registry("vn-provinces-2024.csv")
        let c = try Case(data: "unit,indicator,period,value\n" + Self.rows(old.map(\.code), period: "2016"))
        defer { c.tmp.cleanUp() }
        let run = c.run(["score", "--criteria", c.set, "--data", c.data, "--period", "2016", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let ranking = parseCSV(run.stdout)
        #expect(ranking.count == 63)
        let names = Dictionary(old.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        for row in ranking {
            #expect(row["name"] == names[row["unit"] ?? ""], "unit \(row["unit"] ?? "") is named \(row["name"] ?? "")")
        }
        #expect(ranking.first { $0["unit"] == "24" }?["name"] == "Bắc Giang")

        let profile = c.run(["profile", "24", "--criteria", c.set, "--period", "2016", "--lang", "en"])
        #expect(profile.status == 0, "\(profile.stderr)")
        #expect(profile.stdout.contains("Bac Giang"))
        #expect(profile.stdout.contains("of 63"))
        #expect(!profile.stdout.contains("formed by merging"))
    }

    @Test("--units 2025 re-expresses 2016 on the 34 units: a sum and a population-weighted mean checked by hand")
    func unitsOptionCombinesOnlyWhenAsked() throws {
        let old = try Self.registry("vn-provinces-2024.csv")
        let data = "unit,indicator,period,value\n" + Self.rows(old.map(\.code), period: "2016")
        let c = try Case(data: data)
        defer { c.tmp.cleanUp() }
        let run = c.run(["score", "--criteria", c.set, "--data", c.data, "--period", "2016", "--units", "2025", "--levels", "all"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = parseCSV(run.stdout)
        #expect(Set(rows.map { $0["unit"] ?? "" }).count == 34)
        #expect(rows.first { $0["unit"] == "24" }?["unit_name"] == "Bắc Ninh")
        #expect(rows.first { $0["unit"] == "24" && $0["node"] == "poverty" }?["flags"]?.contains("combined") == true)

        // The values behind the scores: the same data on a set that scores values as they are
        // (normalise: none), electricity standing in for a count (combined by sum).
        let raw = try Case(criteria: """
            id: raw
            \(Self.units)
            defaults:
              normalise: {method: none}
            root:
              id: index
              children:
                - {id: poverty, combine: {method: weighted-mean, by: population}}
                - {id: electricity, combine: sum}
                - {id: literacy, scored: false, combine: {method: weighted-mean, by: population}}
                - {id: population, scored: false, combine: sum}
            """, data: data)
        defer { raw.tmp.cleanUp() }
        let combined = raw.run(["score", "--criteria", raw.set, "--data", raw.data, "--period", "2016", "--units", "2025", "--levels", "all"])
        #expect(combined.status == 0, "\(combined.stderr)")
        let scores = parseCSV(combined.stdout)
        func score(_ unit: String, _ node: String) -> Double? {
            scores.first { $0["unit"] == unit && $0["node"] == node }?["score"].flatMap(Double.init)
        }
        // 24 Bắc Ninh (2025) = 24 Bắc Giang + 27 Bắc Ninh; values as rows(_:period:) writes them.
        func value(_ code: String, _ id: String) -> Double {
            let k = Double(Int(code) ?? 0)
            switch id {
            case "poverty": return ((3 + k.truncatingRemainder(dividingBy: 17)) * 100).rounded() / 100
            case "electricity": return 80 + k.truncatingRemainder(dividingBy: 19)
            default: return 500 + k * 37
            }
        }
        let population = value("24", "population") + value("27", "population")
        let poverty = (value("24", "poverty") * value("24", "population") + value("27", "poverty") * value("27", "population")) / population
        let electricity = value("24", "electricity") + value("27", "electricity")
        #expect(score("24", "poverty").map { abs($0 - poverty) < 1e-9 } == true, "poverty of 24: \(score("24", "poverty") ?? .nan), expected \(poverty)")
        #expect(score("24", "electricity") == electricity)
        // An unchanged unit keeps its own values.
        #expect(score("11", "electricity") == value("11", "electricity"))
    }

    @Test(
        "old names and spellings resolve to the 63 provinces in 2016 with both registries named",
        arguments: [
            ("Yên Bái", "15"), ("Thừa Thiên Huế", "46"), ("Tỉnh Bắc Giang", "24"), ("Quảng Bình", "44"), ("Bình Định", "52"),
            ("Long An", "80"), ("Tiền Giang", "82"), ("Kiên Giang", "91"), ("Thua Thien-Hue", "46"), ("TP.Ho Chi Minh", "79"),
            ("Bình Dinh", "52"), ("Lam Đong", "68"), ("Bắc Ninh", "27"), ("Hà Giang", "02"),
        ])
    func oldNamesResolveByPeriod(name: String, code: String) throws {
        let c = try Case(data: "unit,indicator,period,value\n\"\(name)\",literacy,2016,90\n")
        defer { c.tmp.cleanUp() }
        let run = c.run(["import", "--criteria", c.set, "--data", c.data])
        #expect(run.status == 0, "\(name): \(run.stderr)")
        let units = c.run(["units"])
        #expect(parseCSV(units.stdout).map { $0["code"] ?? "" } == [code], "\(name) → \(units.stdout)")
    }

    @Test("a name of a unit no longer in force at the end of the period is refused, naming the unit and its validity")
    func oldNameAfterTheMergerIsRefused() throws {
        let c = try Case(data: "unit,indicator,period,value\nYên Bái,literacy,2025,90\n")
        defer { c.tmp.cleanUp() }
        let run = c.run(["import", "--criteria", c.set, "--data", c.data])
        #expect(run.status == 1)
        #expect(run.stderr.contains("data.csv:2:1: unit \"Yên Bái\" names 15 Yên Bái (in force 2008-08-01 to 2025-06-30), not in force at the end of the period (period 2025)"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: c.db), "a failed first import leaves no store file")
    }

    @Test("a code and a name that name different units in the period stop the import with both readings")
    func codeAndNameMustAgree() throws {
        let c = try Case(data: "unit,name,period,literacy\n24,Bắc Ninh,2024,90\n")
        defer { c.tmp.cleanUp() }
        let run = c.run(["import", "--criteria", c.set, "--data", c.data])
        #expect(run.status == 1)
        #expect(run.stderr.contains("unit code \"24\" and name \"Bắc Ninh\" name different units at the end of the period: the code 24 Bắc Giang (in force 2008-08-01 to 2025-06-30), the name 27 Bắc Ninh (in force 2008-08-01 to 2025-06-30)"), "\(run.stderr)")
        #expect(run.stderr.contains("--data-basis"))
    }

    @Test("--data-basis 2025 imports 2024 values given on the 34 units; they are scored on the 34, and mixing them with the 63 is refused")
    func dataOnAnotherBasis() throws {
        let new = try Self.registry("vn-provinces-2025.csv")
        let old = try Self.registry("vn-provinces-2024.csv")
        let c = try Case(data: "unit,indicator,period,value\n" + Self.rows(new.map(\.code), period: "2024"))
        defer { c.tmp.cleanUp() }
        let imported = c.run(["score", "--criteria", c.set, "--data", c.data, "--data-basis", "2025", "--period", "2024"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let ranking = parseCSV(imported.stdout)
        #expect(ranking.count == 34)
        #expect(ranking.first { $0["unit"] == "24" }?["name"] == "Bắc Ninh")

        // The 63 provinces' own 2024 figures beside them: two bases in one period.
        let second = c.tmp.path("old.csv")
        try ("unit,indicator,period,value\n" + Self.rows(old.map(\.code), period: "2024", scale: 2)).write(toFile: second, atomically: true, encoding: .utf8)
        let mixed = c.run(["score", "--criteria", c.set, "--data", second, "--period", "2024"])
        #expect(mixed.status == 1)
        #expect(mixed.stderr.contains("2024 mixes units of two bases that were never in force together"), "\(mixed.stderr)")
        #expect(mixed.stderr.contains("--units"))
        // On one basis, a unit reporting both for itself and through its predecessors is refused too.
        let onOne = c.run(["score", "--criteria", c.set, "--period", "2024", "--units", "2025"])
        #expect(onOne.status == 1)
        #expect(onOne.stderr.contains("has values of its own and through the units it was formed from"), "\(onOne.stderr)")
    }

    @Test("the DTI set ranks the 63 provinces on their 2024 points, and the 34 units only with --units 2025")
    func dtiRanksSixtyThree() throws {
        let old = try Self.registry("vn-provinces-2024.csv")
        let ids = ["digital_awareness", "digital_institutions", "digital_infrastructure", "digital_human_resources", "cybersecurity", "digital_government", "digital_economy", "digital_society"]
        var data = "unit,indicator,period,value\n"
        for (k, u) in old.enumerated() {
            for (j, id) in ids.enumerated() { data += "\(u.code),\(id),2024,\((k * 7 + j * 13) % 97)\n" }
        }
        let c = try Case(criteria: try String(contentsOfFile: repo("Indicators/dti-provinces-2022.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "units/vn-provinces", with: repo("Indicators/units/vn-provinces")), data: data)
        defer { c.tmp.cleanUp() }
        let own = c.run(["score", "--criteria", c.set, "--data", c.data, "--period", "2024"])
        #expect(own.status == 0, "\(own.stderr)")
        #expect(parseCSV(own.stdout).count == 63)
        let merged = c.run(["score", "--criteria", c.set, "--period", "2024", "--units", "2025"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(parseCSV(merged.stdout).count == 34)
    }

    @Test("a trend across the merger needs --units; imputation over time never carries a value across a reused code")
    func trendAcrossTheMerger() throws {
        let new = try Self.registry("vn-provinces-2025.csv")
        let old = try Self.registry("vn-provinces-2024.csv")
        // 24 (Bắc Ninh, 2025) has no literacy in 2025; 24 (Bắc Giang) had one in 2024.
        let rows2025 = Self.rows(new.map(\.code), period: "2025").split(separator: "\n").filter { $0 != "24,literacy,2025,96.00" && !($0.hasPrefix("24,literacy,2025")) }
        let c = try Case(
            criteria: Self.criteria(poverty: "").replacingOccurrences(of: "- {id: literacy}", with: "- {id: literacy, impute: {method: carry-forward, max-periods: 2}}"),
            data: "unit,indicator,period,value\n" + Self.rows(old.map(\.code), period: "2024") + "\n" + rows2025.joined(separator: "\n") + "\n")
        defer { c.tmp.cleanUp() }
        let trend = c.run(["trend", "--criteria", c.set, "--data", c.data, "--unit", "24"])
        #expect(trend.status == 2)
        #expect(trend.stderr.contains("are on two unit bases"), "\(trend.stderr)")
        #expect(trend.stderr.contains("--units 2025"))
        let scores = c.run(["score", "--criteria", c.set, "--period", "2025", "--levels", "all"])
        #expect(scores.status == 0, "\(scores.stderr)")
        let literacy = parseCSV(scores.stdout).first { $0["unit"] == "24" && $0["node"] == "literacy" }
        #expect(literacy?["score"] == "", "24 Bắc Ninh (2025) must not take 24 Bắc Giang's 2024 literacy: \(literacy ?? [:])")
        #expect(literacy?["flags"]?.contains("imputed") != true)
        let withUnits = c.run(["trend", "--criteria", c.set, "--unit", "24", "--units", "2025", "--format", "csv"])
        #expect(withUnits.status == 0, "\(withUnits.stderr)")
    }

    @Test("template --period lists the units in force at the end of that period")
    func templateFollowsThePeriod() throws {
        let c = try Case(data: "unit,indicator,period,value\n")
        defer { c.tmp.cleanUp() }
        for (period, count) in [("2018", 63), ("2025", 34)] {
            let out = c.tmp.path("t\(period)")
            let run = c.run(["template", "--criteria", c.set, "--period", period, "--out", out])
            #expect(run.status == 0, "\(run.stderr)")
            let rows = parseCSV(try String(contentsOfFile: out + "/template.csv", encoding: .utf8))
            #expect(rows.count == count, "\(period)")
        }
        let none = c.run(["template", "--criteria", c.set, "--period", "1990", "--out", c.tmp.path("t1990")])
        #expect(none.status == 2)
        #expect(none.stderr.contains("no unit of the registries"))
    }
}

/// References of a set are checked when it loads (issue 13, deliverable 2).
@Suite struct CriteriaReferenceTests {
    @Test(
        "a typo in a by: is refused by validate with the place, the criteria path and the nearest name",
        arguments: [
            ("denominate: {by: populaton}", "denominate.by \"populaton\" is neither an indicator of the set nor a unit attribute of the unit registries: did you mean \"population\"?"),
            ("impute: {method: group-mean, by: regoin}", "impute.by \"regoin\" is not a unit attribute of the unit registries: did you mean \"region\"?"),
        ])
    func typoInReference(step: String, message: String) throws {
        let c = try UnitsOverTimeTests.Case(
            criteria: UnitsOverTimeTests.criteria().replacingOccurrences(of: "- {id: electricity}", with: "- {id: electricity, \(step)}"),
            data: "unit,indicator,period,value\n")
        defer { c.tmp.cleanUp() }
        let run = c.run(["validate", "--criteria", c.set])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one problem, one line: \(run.stderr)")
        #expect(run.stderr.contains("set.yaml:16:"), "\(run.stderr)")
        #expect(run.stderr.contains("(root.children[0].children[1]."), "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test("an attribute no registry has is looked for in the data: missing there too, scoring stops once, naming the place")
    func attributeMissingFromRegistriesAndData() throws {
        let c = try UnitsOverTimeTests.Case(
            criteria: UnitsOverTimeTests.criteria().replacingOccurrences(of: "- {id: electricity}", with: "- {id: electricity, impute: {method: group-mean, by: zone}}"),
            data: "unit,indicator,period,value\n01,electricity,2016,99\n79,electricity,2016,98\n")
        defer { c.tmp.cleanUp() }
        let check = c.run(["validate", "--criteria", c.set, "--data", c.data])
        #expect(check.status == 1)
        #expect(check.stderr.contains("impute.by \"zone\" is not a unit attribute of the unit registries or the data"), "\(check.stderr)")
        let score = c.run(["score", "--criteria", c.set, "--data", c.data, "--period", "2016"])
        #expect(score.status == 1)
        #expect(score.stderr.split(separator: "\n").filter { $0.contains("zone") }.count == 1, "\(score.stderr)")
        // A wide file that carries the attribute makes it known.
        let wide = c.tmp.path("wide.csv")
        try "unit,period,electricity,zone\n01,2016,99,north\n79,2016,98,south\n".write(toFile: wide, atomically: true, encoding: .utf8)
        let ok = c.run(["validate", "--criteria", c.set, "--data", wide])
        #expect(ok.status == 0, "\(ok.stderr)")
    }
}

/// `validate --data` is the import's own check, and a failed import leaves nothing behind
/// (issue 13, deliverable 4).
@Suite struct ValidateIsImportTests {
    /// Rows of a dissolved province (Hà Tây, 28) among valid ones.
    static let data = "unit,name,period,literacy\n01,Ha Noi,2016,97.6\n28,Ha Tay,2016,\n28,Ha Tay,2014,\n79,TP.Ho Chi Minh,2016,97.9\n"

    @Test("validate --data refuses exactly what import refuses, with the same lines, and creates no store")
    func validateEqualsImport() throws {
        let c = try UnitsOverTimeTests.Case(data: Self.data)
        defer { c.tmp.cleanUp() }
        let check = c.run(["validate", "--criteria", c.set, "--data", c.data])
        #expect(check.status == 1)
        #expect(!FileManager.default.fileExists(atPath: c.db), "validate creates no store")
        let imported = c.run(["import", "--criteria", c.set, "--data", c.data])
        #expect(imported.status == 1)
        #expect(check.stderr == imported.stderr)
        #expect(imported.stderr.contains("data.csv:3:1: unit \"28\" (Ha Tay) is not in the unit registries"), "\(imported.stderr)")
        #expect(imported.stderr.contains("(2 rows)"))
        #expect(!FileManager.default.fileExists(atPath: c.db), "a failed first import leaves no store file")
    }

    @Test("beyond the first 100 bad rows, the rest are counted: validate and import say how many more")
    func manyBadRows() throws {
        let rows = (0..<150).map { "01,literacy,2016,x\($0)" }.joined(separator: "\n")
        let c = try UnitsOverTimeTests.Case(data: "unit,indicator,period,value\n" + rows + "\n")
        defer { c.tmp.cleanUp() }
        for command in ["validate", "import"] {
            let run = c.run([command, "--criteria", c.set, "--data", c.data])
            #expect(run.status == 1)
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 101, "\(command): \(lines.count) lines")
            #expect(lines.last?.hasSuffix("… and 50 more bad row(s) (the first 100 are listed)") == true, "\(lines.last ?? "")")
        }
    }

    @Test("validate --data checks against the store (a conflicting value) and leaves it byte for byte as it was")
    func validateAgainstTheStore() throws {
        let c = try UnitsOverTimeTests.Case(data: "unit,indicator,period,value\n01,literacy,2016,97.6\n")
        defer { c.tmp.cleanUp() }
        #expect(c.run(["import", "--criteria", c.set, "--data", c.data]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: c.db))
        let other = c.tmp.path("other.csv")
        try "unit,indicator,period,value\n01,literacy,2016,88\n".write(toFile: other, atomically: true, encoding: .utf8)
        let check = c.run(["validate", "--criteria", c.set, "--data", other])
        #expect(check.status == 3, "a conflict with a stored value: \(check.stderr)")
        let same = c.tmp.path("same.csv")
        try "unit,indicator,period,value\n01,literacy,2016,97.6\n79,literacy,2016,97.9\n".write(toFile: same, atomically: true, encoding: .utf8)
        let fine = c.run(["validate", "--criteria", c.set, "--data", same])
        #expect(fine.status == 0, "\(fine.stderr)")
        #expect(fine.stdout.contains("an import would store 1 new, 0 replaced, 1 unchanged value(s)"), "\(fine.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: c.db)) == before)
    }
}

/// Which periods a command scores (issue 13, deliverable 5).
@Suite struct PeriodChoiceTests {
    @Test("without --period: the latest period in which a unit can be ranked, said on standard error")
    func defaultPeriodIsRankable() throws {
        let old = try UnitsOverTimeTests.Registry.old()
        let sparse = "01,literacy,2018,97\n79,literacy,2018,98\n02,literacy,2018,80\n06,literacy,2018,81\n04,literacy,2018,82\n"
        let c = try UnitsOverTimeTests.Case(
            criteria: UnitsOverTimeTests.criteria("screen: {min-coverage: 0.65}"),
            data: "unit,indicator,period,value\n" + UnitsOverTimeTests.rows(old, period: "2016") + "\n" + sparse)
        defer { c.tmp.cleanUp() }
        let run = c.run(["score", "--criteria", c.set, "--data", c.data])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("note: period 2016 (the latest period in which a unit can be ranked; 2018 has data but no unit with enough of it)"), "\(run.stderr)")
        #expect(parseCSV(run.stdout).count == 63)
    }

    @Test("--periods A..B scores the periods that have data and names those it skipped")
    func rangeSkipsEmptyPeriods() throws {
        let old = try UnitsOverTimeTests.Registry.old()
        let data = ["2010", "2012", "2014", "2016"].map { UnitsOverTimeTests.rows(old, period: $0) }.joined(separator: "\n")
        let c = try UnitsOverTimeTests.Case(data: "unit,indicator,period,value\n" + data + "\n")
        defer { c.tmp.cleanUp() }
        let run = c.run(["score", "--criteria", c.set, "--data", c.data, "--periods", "2010..2016"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("note: scoring 2010, 2012, 2014, 2016; skipped 2011, 2013, 2015: no data"), "\(run.stderr)")
        #expect(Set(parseCSV(run.stdout).map { $0["period"] ?? "" }) == ["2010", "2012", "2014", "2016"])
        let none = c.run(["score", "--criteria", c.set, "--periods", "2001..2003"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no period of 2001..2003 has data"), "\(none.stderr)")
    }

    @Test("--units P with no unit in force at the end of P, or without registries, is an error")
    func unitsNeedAUnitBasis() throws {
        let old = try UnitsOverTimeTests.Registry.old()
        let c = try UnitsOverTimeTests.Case(data: "unit,indicator,period,value\n" + UnitsOverTimeTests.rows(old, period: "2016") + "\n")
        defer { c.tmp.cleanUp() }
        let early = c.run(["score", "--criteria", c.set, "--data", c.data, "--units", "1990"])
        #expect(early.status == 2)
        #expect(early.stderr.contains("--units 1990: no unit of the registries"), "\(early.stderr)")
        let bare = c.tmp.path("bare.yaml")
        try UnitsOverTimeTests.criteria().replacingOccurrences(of: UnitsOverTimeTests.units, with: "").write(toFile: bare, atomically: true, encoding: .utf8)
        let noRegistry = cityindex(["score", "--criteria", bare, "--data", c.data, "--units", "2025", "--db", c.tmp.path("bare.sqlite")])
        #expect(noRegistry.status == 2)
        #expect(noRegistry.stderr.contains("names no unit registry"), "\(noRegistry.stderr)")
    }
}

extension UnitsOverTimeTests {
    /// The codes of the shipped registries.
    enum Registry {
        static func old() throws -> [String] { try UnitsOverTimeTests.registry("vn-provinces-2024.csv").map(\.code) }
    }
}
