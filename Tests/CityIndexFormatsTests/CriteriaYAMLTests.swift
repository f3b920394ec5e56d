import CityIndexCore
import Foundation
import Testing

@testable import CityIndexFormats

/// The HDI set of DESIGN §4 (with a floor, so that no warning is due).
let hdiYAML = """
    id: hdi
    version: "2023/24"
    name: {en: Human Development Index, vi: Chỉ số phát triển con người}
    source: UNDP Human Development Report 2023/24, technical notes
    scale: 1
    precision: 3
    ties: competition
    defaults:
      normalise: {method: min-max}
      aggregate: {method: arithmetic, missing: reweight}
    root:
      aggregate: {method: geometric, floor: 0.01}
      children:
        - id: health
          name: {en: Health, vi: Sức khỏe}
          children:
            - id: le
              name: {en: Life expectancy at birth}
              unit: years
              direction: higher
              normalise: {method: goalposts, min: 20, max: 85}
        - id: education
          children:
            - {id: eys, unit: years, normalise: {method: goalposts, min: 0, max: 18}}
            - {id: mys, unit: years, normalise: {method: goalposts, min: 0, max: 15}}
        - id: income
          weight: 1
          children:
            - id: gnipc
              unit: 2017 PPP $
              transform: ln
              normalise: {method: goalposts, min: 100, max: 75000}

    """

@Suite("Criteria YAML loading")
struct CriteriaYAMLTests {
    @Test func hdiLoadsWithEffectiveSettings() throws {
        let loaded = try CriteriaLoader().loadYAML(hdiYAML, file: "hdi.yaml")
        let set = loaded.set
        #expect(loaded.warnings.isEmpty)
        #expect(set.id == "hdi")
        #expect(set.version == "2023/24")
        #expect(set.name == LocalizedText(en: "Human Development Index", vi: "Chỉ số phát triển con người"))
        #expect(set.precision == 3)
        #expect(set.nodes.map(\.id) == ["hdi", "health", "le", "education", "eys", "mys", "income", "gnipc"])
        #expect(set.scoredIndicatorIndices.map { set.nodes[$0].id } == ["le", "eys", "mys", "gnipc"])
        let root = set.effectiveSettings(of: 0)
        #expect(root.aggregate == AggregateStep(method: .geometric, floor: 0.01))
        let health = try #require(set.index(of: "health"))
        #expect(set.effectiveSettings(of: health).aggregate == AggregateStep(method: .arithmetic, missing: .reweight))
        let gnipc = try #require(set.index(of: "gnipc"))
        let g = set.effectiveSettings(of: gnipc)
        #expect(g.transform == .ln)
        #expect(g.normalise == .goalposts(min: 100, max: 75000))
        #expect(g.direction == .higher)
        #expect(g.impute == ImputeStep.none)
        #expect(set.nodes[gnipc].unit == LocalizedText(en: "2017 PPP $"))
        let le = try #require(set.index(of: "le"))
        #expect(set.nodes[le].place == SourcePlace(file: "hdi.yaml", line: 17, column: 11, path: "root.children[0].children[0]"))
        #expect(set.effectiveSettings(of: le).transform == Transform.none)
    }

    @Test func versionNumberIsKeptAsWritten() throws {
        let loaded = try CriteriaLoader().loadYAML("id: t\nversion: 2.10\nroot:\n  children:\n    - id: a\n", file: "t.yaml")
        #expect(loaded.set.version == "2.10")
    }

    @Test func plainNameFollowsTheLanguage() throws {
        let yaml = "id: t\nlanguage: vi\nname: Chỉ số\nroot:\n  children:\n    - {id: a, name: Tuổi thọ}\n"
        let set = try CriteriaLoader().loadYAML(yaml, file: "t.yaml").set
        #expect(set.name == LocalizedText(vi: "Chỉ số"))
        #expect(set.nodes[1].name == LocalizedText(vi: "Tuổi thọ"))
        #expect(set.language == .vi)
    }

