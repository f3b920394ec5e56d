import CityIndexCore
import Foundation
import Testing

@testable import CityIndexFormats

/// The step columns of the flat table (Scored, DenominatorFactor, Impute, ImputeBy, Treat,
/// OverTime, Combine, CombineBy, CombineStage) and the side file's `nodes:`: what they read,
/// and each mistake named by its cell or its YAML place.
@Suite("Flat table step columns and side-file nodes")
struct TableStepColumnsTests {
    static let header = "Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type,"
        + "Scored,DenominatorFactor,Impute,ImputeBy,Treat,OverTime,Combine,CombineBy,CombineStage\n"
    static let index = "2,Index,I,1,1,,,,,Aggregate,,,,,,,,,\n"

    @Test func columnsRead() throws {
        let csv = Self.header
            + "1,a,A,1,1,,,pop,Index,Indicator,,100000,group-mean,region,winsorise,sum,weighted-mean,pop,scores\n"
            + "1,b,B,1,1,,,,Index,Indicator,,,carry-forward,,log,last,sum,,\n"
            + "1,pop,P,1,1,,,,Index,Indicator,false,,interpolate,,,,,,\n"
            + "2,Index,I,1,1,,,,,Aggregate,,,,,,,mean,,scores\n"
        let set = try CriteriaLoader().loadTable(bytes: Array(csv.utf8), name: "m.csv").set
        func settings(_ id: String) throws -> StepSettings { try #require(set.index(of: id).map { set.nodes[$0].settings }) }
        #expect(try settings("a").denominate == DenominateStep(by: "pop", factor: 100000))
        #expect(try settings("a").impute == .groupMean(by: "region"))
        #expect(try settings("a").treat == .winsorise(maxPoints: 5, skew: 2, kurtosis: 3.5, fallback: .log))
        #expect(try settings("a").overTime == .sum)
        #expect(try settings("a").combine == CombineRule(method: .weightedMean, by: "pop", stage: .scores))
        #expect(try settings("b").imputeOverTime == .carryForward(maxPeriods: 1))
        #expect(try settings("b").impute == ImputeStep.none)
        #expect(try settings("pop").imputeOverTime == .interpolate)
        #expect(set.nodes.first { $0.id == "pop" }?.scored == false)
        #expect(try settings("Index").combine == CombineRule(method: .mean, stage: .scores))
        // And written back the same.
        #expect(try CriteriaWriter.table(set) == Self.header.replacingOccurrences(of: "Type,", with: "Type,")
            + "1,a,A,1,1,,,pop,Index,Indicator,,100000,group-mean,region,winsorise,sum,weighted-mean,pop,scores\n"
            + "1,b,B,1,1,,,,Index,Indicator,,,carry-forward,,log,last,sum,,\n"
            + "1,pop,P,1,1,,,,Index,Indicator,false,,interpolate,,,,,,\n"
            + "2,Index,I,1,1,,,,,Aggregate,,,,,,,mean,,scores\n")
    }

    @Test("a mistake in a step column names its cell", arguments: [
        ("1,a,A,1,1,,,,Index,Indicator,,,medain,,,,,,\n",
         "m.csv:2:32 (table row 1 (iCode a) column Impute): unknown Impute method \"medain\"; expected one of none, mean, median, group-mean, carry-forward, interpolate (did you mean \"median\"?)"),
        ("1,a,A,1,1,,,,Index,Indicator,,,group-mean,,,,,,\n",
         "m.csv:2:32 (table row 1 (iCode a) column Impute): Impute group-mean needs ImputeBy: the unit attribute that forms the groups"),
        ("1,a,A,1,1,,,,Index,Indicator,,,mean,region,,,,,\n",
         "m.csv:2:37 (table row 1 (iCode a) column ImputeBy): ImputeBy is only used with Impute group-mean"),
        ("1,a,A,1,1,,,,Index,Indicator,,,,,,,weighted-mean,,\n",
         "m.csv:2:36 (table row 1 (iCode a) column Combine): Combine weighted-mean needs CombineBy: the indicator or unit attribute that weights the predecessors"),
        ("1,a,A,1,1,,,,Index,Indicator,,,,,,,,pop,\n",
         "m.csv:2:37 (table row 1 (iCode a) column CombineBy): CombineBy is only used with Combine"),
        ("1,a,A,1,1,,,,Index,Indicator,,1000,,,,,,,\n",
         "m.csv:2:31 (table row 1 (iCode a) column DenominatorFactor): DenominatorFactor needs a Denominator: the indicator or attribute that divides the value"),
        ("1,a,A,1,1,,,pop,Index,Indicator,,0,,,,,,,\n",
         "m.csv:2:34 (table row 1 (iCode a) column DenominatorFactor): DenominatorFactor 0 must be above 0"),
        ("1,a,A,1,1,,,,Index,Indicator,maybe,,,,,,,,\n",
         "m.csv:2:30 (table row 1 (iCode a) column Scored): Scored \"maybe\" is not true or false; leave it empty for a scored node"),
        ("1,a,A,1,1,,,,Index,Indicator,,,,,,yearly,,,\n",
         "m.csv:2:35 (table row 1 (iCode a) column OverTime): unknown OverTime method \"yearly\"; expected one of sum, mean, last"),
        ("1,a,A,1,1,,,,Index,Indicator,,,,,,,,,\n2,P,P,1,1,,,,Index,Aggregate,,,,,log,,,,\n",
         "m.csv:3:34 (table row 2 (iCode P) column Treat): Treat is only used by Indicator rows, but \"P\" is an Aggregate"),
    ])
    func badColumn(rows: String, description: String) {
        let problems = CriteriaFixtures.tableProblems(Self.header + rows + Self.index)
        #expect(problems.first?.description == description)
    }

