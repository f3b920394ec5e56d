import CityIndexCore
import Testing

@testable import CityIndexFormats

/// `range: [min, max]` in YAML (on an indicator, or under `defaults`) and RangeMin/RangeMax in a
/// flat table: read with the place they were declared, refused when malformed, and values
/// outside them refused by the observation reader.
@Suite("Valid ranges")
struct ValidRangeTests {
    static let yaml = """
        id: t
        defaults:
          range: [0, 100]
        root:
          children:
            - {id: poverty, unit: "%"}
            - {id: income, range: [-5, 1e9]}
            - {id: electricity, unit: "%"}

        """

    @Test func rangesAreInheritedFromDefaults() throws {
        let set = try CriteriaLoader().loadYAML(Self.yaml, file: "t.yaml").set
        let ranges = set.validRanges
        #expect(ranges["poverty"].map { [$0.min, $0.max] } == [0, 100])
        #expect(ranges["poverty"]?.place.description == "t.yaml:3:10 (defaults.range)")
        #expect(ranges["income"].map { [$0.min, $0.max] } == [-5, 1e9])
        #expect(ranges["income"]?.place.description == "t.yaml:7:27 (root.children[1].range)")
        #expect(ranges.keys.sorted() == ["electricity", "income", "poverty"])
    }

    @Test func noRangeUnlessDeclared() throws {
        let set = try CriteriaLoader().loadYAML("id: t\nroot:\n  children:\n    - {id: a}\n", file: "t.yaml").set
        #expect(set.validRanges.isEmpty)
        #expect(CriteriaSet.builtInDefaults.range == nil)
    }

    @Test func yamlRoundTripKeepsRanges() throws {
        let set = try CriteriaLoader().loadYAML(Self.yaml, file: "t.yaml").set
        let text = CriteriaWriter.yaml(set)
        #expect(text.contains("defaults:\n  range: [0, 100]\n"))
        let again = try CriteriaLoader().loadYAML(text, file: "t.yaml").set
        #expect(again.validRanges.mapValues { [$0.min, $0.max] } == set.validRanges.mapValues { [$0.min, $0.max] })
    }

    static let tableHeader = "Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type,RangeMin,RangeMax\n"

    @Test func tableColumns() throws {
        let csv = Self.tableHeader + "1,a,A,1,1,%,,,Index,Indicator,0,100\n1,b,B,1,1,,,,Index,Indicator,,\n2,Index,I,1,1,,,,,Aggregate,,\n"
        let set = try CriteriaLoader().loadTable(bytes: Array(csv.utf8), name: "m.csv").set
        #expect(set.validRanges.mapValues { [$0.min, $0.max] } == ["a": [0, 100]])
        #expect(set.validRanges["a"]?.place.description == "m.csv:2:31 (table row 1 (iCode a) column RangeMin)")
        let written = try CriteriaWriter.table(set)
        #expect(written.hasPrefix("Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type,RangeMin,RangeMax\n"))
        #expect(written.contains("\n1,a,A,1,1,%,,,Index,Indicator,0,100\n"))
    }

    @Test("a malformed range in a table names its cell", arguments: [
        ("1,a,A,1,1,%,,,Index,Indicator,100,0\n",
         "m.csv:2:31 (table row 1 (iCode a) column RangeMin): RangeMin 100 is above RangeMax 0; expected min ≤ max"),
        ("1,a,A,1,1,%,,,Index,Indicator,0,\n",
         "m.csv:2:33 (table row 1 (iCode a) column RangeMax): missing RangeMax; a valid range needs both RangeMin and RangeMax"),
        ("1,a,A,1,1,%,,,Index,Indicator,zero,100\n", "m.csv:2:31 (table row 1 (iCode a) column RangeMin): RangeMin \"zero\" is not a number"),
    ])
    func badTableRange(row: String, description: String) throws {
        let problems = CriteriaFixtures.tableProblems(Self.tableHeader + row + "2,Index,I,1,1,,,,,Aggregate,,\n")
        #expect(problems.first?.description == description)
    }

    @Test func valuesOutsideAreBadRowsAndEndsAreIn() throws {
        let set = try CriteriaLoader().loadYAML(Self.yaml, file: "t.yaml").set
        let reader = ObservationFileReader(criteria: set, defaultPeriod: .year(2025))
        let good = try reader.read(bytes: Array("unit,poverty,electricity\nHN,0,100\n".utf8), name: "d.csv")
        #expect(good.records.map(\.value) == [0, 100])
        #expect(throws: ObservationFileError.badRows([
            BadRow(
                file: "d.csv", line: 2, column: 4,
                message: "150 is outside the valid range [0, 100] of indicator \"poverty\" (unit \"HN\", period 2025), declared at t.yaml:3:10 (defaults.range): check the value and its unit of measure."),
            BadRow(
                file: "d.csv", line: 3, column: 7,
                message: "-3 is outside the valid range [0, 100] of indicator \"electricity\" (unit \"HP\", period 2025), declared at t.yaml:3:10 (defaults.range): check the value and its unit of measure."),
        ])) {
            try reader.read(bytes: Array("unit,poverty,electricity\nHN,150,99\nHP,12,-3\n".utf8), name: "d.csv")
        }
    }
}