    @Test func unitSourceNotesAndDescriptionInBothLanguages() throws {
        let yaml = """
            id: t
            language: vi
            description: {vi: Bộ thử, en: A test set}
            source: Nguồn của bộ
            notes: {en: Notes}
            root:
              children:
                - id: a
                  unit: {vi: người, en: people}
                  description: Mô tả
                  source: {en: GSO, vi: Tổng cục Thống kê}
                  notes: {vi: Ghi chú}
            """
        let set = try CriteriaLoader().loadYAML(yaml, file: "t.yaml").set
        #expect(set.description == LocalizedText(en: "A test set", vi: "Bộ thử"))
        #expect(set.source == LocalizedText(vi: "Nguồn của bộ"))
        #expect(set.notes == LocalizedText(en: "Notes"))
        let a = set.nodes[1]
        #expect(a.unit == LocalizedText(en: "people", vi: "người"))
        #expect(a.unit.text(in: .en) == "people" && a.unit.text(in: .vi) == "người")
        #expect(a.description == LocalizedText(vi: "Mô tả"))
        #expect(a.source == LocalizedText(en: "GSO", vi: "Tổng cục Thống kê"))
        // The other language when one is missing.
        #expect(a.notes.text(in: .en) == "Ghi chú" && set.notes.text(in: .vi) == "Notes")
        // Written back as read.
        let again = try CriteriaLoader().loadYAML(CriteriaWriter.yaml(set), file: "again.yaml").set
        #expect(again.nodes[1].unit == a.unit && again.nodes[1].notes == a.notes && again.description == set.description)
    }

    @Test func aTextGivenAsAMappingNeedsEnOrVi() {
        let yaml = "id: t\nroot:\n  children:\n    - {id: a, unit: {fr: personnes}}\n"
        #expect(throws: CriteriaError.self) { try CriteriaLoader().loadYAML(yaml, file: "t.yaml") }
    }

    @Test func shortFormsAndSpellings() throws {
        let yaml = """
            id: t
            defaults:
              impute: mean
              treat: winsorize
              normalize: min-max
              screen: {min-coverage: 0.9, basis: imputed}
            root:
              aggregate: geometric
              children:
                - {id: a, denominate: pop, normalise: percentile}
                - {id: b, impute: {method: group-mean, by: region}, treat: log, transform: sqrt}
                - {id: c, normalise: {method: bands, of: target, target: 80, thresholds: [0.33, 0.66, 0.95], points: [1, 2, 3, 4]}}
                - {id: d, normalise: ratio, denominate: {by: a, factor: 100000}}
                - {id: e, normalise: {method: z-score, mean: 100, sd: 10}, target: 5}
                - {id: f, normalise: target, target: 5}
            """
        let loaded = try CriteriaLoader().loadYAML(yaml, file: "t.yaml")
        let set = loaded.set
        #expect(set.defaults.impute == .mean)
        #expect(set.defaults.treat == .winsorise(maxPoints: 5, skew: 2, kurtosis: 3.5, fallback: .log))
        #expect(set.defaults.normalise == .minMax)
        #expect(set.screen == ScreenStep(minCoverage: 0.9, basis: .imputed))
        #expect(set.nodes[0].settings.aggregate == AggregateStep(method: .geometric))
        func settings(_ id: String) -> StepSettings { set.index(of: id).map { set.nodes[$0].settings } ?? StepSettings() }
        #expect(settings("a").denominate == DenominateStep(by: "pop", factor: 1))
        #expect(settings("b").impute == .groupMean(by: "region"))
        #expect(settings("b").treat == .log)
        #expect(settings("b").transform == .sqrt)
        #expect(settings("c").normalise == .bands(basis: .target, target: 80, thresholds: [0.33, 0.66, 0.95], points: [1, 2, 3, 4]))
        #expect(settings("d").normalise == .ratio(maxPoints: 1))
        #expect(settings("d").denominate == DenominateStep(by: "a", factor: 100000))
        #expect(settings("e").normalise == .zScore(mean: 100, sd: 10))
        #expect(settings("f").normalise == .target(nil))
        #expect(loaded.attributeDenominators == ["pop"])
        // geometric over percentile, min-max … without a floor
        #expect(loaded.warnings.count == 1)
    }

    @Test func unreadableFile() {
        #expect(throws: CriteriaError.cannotRead(file: "/nonexistent/x.yaml", reason: "no such file")) {
            try CriteriaLoader().load(path: "/nonexistent/x.yaml")
        }
    }

    @Test func loadsFromAFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("criteria-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("hdi.yaml").path
        try hdiYAML.write(toFile: path, atomically: true, encoding: .utf8)
        let set = try CriteriaLoader().load(path: path).set
        #expect(set.file == path)
        #expect(set.nodes.count == 8)
    }
}

@Suite("Criteria YAML problems are reported once")
struct CriteriaYAMLOnceTests {
    @Test func unknownKeyInDenominateOnce() {
        let problems = CriteriaFixtures.problems("id: t\nroot:\n  children:\n    - {id: a, denominate: {by: pop, factr: 2}}\n")
        #expect(problems.map(\.description) == [
            "t.yaml:4:37 (root.children[0].denominate.factr): unknown key \"factr\"; expected one of by, factor, unit (did you mean \"factor\"?)"
        ])
    }
}
