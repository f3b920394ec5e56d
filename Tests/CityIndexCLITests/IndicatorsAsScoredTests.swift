import Foundation
import Testing

/// Issue 15, deliverable 4, on the GSO example: profiles, comparisons and trends show each
/// indicator as scored (doctors per 10,000 inhabitants, not the doctors counted), with its unit
/// and the raw figures beside it; trends give shares' change in percentage points and growth
/// rates only for levels and counts. Every figure is worked out here from the extract.
@Suite struct IndicatorsAsScoredTests {
    static let criteria = repo("Indicators/gso-provinces.yaml")

    /// A store with the GSO extract, and the extract: period → unit → indicator → value.
    static func store(_ tmp: TemporaryFolder) throws -> (db: String, data: [String: [String: [String: Double]]]) {
        let db = tmp.path("gso.sqlite")
        let run = cityindex(["import", "--criteria", criteria, "--data", GSOExampleTests.extract, "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        return (db, try GSOExampleTests.published())
    }

    /// `x` as a Vietnamese report writes it with `decimals` places (`7.328,4`).
    static func vi(_ x: Double, _ decimals: Int) -> String {
        let plain = String(format: "%.\(decimals)f", x)
        let parts = plain.split(separator: ".")
        var whole = String(parts[0]), grouped = ""
        while whole.count > 3 {
            grouped = "." + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        return whole + grouped + (parts.count > 1 ? "," + parts[1] : "")
    }

    @Test("profile: doctors per 10,000 inhabitants as scored, with the doctors and the population it comes from")
    func profileShowsTheIndicatorAsScored() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let (db, data) = try Self.store(tmp)
        let run = cityindex(["profile", "01", "--criteria", Self.criteria, "--period", "2016", "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        let hn = try #require(data["2016"]?["01"])
        let doctors = try #require(hn["doctors"]), beds = try #require(hn["patient_beds"]), population = try #require(hn["avg_population"])
        #expect(run.stdout.contains("| Tiêu chí | Điểm | Hạng | Giá trị tính điểm | Số liệu gốc | Ghi chú |"), "\(run.stdout)")
        // Declared by the set: "bác sĩ trên 10.000 dân"; the beds' unit is derived.
        let doctorsRow = "| \(Self.vi(doctors / population * 10, 2)) bác sĩ trên 10.000 dân | \(Self.vi(doctors, 0)) người ÷ \(Self.vi(population, 1)) nghìn người (Dân số trung bình) × 10 |"
        #expect(run.stdout.contains(doctorsRow), "\(doctorsRow)\n\(run.stdout)")
        let bedsRow = "| \(Self.vi(beds / population * 10, 2)) giường trên 10 nghìn người | \(Self.vi(beds, 0)) giường ÷ \(Self.vi(population, 1)) nghìn người (Dân số trung bình) × 10 |"
        #expect(run.stdout.contains(bedsRow), "\(bedsRow)")
        // A share of two amounts of the same unit is a percentage.
        let wage = try #require(hn["wage_income_pc"]), income = try #require(hn["income_pc"])
        #expect(run.stdout.contains("| \(Self.vi(wage / income * 100, 2)) % | \(Self.vi(wage, 0)) nghìn đồng ÷ \(Self.vi(income, 0)) nghìn đồng"))
        // The counts as reported are not what the reader sees as the indicator's value.
        #expect(!run.stdout.contains("| \(Self.vi(doctors, 0)) người |"))
    }

    @Test("compare: the values as scored side by side, and in the CSV with the figures reported")
    func compareShowsTheIndicatorsAsScored() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let (db, data) = try Self.store(tmp)
        let md = cityindex(["compare", "01", "79", "--criteria", Self.criteria, "--period", "2016", "--db", db, "--lang", "en"])
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.contains("## Indicators as scored"))
        #expect(md.stdout.contains("| Indicator | Unit of measure | Thành phố Hà Nội | Thành phố Hồ Chí Minh |") || md.stdout.contains("| Indicator | Unit of measure | Ha Noi"), "\(md.stdout)")
        let csv = cityindex(["compare", "01", "79", "--criteria", Self.criteria, "--period", "2016", "--db", db, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = parseCSV(csv.stdout)
        for unit in ["01", "79"] {
            let v = try #require(data["2016"]?[unit])
            let row = try #require(rows.first { $0["unit"] == unit && $0["node"] == "doctors" })
            let expected = try #require(v["doctors"]) / #require(v["avg_population"]) * 10
            let value = try #require(Double(row["value"] ?? ""))
            #expect(abs(value - expected) <= 1e-5 * expected, "\(unit): \(value), worked out \(expected)")
            #expect(row["unit_of_measure"] == "bác sĩ trên 10.000 dân")
            #expect(Double(row["raw_value"] ?? "") == v["doctors"])
            #expect(Double(row["denominator_value"] ?? "") == v["avg_population"])
            let poverty = try #require(rows.first { $0["unit"] == unit && $0["node"] == "poverty_rate" })
            #expect(Double(poverty["value"] ?? "") == v["poverty_rate"], "\(unit) poverty: \(poverty)")
            #expect(poverty["denominator_value"] == "")
        }
        // Aggregates have no value.
        #expect(rows.first { $0["node"] == "health" }?["value"] == "")
    }

    @Test("trend: shares change in percentage points, rates as a difference, levels and counts grow at a compound rate")
    func trendReadsEachKind() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let (db, data) = try Self.store(tmp)
        let csv = cityindex(["trend", "--criteria", Self.criteria, "--unit", "01", "--format", "csv", "--db", db])
        #expect(csv.status == 0, "\(csv.stderr)")
        let growth = parseCSV(try #require(csv.stdout.components(separatedBy: "\n\n").last))
        func row(_ id: String) throws -> [String: String] { try #require(growth.first { $0["indicator"] == id }) }
        let first = try #require(data["2010"]?["01"]), last = try #require(data["2016"]?["01"])
        // Poverty rate (%): a share; −4.0 percentage points, no growth rate.
        let poverty = try row("poverty_rate")
        #expect(poverty["kind"] == "share" && poverty["annual_growth"] == "")
        #expect(Double(poverty["change"] ?? "") == (try #require(last["poverty_rate"])) - (try #require(first["poverty_rate"])))
        // Income per capita: a level, compound annual growth over the six years.
        let income = try row("income_pc")
        let cagr = pow(try #require(last["income_pc"]) / (try #require(first["income_pc"])), 1.0 / 6) - 1
        #expect(income["kind"] == "level")
        #expect(abs((Double(income["annual_growth"] ?? "") ?? .nan) - cagr) < 0.00005, "\(income)")
        // Doctors per 10,000: a rate, a difference of the values as scored.
        let doctors = try row("doctors")
        let d0 = try #require(first["doctors"]) / #require(first["avg_population"]) * 10
        let d1 = try #require(last["doctors"]) / #require(last["avg_population"]) * 10
        #expect(doctors["kind"] == "rate" && doctors["annual_growth"] == "")
        #expect(abs((Double(doctors["first_value"] ?? "") ?? .nan) - d0) <= 1e-5 * d0)
        #expect(abs((Double(doctors["change"] ?? "") ?? .nan) - (d1 - d0)) <= 1e-5)
        // Retail sales per inhabitant: denominated, and declared a level: it grows.
        let retail = try row("retail_sales")
        #expect(retail["kind"] == "level" && retail["unit_of_measure"] == "triệu đồng/người")
        let r0 = try #require(first["retail_sales"]) / #require(first["avg_population"])
        let r1 = try #require(last["retail_sales"]) / #require(last["avg_population"])
        #expect(abs((Double(retail["annual_growth"] ?? "") ?? .nan) - (pow(r1 / r0, 1.0 / 6) - 1)) < 0.00005)

        let md = cityindex(["trend", "--criteria", Self.criteria, "--unit", "01", "--db", db])
        #expect(md.status == 0, "\(md.stderr)")
        let p0 = try #require(first["poverty_rate"]), p1 = try #require(last["poverty_rate"])
        #expect(md.stdout.contains("| Tỷ lệ hộ nghèo | % | \(Self.vi(p0, 1)) (2010) | \(Self.vi(p1, 1)) (2016) | −\(Self.vi(p0 - p1, 1)) điểm % |"), "\(md.stdout)")
        #expect(md.stdout.contains("| +\(Self.vi(cagr * 100, 1)) %/năm |"))
    }

    @Test("kind: is checked when the set loads, only on indicators, and goes to the side file of a flat table")
    func kindKey() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        func set(_ extra: String, onPillar: Bool = false) throws -> String {
            let yaml = """
                id: k
                root:
                  children:
                    - id: p
                      \(onPillar ? extra : "weight: 1")
                      children:
                        - {id: a, unit: "%"\(onPillar ? "" : ", " + extra)}
                        - {id: b, denominate: {by: a, unit: {en: per a}}}
                """
            try yaml.write(toFile: tmp.path("k.yaml"), atomically: true, encoding: .utf8)
            return tmp.path("k.yaml")
        }
        let aggregate = cityindex(["validate", "--criteria", try set("kind: share", onPillar: true)])
        #expect(aggregate.status == 1)
        #expect(aggregate.stderr.contains("kind is only used by indicators, but node \"p\" has children"), "\(aggregate.stderr)")
        let typo = cityindex(["validate", "--criteria", try set("kind: shares")])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("k.yaml:7:") && typo.stderr.contains("(root.children[0].children[0].kind)") && typo.stderr.contains("\"share\""), "\(typo.stderr)")
        let good = cityindex(["validate", "--criteria", try set("kind: index")])
        #expect(good.status == 0, "\(good.stderr)")
        // A flat table has no column for it: without a side file the conversion stops, naming it;
        // with one, the kind is there and the table and side file load with it.
        let table = cityindex(["convert", "--criteria", tmp.path("k.yaml"), "--to", "table"])
        #expect(table.status == 2)
        #expect(table.stderr.contains("(a: kind; b: denominate)"), "\(table.stderr)")
        let wrapped = cityindex(["convert", "--criteria", tmp.path("k.yaml"), "--to", "table", "--output", tmp.path("k.csv"), "--wrapper", tmp.path("w.yaml")])
        #expect(wrapped.status == 0, "\(wrapped.stderr)")
        #expect(try String(contentsOfFile: tmp.path("w.yaml"), encoding: .utf8).contains("kind: index"))
        let back = cityindex(["convert", "--criteria", tmp.path("w.yaml"), "--to", "yaml"])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout.contains("kind: index"), "\(back.stdout)")
        // So does the unit a set gives the result of a denomination.
        #expect(back.stdout.contains("denominate: {by: a, factor: 1, unit: {en: per a}}"), "\(back.stdout)")
        // The YAML writer keeps it.
        let yaml = cityindex(["convert", "--criteria", tmp.path("k.yaml"), "--to", "yaml"])
        #expect(yaml.stdout.contains("kind: index"), "\(yaml.stdout)")
    }
}
