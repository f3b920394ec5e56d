import CityIndexCore
import CityIndexFormats
import Foundation
import PropertyBased
import Testing

/// `convert --to table --wrapper`: a criteria set becomes a flat table and a YAML side file
/// that load back to the same set, whatever the set holds; standard error says what went where.
@Suite("Criteria as a table and its side file")
struct CriteriaTableExportTests {
    /// Every shipped set, and COINr's ASEM table.
    static let sets: [String] = {
        let folder = repo("Indicators")
        let shipped = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
        return shipped + [shared("validation/asem/iMeta.csv")]
    }()

    @Test func everyShippedSetIsCovered() {
        for name in ["hdi.yaml", "asem.yaml", "dti-provinces-2022.yaml", "qd2244-provinces.yaml"] {
            #expect(Self.sets.contains(repo("Indicators/" + name)), "\(name)")
        }
    }

    @Test("YAML → table and side file → the same set", arguments: sets)
    func roundTrip(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            #expect(!sharedDataAvailable, "\(path) is missing")
            return
        }
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let original = try CriteriaLoader().load(path: path)
        let run = cityindex([
            "convert", "--criteria", path, "--to", "table", "--output", folder.path("t.csv"), "--wrapper", folder.path("w.yaml"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("wrote \(folder.path("t.csv")): the tree (\(original.set.nodes.count) nodes)") == true, "\(lines)")
        #expect(lines.last?.hasPrefix("wrote \(folder.path("w.yaml")): the set-level keys (id") == true, "\(lines)")
        #expect(lines.last?.hasSuffix("naming the table t.csv") == true, "\(lines)")
        let again = try CriteriaLoader().load(path: folder.path("w.yaml"))
        if let difference = PropertyWriterTests.difference(again.set, original.set) { Issue.record("\(difference)") }
        #expect(again.groups == original.groups)
        #expect(again.set.validRanges.mapValues { [$0.min, $0.max] } == original.set.validRanges.mapValues { [$0.min, $0.max] })
    }

    /// The steps no column holds go to the side file's `nodes:`, and standard error names them.
    @Test func stepsAColumnCannotHoldGoToTheSideFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let yaml = """
            id: full
            defaults: {range: [0, 100]}
            root:
              aggregate: {method: geometric, floor: 0.01}
              children:
                - id: p
                  children:
                    - {id: a, target: 80, normalise: {method: bands, of: target, thresholds: [0.33, 0.66], points: [1, 2, 3]}, range: [0, 1000]}
                    - {id: b, denominate: {by: pop, factor: 1000}, impute: {method: group-mean, by: region}, combine: {method: weighted-mean, by: pop, stage: scores}}
                    - {id: c, treat: {method: winsorise, max-points: 3}, impute: {method: carry-forward, max-periods: 2}, over-time: last}
                    - {id: d, normalise: {method: min-max, reference: panel}, treat: log, impute: interpolate}
                - {id: pop, scored: false, range: [1, 2000000000]}

            """
        try yaml.write(toFile: folder.path("full.yaml"), atomically: true, encoding: .utf8)
        let refused = cityindex(["convert", "--criteria", folder.path("full.yaml"), "--to", "table", "--output", folder.path("t.csv")])
        #expect(refused.status == 2)
        #expect(
            refused.stderr
                == "error: \(folder.path("full.yaml")): a table alone would lose the set-level keys (id, defaults) and the steps of 4 nodes the table cannot hold "
                + "(full: aggregate; a: normalise; c: impute, treat; d: normalise): pass --wrapper FILE to keep them in a YAML side file\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path("t.csv")))
        let run = cityindex([
            "convert", "--criteria", folder.path("full.yaml"), "--to", "table", "--output", folder.path("t.csv"), "--wrapper", folder.path("w.yaml"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let table = try String(contentsOfFile: folder.path("t.csv"), encoding: .utf8)
        #expect(table == """
            Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type,Scored,DenominatorFactor,Impute,ImputeBy,Treat,OverTime,Combine,CombineBy,CombineStage,RangeMin,RangeMax
            3,full,,1,1,,,,,Aggregate,,,,,,,,,,,
            2,p,,1,1,,,,full,Aggregate,,,,,,,,,,,
            1,a,,,1,,80,,p,Indicator,,,,,,,,,,0,1000
            1,b,,,1,,,pop,p,Indicator,,1000,group-mean,region,,,weighted-mean,pop,scores,,
            1,c,,,1,,,,p,Indicator,,,,,,last,,,,,
            1,d,,,1,,,,p,Indicator,,,interpolate,,log,,,,,,
            1,pop,,,1,,,,full,Indicator,false,,,,,,,,,1,2000000000

            """)
        let side = try String(contentsOfFile: folder.path("w.yaml"), encoding: .utf8)
        #expect(side.hasSuffix("""
            table: t.csv
            # Steps of table rows that the table's columns cannot hold:
            nodes:
              full:
                aggregate: {method: geometric, floor: 0.01}
              a:
                normalise: {method: bands, thresholds: [0.33, 0.66], points: [1, 2, 3], of: target}
              c:
                impute: {method: carry-forward, max-periods: 2}
                treat: {method: winsorise, max-points: 3, skew: 2, kurtosis: 3.5, fallback: log}
              d:
                normalise: {method: min-max, reference: panel}

            """), "\(side)")
        let original = try CriteriaLoader().load(path: folder.path("full.yaml")).set
        let again = try CriteriaLoader().load(path: folder.path("w.yaml")).set
        if let difference = PropertyWriterTests.difference(again, original) { Issue.record("\(difference)") }
    }

    @Test("any set the YAML reader gives loads back the same from a table and its side file")
    func anySetRoundTrips() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            // Every step and set-level key, texts trimmed as a table's cells are.
            var generator = RandomCriteriaSet(seed: UInt64(seed), forTable: false, trimsTexts: true)
            let set = generator.make()
            let export = CriteriaWriter.tableExport(set)
            let side = export.sideFile(table: "t.csv")
            let loaded: CriteriaSet
            do {
                try export.table.write(toFile: folder.path("t.csv"), atomically: true, encoding: .utf8)
                loaded = try CriteriaLoader().loadYAML(side, file: "w.yaml", directory: folder.url.path).set
            } catch {
                Issue.record("the table and side file do not load: \(error)\n\(export.table)\n\(side)")
                return
            }
            if let difference = PropertyWriterTests.difference(loaded, set) { Issue.record("\(difference)\n\(export.table)\n\(side)") }
        }
    }
}
