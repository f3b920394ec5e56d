import CityIndexCore
import Foundation
import Testing

@testable import CityIndexFormats

/// A table snippet that must not load, and the first problem it must report.
struct BadTable: CustomTestStringConvertible, Sendable {
    let name: String
    let csv: String
    let description: String
    var testDescription: String { name }
}

private let header = "Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type\n"

private let badTables: [BadTable] = [
    BadTable(
        name: "missing parent",
        csv: header + "1,a,A,1,1,,,,Physicall,Indicator\n2,Physical,P,1,1,,,,Index,Aggregate\n3,Index,I,1,1,,,,,Aggregate\n",
        description:
            "m.csv:2:14 (table row 1 (iCode a) column Parent): parent \"Physicall\" is not an iCode of the table; did you mean \"Physical\"?"
    ),
    BadTable(
        name: "cycle",
        csv: header + "1,a,A,1,1,,,,B,Indicator\n2,A,A,1,1,,,,B,Aggregate\n2,B,B,1,1,,,,A,Aggregate\n3,Index,I,1,1,,,,,Aggregate\n",
        description: "m.csv:3:14 (table row 2 (iCode A) column Parent): cycle in Parent: A → B → A"),
    BadTable(
        name: "duplicate iCode",
        csv: header + "1,a,A,1,1,,,,Index,Indicator\n1,a,A2,1,1,,,,Index,Indicator\n2,Index,I,1,1,,,,,Aggregate\n",
        description: "m.csv:3:3 (table row 2 (iCode a) column iCode): duplicate iCode \"a\"; also in row 1 (m.csv:2)"),
    BadTable(
        name: "zero weight", csv: header + "1,a,A,1,0,,,,Index,Indicator\n2,Index,I,1,1,,,,,Aggregate\n",
        description: "m.csv:2:9 (table row 1 (iCode a) column Weight): Weight 0 must be above 0"),
    BadTable(
        name: "text weight", csv: header + "1,a,A,1,heavy,,,,Index,Indicator\n2,Index,I,1,1,,,,,Aggregate\n",
        description: "m.csv:2:9 (table row 1 (iCode a) column Weight): Weight \"heavy\" is not a number; expected a number above 0"),
    BadTable(
        name: "unknown type", csv: header + "1,a,A,1,1,,,,Index,Indicatr\n2,Index,I,1,1,,,,,Aggregate\n",
        description:
            "m.csv:2:20 (table row 1 (iCode a) column Type): unknown Type \"Indicatr\"; expected one of Indicator, Aggregate, Group, Denominator (did you mean \"Indicator\"?)"
    ),
    BadTable(
        name: "two roots", csv: header + "1,a,A,1,1,,,,Index,Indicator\n2,Index,I,1,1,,,,,Aggregate\n2,Other,O,1,1,,,,,Aggregate\n",
        description:
            "m.csv:4:18 (table row 3 (iCode Other) column Parent): more than one root: \"Index\", \"Other\" have no Parent; give every Aggregate but the index a Parent"
    ),
    BadTable(
        name: "bad direction", csv: header + "1,a,A,up,1,,,,Index,Indicator\n2,Index,I,1,1,,,,,Aggregate\n",
        description: "m.csv:2:7 (table row 1 (iCode a) column Direction): Direction \"up\" is not 1, -1, higher or lower"),
    BadTable(
        name: "missing column", csv: "iCode,Parent\na,Index\n",
        description:
            "m.csv:1:1 (table header): missing column Type; expected a header with Level, iCode, iName, Direction, Weight, Unit, Target, Denominator, Parent, Type"
    ),
    BadTable(
        name: "parent is an indicator", csv: header + "1,a,A,1,1,,,,Index,Indicator\n1,b,B,1,1,,,,a,Indicator\n2,Index,I,1,1,,,,,Aggregate\n",
        description: "m.csv:3:14 (table row 2 (iCode b) column Parent): parent \"a\" is an Indicator row; a Parent must be an Aggregate"),
    BadTable(
        name: "no root", csv: header + "1,a,A,1,1,,,,Index,Indicator\n",
        description: "m.csv (table): the table has no root; expected one Aggregate row with an empty Parent (the index)"),
]

@Suite("Criteria flat table")
struct CriteriaTableTests {
    @Test("a bad table reports its place", arguments: badTables)
    func badTable(_ c: BadTable) throws {
        let problems = CriteriaFixtures.tableProblems(c.csv)
        let first = try #require(problems.first, "\(c.name) loaded")
        #expect(first.description == c.description)
    }

