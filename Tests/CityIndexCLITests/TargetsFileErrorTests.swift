import Foundation
import Testing

/// A bad targets file and the exact message `validate --targets` prints (paths relative to the
/// case's folder), exit code 1.
struct BadTargetsCase: CustomTestStringConvertible, Sendable {
    let name: String
    let file: String
    let stderr: String
    var testDescription: String { name }
}

let badTargetsCatalogue: [BadTargetsCase] = [
    BadTargetsCase(
        name: "unknown indicator, near an id", file: "indicator,target,source\ned5,100,plan\n",
        stderr: "error: t.csv:2:1: unknown indicator \"ed5\": not in the criteria set; did you mean \"ed1\"?"),
    BadTargetsCase(
        name: "an aggregate", file: "indicator,target,source\nED,100,plan\n",
        stderr: "error: t.csv:2:1: \"ED\" is an aggregate of the criteria set; targets belong to indicators"),
    BadTargetsCase(
        name: "a percentage", file: "indicator,target,source\ned1,95%,plan\n",
        stderr: "error: t.csv:2:5: \"95%\" in column \"target\" is not a number: write the value without \"%\", in the indicator's unit of measure."),
    BadTargetsCase(
        name: "a decimal comma", file: "indicator,target,source\ned1,\"95,5\",plan\n",
        stderr: "error: t.csv:2:5: \"95,5\" in column \"target\" is not a number: write the target with a decimal point and no thousands separator, such as 1234.5"),
    BadTargetsCase(
        name: "an empty target", file: "indicator,target,source\ned1,,plan\n",
        stderr: "error: t.csv:2:5: the target is empty"),
    BadTargetsCase(
        name: "an empty source", file: "indicator,target,source\ned1,100,\n",
        stderr: "error: t.csv:2:9: the source is empty: say where the target comes from (a plan, a decision, \"illustrative\")"),
    BadTargetsCase(
        name: "a target of 0 for a higher-is-better indicator", file: "indicator,target,source\ned1,0,plan\n",
        stderr: "error: t.csv:2:5: target 0 of \"ed1\" (higher is better) cannot be reached as a share; expected a target above 0"),
    BadTargetsCase(
        name: "the same key twice", file: "indicator,target,source\ned1,100,plan\ned1,100,plan\n",
        stderr: "error: t.csv:3:1: the target of \"ed1\" for every unit in every period is given twice: here and on line 2; keep one"),
    BadTargetsCase(
        name: "conflicting entries",
        file: "indicator,target,source,unit,period\ned1,100,plan,A,2024\ned2,100,plan,,\ned1,90,other plan,a,2024\n",
        stderr: "error: t.csv:4:1: the target of \"ed1\" for unit a in 2024 conflicts with line 2: 100 there, 90 here; keep one"),
    BadTargetsCase(
        name: "a bad period", file: "indicator,target,source,period\ned1,100,plan,2024Q3\n",
        stderr: "error: t.csv:2:14: \"2024Q3\" is not a period: expected 2024, 2024-H1, 2024-Q3 or 2024-07, or leave the cell empty for every period"),
    BadTargetsCase(
        name: "a missing column", file: "indicator,target\ned1,100\n",
        stderr: "error: t.csv:1:1: the targets file has no \"source\" column; expected indicator, target, source, and optionally unit (the administrative unit), period, note"),
    BadTargetsCase(
        name: "a misspelt column",
        file: "indicator,taget,source\ned1,100,plan\n",
        stderr: """
            error: t.csv:1:11: column "taget" is not a targets column (did you mean "target"?); expected indicator, target, source, and optionally unit (the administrative unit), period, note
            error: t.csv:1:1: the targets file has no "target" column; expected indicator, target, source, and optionally unit (the administrative unit), period, note
            """),
    BadTargetsCase(
        name: "every bad row is listed", file: "indicator,target,source\nxyz,100,plan\ned1,abc,plan\ned2,100,plan\n",
        stderr: """
            error: t.csv:2:1: unknown indicator "xyz": not in the criteria set
            error: t.csv:3:5: "abc" in column "target" is not a number: write the target with a decimal point and no thousands separator, such as 1234.5
            """),
    BadTargetsCase(
        name: "a ragged row", file: "indicator,target,source\ned1,100\n",
        stderr: "error: t.csv:2:5: this row has 2 fields but the header has 3: quote fields that contain the delimiter, or add the missing ones."),
]

@Suite struct TargetsFileErrorTests {
    @Test(arguments: badTargetsCatalogue)
    func badTargetsFile(_ c: BadTargetsCase) throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try WorkedExample.write(in: tmp, targets: c.file)
        try c.file.write(toFile: tmp.path("t.csv"), atomically: true, encoding: .utf8)
        let run = cityindex(["validate", "--criteria", tmp.path("set.yaml"), "--targets", tmp.path("t.csv")])
        #expect(run.status == 1)
        #expect(run.stderr.replacingOccurrences(of: tmp.url.path + "/", with: "") == c.stderr + "\n")
        // The scoring commands read the same file the same way, before touching the store.
        let score = cityindex(["score", "--criteria", tmp.path("set.yaml"), "--targets", tmp.path("t.csv"), "--db", tmp.path("s.sqlite")])
        #expect(score.status == 1 && score.stderr == run.stderr)
        #expect(!FileManager.default.fileExists(atPath: tmp.path("s.sqlite")))
    }

    @Test func aMissingTargetsFileNamesThePath() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try WorkedExample.write(in: tmp)
        let run = cityindex(["validate", "--criteria", tmp.path("set.yaml"), "--targets", tmp.path("none.csv")])
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "error: \(tmp.path("none.csv")): cannot read the targets file \(tmp.path("none.csv")) (No such file or directory); give a CSV file with columns indicator, target, source\n")
    }

    @Test func aU4SSCCodeIsSuggestedAsItsID() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try "indicator,target,source\nEC: ICT: ICT: 1C,100,plan\n".write(toFile: tmp.path("t.csv"), atomically: true, encoding: .utf8)
        let run = cityindex(["validate", "--criteria", repo("Indicators/u4ssc/u4ssc-kpis.yaml"), "--targets", tmp.path("t.csv")])
        #expect(run.status == 1)
        #expect(run.stderr.hasSuffix("t.csv:2:1: unknown indicator \"EC: ICT: ICT: 1C\": not in the criteria set; did you mean \"EC.ICT.ICT.1C\"?\n"))
    }

    @Test func validateCountsTheTargetsAndTheView() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try WorkedExample.write(in: tmp)
        let run = cityindex(["validate", "--criteria", tmp.path("set.yaml"), "--targets", tmp.path("targets.csv"), "--only", "core"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout
                == "\(tmp.path("set.yaml")): criteria set \"u4ssc-tiny\" is valid: 2 scored indicators, 3 aggregates; view \"core\": 2 of 4 scored indicators; 4 targets from \(tmp.path("targets.csv"))\n")
    }
}
