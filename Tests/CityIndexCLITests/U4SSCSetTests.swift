import CityIndexCore
import CityIndexFormats
import Foundation
import Testing

/// The shipped U4SSC set (`Indicators/u4ssc/`): its structure, its agreement with the reference
/// KPI list and published values in `../shared/frameworks/u4ssc/`, and the README's example.
@Suite struct U4SSCSetTests {
    static let setPath = repo("Indicators/u4ssc/u4ssc-kpis.yaml")

    /// Whether the reference files are beside the clone.
    static let referenceAvailable = FileManager.default.fileExists(atPath: shared("frameworks/u4ssc/kpis.csv"))
    static let referenceMissing: Comment = "skipped: ../shared/frameworks/u4ssc is not beside this clone"

    /// The KPIs: nodes tagged core or advanced.
    static func kpis(_ set: CriteriaSet) -> [Int] {
        set.nodes.indices.filter { set.nodes[$0].tags == ["core"] || set.nodes[$0].tags == ["advanced"] }
    }

    @Test func theSetHasTheFrameworksShape() throws {
        let set = try CriteriaLoader().load(path: Self.setPath).set
        let kpis = Self.kpis(set)
        #expect(kpis.count == 91)
        #expect(kpis.filter { set.nodes[$0].tags == ["core"] }.count == 54)
        #expect(set.scoredIndicatorIndices.count == 111)
        #expect(kpis.filter { !set.nodes[$0].isIndicator }.count == 6)  // the KPIs with data points
        #expect(set.nodes.filter { $0.depth == 1 }.count == 3)
        #expect(set.nodes.filter { $0.depth == 2 }.count == 7)
        // 27 categories under their sub-dimensions, 22 names: Water and Sanitation stands under three.
        #expect(set.nodes.filter { $0.depth == 3 }.count == 27)
        #expect(Set(set.nodes.filter { $0.depth == 3 }.compactMap(\.name.en)).count == 22)
        #expect(kpis.allSatisfy { set.nodes[$0].depth == 4 })
        #expect(set.nodes.allSatisfy { $0.name.en != nil && $0.name.vi != nil }, "every node is named in English and Vietnamese")
        #expect(set.targetsDeclaration == .external && set.targets.isEmpty)
        #expect(set.charts == [.wheel])
        let core = try set.view(only: "core")
        #expect(core.scoredIndicatorIndices.count == 66)
    }

    @Test(.enabled(if: referenceAvailable, referenceMissing))
    func theSetAgreesWithTheReferenceKPIList() throws {
        let set = try CriteriaLoader().load(path: Self.setPath).set
        let rows = parseCSV(try String(contentsOfFile: shared("frameworks/u4ssc/kpis.csv"), encoding: .utf8))
        #expect(rows.count == 91)
        // Directions settled from the KPIs' definitions where the list is wrong or silent
        // (the set's notes say why); every other direction is the list's.
        let settled: [String: String] = [
            "EC.I.WS.3C": "lower", "EN.EN.AQ.1C": "lower", "SC.SH.SI.1C": "higher", "EC.I.UP.2A": "higher", "SC.SH.SA.3A": "higher",
        ]
        let settledPoints: [String: String] = ["EC.I.T.4A.private": "lower", "EN.EN.WA.1C.landfill": "lower", "EN.EN.WA.1C.burnt": "lower",
            "EN.EN.WA.1C.incinerated": "lower", "EN.EN.WA.1C.open-dump": "lower", "EN.EN.WA.1C.other": "lower"]
        for row in rows {
            let code = row["code"] ?? ""
            let id = code.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ".")
            let i = try #require(set.index(of: id), "\(code)")
            let node = set.nodes[i]
            #expect(node.description.text(in: .en) == "U4SSC code \(code)")
            #expect(node.name.en == row["name"]?.replacingOccurrences(of: "e- Government", with: "e-Government"))
            #expect(node.tags == [row["type"] ?? ""])
            let points = (row["data_points"] ?? "").split(separator: ";").count
            #expect(node.children.count == points, "\(code)")
            // The parents: category, sub-dimension, dimension by name.
            let category = set.nodes[node.parent ?? 0], sub = set.nodes[category.parent ?? 0], dimension = set.nodes[sub.parent ?? 0]
            #expect(category.name.en == row["category"] && sub.name.en == row["sub_dimension"] && dimension.name.en == row["dimension"], "\(code)")
            let leaves = node.isIndicator ? [i] : node.children
            for leaf in leaves {
                let direction = set.effectiveSettings(of: leaf).direction?.rawValue
                let expected = settledPoints[set.nodes[leaf].id] ?? settled[id] ?? row["direction"]
                #expect(direction == expected, "\(set.nodes[leaf].id): \(direction ?? "?") against \(expected ?? "?")")
            }
        }
    }

    @Test(.enabled(if: referenceAvailable, referenceMissing))
    func theShippedValuesAreThePublishedOnes() throws {
        let published = parseCSV(try String(contentsOfFile: shared("frameworks/u4ssc/city-values.csv"), encoding: .utf8))
        let shipped = parseCSV(try String(contentsOfFile: repo("Indicators/u4ssc/city-values.csv"), encoding: .utf8))
        #expect(shipped.count == published.count)
        for (p, s) in zip(published, shipped) {
            #expect(s["name"] == p["city"])
            #expect(s["period"] == String((p["report_date"] ?? "").prefix(4)))
            if p["value"] == "Not Reported" {
                #expect(s["value"] == "" && (s["note"] ?? "").contains("Not Reported"))
            } else {
                #expect(Double(s["value"] ?? "") == Double(p["value"] ?? ""), "\(p)")
            }
            // The same page of the same report (one reference URL went through a proxy host).
            #expect(s["source"]?.hasSuffix(String((p["source_url"] ?? "").split(separator: "/", maxSplits: 3).last ?? "")) == true)
            #expect((s["note"] ?? "").contains("as published: \(p["kpi_as_published"] ?? "")"))
        }
    }

    @Test func theReadmeExampleRunsFromTheShippedFiles() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        let out = tmp.path("out")
        let run = cityindex([
            "report", "--criteria", Self.setPath, "--data", repo("Indicators/u4ssc/city-values.csv"),
            "--targets", repo("Indicators/u4ssc/targets-illustrative.csv"), "--period", "2020", "--db", tmp.path("s.sqlite"), "--out", out,
            "--lang", "en",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(md.contains("Illustrative targets (\(repo("Indicators/u4ssc/targets-illustrative.csv"))): neither U4SSC targets nor official ones"))
        // Karmøy's 14 items against the illustrative targets, by hand: 1025 points of 1400.
        #expect(md.contains("| 1 | Karmøy | 73.21 |"), "\(md.prefix(3000))")
        #expect(md.contains("| \u{2003}\u{2003}ICT (EC.ICT) | 66.67 (66-95 % of target) |"))  // 600 of 900
        #expect(md.contains("| \u{2003}\u{2003}Infrastructure (EC.I) | 85.00 (66-95 % of target) |"))  // 425 of 500
        #expect(FileManager.default.fileExists(atPath: out + "/charts/wheel-karmoy.svg"))
        let targets = parseCSV(try String(contentsOfFile: out + "/targets.csv", encoding: .utf8))
        #expect(targets.count == 14)
        #expect(targets.allSatisfy { ($0["source"] ?? "").hasPrefix("ILLUSTRATIVE") })
    }
}