    /// Loads `yaml` beside the table `csv` (named `m.csv`).
    func load(_ yaml: String, table csv: String) throws -> Result<CriteriaSet, CriteriaError> {
        let folder = try CSVTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try csv.write(toFile: folder + "/m.csv", atomically: true, encoding: .utf8)
        do throws(CriteriaError) {
            return .success(try CriteriaLoader().loadYAML(yaml, file: "w.yaml", directory: folder).set)
        } catch {
            return .failure(error)
        }
    }

    static let table = "Level,iCode,Parent,Type,Normalise\n1,a,Index,Indicator,rank\n1,b,Index,Indicator,\n2,Index,,Aggregate,\n"

    @Test func nodesGiveTheStepsTheTableCannotHold() throws {
        let yaml = "id: w\ntable: m.csv\nnodes:\n  b: {normalise: {method: bands, thresholds: [1], points: [0, 1]}, treat: {method: winsorise, skew: 3}}\n  Index: {aggregate: {method: geometric, floor: 0.1}}\n"
        let set = try load(yaml, table: Self.table).get()
        let b = try #require(set.index(of: "b").map { set.nodes[$0].settings })
        #expect(b.normalise == .bands(basis: .value, target: nil, thresholds: [1], points: [0, 1]))
        #expect(b.treat == .winsorise(maxPoints: 5, skew: 3, kurtosis: 3.5, fallback: .log))
        #expect(set.root.settings.aggregate == AggregateStep(method: .geometric, floor: 0.1))
    }

    @Test("a mistake in nodes names its place", arguments: [
        ("id: w\ntable: m.csv\nnodes:\n  c: {treat: log}\n",
         "w.yaml:4:3 (nodes.c): no row of the table has iCode \"c\"; did you mean \"a\"?"),
        ("id: w\ntable: m.csv\nnodes:\n  a: {normalise: min-max}\n",
         "w.yaml:4:7 (nodes.a.normalise): normalise of node \"a\" is given both in the table (m.csv:2:3) and here; keep one"),
        ("id: w\ntable: m.csv\nnodes:\n  b: {aggregate: sum}\n",
         "w.yaml:4:7 (nodes.b.aggregate): aggregate is only used by nodes with rows under them, but node \"b\" is an indicator"),
        ("id: w\ntable: m.csv\nnodes:\n  Index: {range: [0, 1]}\n",
         "w.yaml:4:11 (nodes.Index.range): range is only used by indicators, but node \"Index\" has rows under it"),
        ("id: w\ntable: m.csv\nnodes:\n  b: {wieght: 2}\n",
         "w.yaml:4:7 (nodes.b.wieght): unknown key \"wieght\"; expected one of direction, denominate, impute, treat, transform, normalise, aggregate, over-time, combine, range, tags, kind"),
        ("id: w\ntable: m.csv\nnodes: [a]\n",
         "w.yaml:3:8 (nodes): expected nodes: a mapping from iCodes to their steps, as in nodes: {le: {treat: log}}; found a list"),
        ("id: w\nnodes:\n  a: {treat: log}\nroot:\n  children:\n    - id: a\n",
         "w.yaml:2:1 (nodes): nodes is only used with table (the steps a table cannot hold); give steps on the nodes under root"),
    ])
    func badNodes(yaml: String, description: String) throws {
        switch try load(yaml, table: Self.table) {
        case .success: Issue.record("loaded")
        case .failure(let error):
            let first = error.problems.first?.description.replacing(#/\(/[^ ]*/m\.csv/#, with: "(m.csv")
            #expect(first == description)
        }
    }
}
