import CityIndexCore
import Foundation
import Testing

@testable import CityIndexFormats

@Suite("Criteria writer")
struct CriteriaWriterTests {
    /// A set using every step, to check the YAML round trip.
    static let fullYAML = """
        id: full
        version: "1"
        name: {en: "Full: test", vi: Đầy đủ}
        notes: "a # b, [c]"
        language: vi
        scale: 100
        precision: 2
        ties: dense
        units: units.csv
        screen: {min-coverage: 0.65}
        uncertainty:
          weights: 0.2
          normalise: [min-max, rank]
          aggregate: [arithmetic, geometric]
          impute: true
          leave-out: pillar
          runs: 500
          seed: 42
        defaults:
          direction: lower
          impute: median
          treat: {method: winsorise, max-points: 3, skew: 2.25, kurtosis: 3.5, fallback: none}
          normalise: {method: goalposts, min: 0, max: 1}
        root:
          id: top
          aggregate: {method: sum, missing: zero, min-coverage: 0.5, out-of: 40}
          children:
            - id: p
              name: Trụ cột
              weight: 0.3
              aggregate: {method: harmonic, floor: 0.01}
              children:
                - {id: a, unit: "%", target: 80, normalise: {method: bands, of: target, thresholds: [0.33, 0.66], points: [0, 1, 2]}}
                - {id: b, normalise: {method: yes-no, max-points: 20}, transform: log10, denominate: {by: pop, factor: 1000}}
                - {id: c, normalise: {method: z-score, mean: 100, sd: 10}, source: "yes", description: "1.5"}
            - {id: d, normalise: rank, impute: {method: group-mean, by: region}, treat: log}
            - {id: e, scored: false}

        """

    @Test func yamlRoundTrip() throws {
        let first = try CriteriaLoader().loadYAML(Self.fullYAML, file: "full.yaml").set
        let text = CriteriaWriter.yaml(first)
        let second = try CriteriaLoader().loadYAML(text, file: "out.yaml").set
        #expect(CriteriaFixtures.placeless(second) == CriteriaFixtures.placeless(first))
        #expect(CriteriaWriter.yaml(second) == text)
    }