    @Test func smallTableWithStepColumns() throws {
        let csv = """
            level,icode,iname,direction,weight,unit,target,denominator,parent,type,normalise,min,max,transform,aggregate
            1,le,Life expectancy,1,1,years,,,health,Indicator,goalposts,20,85,,
            1,gni,Income,higher,2,$,,pop,Index,Indicator,min-max,,,ln,
            1,crime,Crime,-1,1,,,,Index,Indicator,,,,,
            2,health,Health,1,1,,,,Index,Aggregate,,,,,
            3,Index,Index,1,1,,,,,Aggregate,,,,,geometric
            ,region,Region,,,,,,,Group,,,,,
            ,pop,Population,,,,,,,Denominator,,,,,

            """
        let loaded = try CriteriaLoader().loadTable(bytes: Array(csv.utf8), name: "small.csv")
        let set = loaded.set
        #expect(set.id == "small")
        #expect(set.nodes.map(\.id) == ["Index", "gni", "crime", "health", "le", "pop"])
        #expect(loaded.groups == ["region"])
        #expect(set.nodes[0].settings.aggregate == AggregateStep(method: .geometric))
        #expect(set.nodes[1].settings == StepSettings(direction: .higher, denominate: DenominateStep(by: "pop"), transform: .ln, normalise: .minMax))
        #expect(set.nodes[1].weight == 2)
        #expect(set.nodes[2].settings.direction == .lower)
        #expect(set.nodes[4].settings.normalise == .goalposts(min: 20, max: 85))
        #expect(set.nodes[5].scored == false)
        #expect(set.scoredIndicatorIndices.count == 3)
        #expect(loaded.attributeDenominators.isEmpty)
    }

    @Test(.enabled(if: CriteriaFixtures.hasASEM, "skipped: \(CriteriaFixtures.asemMeta) is absent"))
    func asemIMeta() throws {
        let loaded = try CriteriaLoader().load(path: CriteriaFixtures.asemMeta)
        let set = loaded.set
        #expect(set.scoredIndicatorIndices.count == 49)
        let aggregates = set.nodes.indices.filter { !set.nodes[$0].isIndicator }
        let byDepth = Dictionary(grouping: aggregates) { set.nodes[$0].depth }.mapValues(\.count)
        #expect(byDepth == [0: 1, 1: 2, 2: 8])
        #expect(loaded.groups == ["GDP_group", "GDPpc_group", "Pop_group", "EurAsia_group"])
        let denominators = set.indicatorIndices.filter { !set.nodes[$0].scored }.map { set.nodes[$0].id }
        #expect(denominators == ["Area", "Energy", "GDP", "Population"])
        #expect(set.root.id == "Index")
        let flights = try #require(set.index(of: "Flights"))
        #expect(set.nodes[flights].settings.denominate == DenominateStep(by: "Population", factor: 1))
        let tariff = try #require(set.index(of: "Tariff"))
        #expect(set.effectiveSettings(of: tariff).direction == .lower)
        #expect(set.nodes[tariff].place.path == "table row 18 (iCode Tariff)")
        #expect(loaded.warnings.isEmpty)
    }

    @Test(.enabled(if: CriteriaFixtures.hasASEM, "skipped: \(CriteriaFixtures.asemMeta) is absent"))
    func asemYAMLOverTheTable() throws {
        let yaml = """
            id: asem
            name: Sustainable Connectivity
            scale: 100
            table: iMeta.csv
            defaults:
              normalise: min-max
              impute: {method: group-mean, by: EurAsia_group}
              treat: winsorise
              screen: {min-coverage: 0.9, basis: imputed}

            """
        let loaded = try CriteriaLoader().loadYAML(yaml, file: "asem.yaml", directory: CriteriaFixtures.asemFolder)
        let set = loaded.set
        #expect(set.id == "asem")
        #expect(set.scale == 100)
        #expect(set.screen == ScreenStep(minCoverage: 0.9, basis: .imputed))
        #expect(set.file == "asem.yaml")
        #expect(set.scoredIndicatorIndices.count == 49)
        let lpi = try #require(set.index(of: "LPI"))
        let s = set.effectiveSettings(of: lpi)
        #expect(s.impute == .groupMean(by: "EurAsia_group"))
        #expect(s.treat == .winsorise(maxPoints: 5, skew: 2, kurtosis: 3.5, fallback: .log))
        #expect(s.normalise == .minMax)
        #expect(set.nodes[lpi].place.file.hasSuffix("iMeta.csv"))
    }

    @Test func tableErrorsThroughYAMLNameTheTable() {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("criteria-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = header + "1,a,A,1,-2,,,,Index,Indicator\n2,Index,I,1,1,,,,,Aggregate\n"
        try? csv.write(toFile: dir.appendingPathComponent("m.csv").path, atomically: true, encoding: .utf8)
        let problems: [CriteriaProblem]
        do {
            _ = try CriteriaLoader().loadYAML("id: t\ntable: m.csv\n", file: "t.yaml", directory: dir.path)
            problems = []
        } catch {
            problems = error.problems
        }
        #expect(problems.map(\.message) == ["Weight -2 must be above 0"])
        #expect(problems.first?.place.file == dir.appendingPathComponent("m.csv").path)
    }
}