    @Test func uncertaintyIsReadAsWritten() throws {
        let full = try CriteriaLoader().loadYAML(Self.fullYAML, file: "full.yaml").set
        #expect(
            full.uncertainty
                == Uncertainties(
                    weightSpread: 0.2, normalisations: [.minMax, .rank], aggregations: [.arithmetic, .geometric], imputation: true,
                    leaveOut: .pillar, runs: 500, seed: 42))
        let dirichlet = try CriteriaLoader().loadYAML(
            "id: d\nuncertainty: {weights: {dirichlet: 20}, normalize: z-score}\nroot:\n  children:\n    - id: a\n", file: "d.yaml"
        ).set
        #expect(dirichlet.uncertainty == Uncertainties(dirichletConcentration: 20, normalisations: [.zScore]))
        let text = CriteriaWriter.yaml(dirichlet)
        #expect(text.contains("uncertainty:\n  weights: {dirichlet: 20}\n  normalise: [z-score]\n"))
        #expect(try CriteriaLoader().loadYAML(text, file: "out.yaml").set.uncertainty == dirichlet.uncertainty)
        let empty = try CriteriaLoader().loadYAML("id: e\nuncertainty: {}\nroot:\n  children:\n    - id: a\n", file: "e.yaml").set
        #expect(empty.uncertainty == Uncertainties())
        #expect(try CriteriaLoader().loadYAML(CriteriaWriter.yaml(empty), file: "out.yaml").set.uncertainty == Uncertainties())
    }

    @Test func hdiYAMLRoundTrip() throws {
        let first = try CriteriaLoader().loadYAML(hdiYAML, file: "hdi.yaml").set
        let text = CriteriaWriter.yaml(first)
        let second = try CriteriaLoader().loadYAML(text, file: "out.yaml").set
        #expect(CriteriaFixtures.placeless(second) == CriteriaFixtures.placeless(first))
        #expect(text.contains("        - id: le\n"))
    }

    @Test func u4sscSetRoundTripsWithTagsTargetsAndCharts() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Indicators/u4ssc/u4ssc-kpis.yaml").path
        let first = try CriteriaLoader().load(path: path).set
        let text = CriteriaWriter.yaml(first)
        for piece in ["targets: external\n", "charts: [wheel]\n", "over: indicators}", "tags: [core]\n", "tags: [advanced]\n"] {
            #expect(text.contains(piece), "\(piece)")
        }
        let second = try CriteriaLoader().loadYAML(text, file: "out.yaml").set
        #expect(CriteriaFixtures.placeless(second) == CriteriaFixtures.placeless(first))
        // A flat table cannot hold tags (nor bands): converting says so rather than dropping them.
        #expect(throws: CriteriaError.self) { _ = try CriteriaWriter.table(first) }
    }

    @Test func tableRefusesWhatItCannotHold() {
        #expect(throws: CriteriaError.self) {
            let set = try CriteriaLoader().loadYAML(Self.fullYAML, file: "full.yaml").set
            _ = try CriteriaWriter.table(set)
        }
    }

    @Test func hdiTableRoundTrip() throws {
        // A table holds only the aggregation method: drop the floor.
        let yaml = hdiYAML.replacingOccurrences(of: ", floor: 0.01", with: "")
        let first = try CriteriaLoader().loadYAML(yaml, file: "hdi.yaml").set
        let csv = try CriteriaWriter.table(first)
        let second = try CriteriaLoader().loadTable(bytes: Array(csv.utf8), name: "hdi.csv").set
        #expect(second.nodes.map(\.id) == first.nodes.map(\.id))
        #expect(second.nodes.map(\.settings) == first.nodes.map(\.settings))
        // The set-level keys travel in a YAML file beside the table.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("criteria-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try csv.write(toFile: dir.appendingPathComponent("hdi.csv").path, atomically: true, encoding: .utf8)
        let wrapper = CriteriaWriter.yaml(first, table: "hdi.csv")
        let third = try CriteriaLoader().loadYAML(wrapper, file: "hdi.yaml", directory: dir.path).set
        #expect(CriteriaFixtures.placeless(third) == CriteriaFixtures.placeless(first))
    }

    @Test(.enabled(if: CriteriaFixtures.hasASEM, "skipped: \(CriteriaFixtures.asemMeta) is absent"))
    func asemRoundTrips() throws {
        let loaded = try CriteriaLoader().load(path: CriteriaFixtures.asemMeta)
        let csv = try CriteriaWriter.table(loaded.set, groups: loaded.groups)
        let again = try CriteriaLoader().loadTable(bytes: Array(csv.utf8), name: CriteriaFixtures.asemMeta)
        #expect(CriteriaFixtures.placeless(again.set) == CriteriaFixtures.placeless(loaded.set))
        #expect(again.groups == loaded.groups)
        #expect(try CriteriaWriter.table(again.set, groups: again.groups) == csv)
        let original = try String(contentsOfFile: CriteriaFixtures.asemMeta, encoding: .utf8)
        #expect(csv.split(separator: "\n").first == original.split(separator: "\n").first)
        let yaml = CriteriaWriter.yaml(loaded.set)
        let fromYAML = try CriteriaLoader().loadYAML(yaml, file: "iMeta.yaml").set
        #expect(CriteriaFixtures.placeless(fromYAML) == CriteriaFixtures.placeless(loaded.set))
    }

    @Test func quoting() {
        #expect(YAMLText.scalar("years") == "years")
        #expect(YAMLText.scalar("2017 PPP $") == "\"2017 PPP $\"")
        #expect(YAMLText.scalar("yes") == "\"yes\"")
        #expect(YAMLText.scalar("a: b") == "\"a: b\"")
        #expect(YAMLText.scalar("say \"hi\"\n") == "\"say \\\"hi\\\"\\n\"")
        #expect(TableText.field("a, b") == "\"a, b\"")
    }
}
