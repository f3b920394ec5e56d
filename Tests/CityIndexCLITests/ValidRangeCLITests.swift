import Foundation
import Testing

/// Declared valid ranges on the user's path: `import` and `validate --data` refuse the same
/// values outside them, and `what-it-takes` never proposes one.
@Suite("Valid ranges through the CLI")
struct ValidRangeCLITests {
    static let set = """
        id: living
        defaults:
          range: [0, 100]
        root:
          children:
            - {id: poverty, unit: "%", direction: lower}
            - {id: electricity, unit: "%"}
            - {id: population, unit: people, scored: false, range: [0, 200000000]}

        """

    static let data = "unit,period,poverty,electricity,population\nHN,2025,150,99,8000000\nHP,2025,12,-3,2000000\nDN,2025,5,98,1200000\n"

    static let refusals = [
        "error: data.csv:2:9: 150 is outside the valid range [0, 100] of indicator \"poverty\" (unit \"HN\", period 2025), "
            + "declared at set.yaml:3:10 (defaults.range): check the value and its unit of measure.",
        "error: data.csv:3:12: -3 is outside the valid range [0, 100] of indicator \"electricity\" (unit \"HP\", period 2025), "
            + "declared at set.yaml:3:10 (defaults.range): check the value and its unit of measure.",
    ]

    func run(_ command: String, set: String = set, data: String = data, extra: [String] = []) throws -> Invocation {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try set.write(toFile: folder.path("set.yaml"), atomically: true, encoding: .utf8)
        try data.write(toFile: folder.path("data.csv"), atomically: true, encoding: .utf8)
        var arguments = [command, "--criteria", folder.path("set.yaml"), "--data", folder.path("data.csv")] + extra
        if command != "validate" { arguments += ["--db", folder.path("s.sqlite")] }
        var result = cityindex(arguments)
        result.stderr = result.stderr.replacingOccurrences(of: folder.url.path + "/", with: "")
        return result
    }

    @Test("import and validate --data refuse the same rows", arguments: ["import", "validate"])
    func refused(command: String) throws {
        let result = try run(command)
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").map(String.init) == Self.refusals)
    }

    @Test func valuesInsideImport() throws {
        let good = Self.data.replacingOccurrences(of: ",150,", with: ",15,").replacingOccurrences(of: ",-3,", with: ",100,")
        let result = try run("import", data: good)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// B needs literacy 131 to reach rank 1 (the mean of two unnormalised values must reach 95).
    static let whatItTakesSet = """
        id: wit
        root:
          children:
            - {id: literacy, unit: "%", normalise: none RANGE}
            - {id: income, unit: index, normalise: none}

        """
    static let whatItTakesData = "unit,period,literacy,income\nA,2025,90,100\nB,2025,80,59\nC,2025,50,10\n"

    @Test("what-it-takes stays within the range", arguments: [
        ("", "| literacy | % | 80 | 131 † | +51 | exact |"),
        (", range: [0, 200]", "| literacy | % | 80 | 131 † | +51 | exact |"),
        (", range: [0, 100]", "| literacy | % | 80 | not reachable through this indicator within its range [0, 100] |  |  |"),
        (", range: [0, 130.5]", "| literacy | % | 80 | not reachable through this indicator within its range [0, 130.5] |  |  |"),
    ])
    func whatItTakes(range: String, row: String) throws {
        let set = Self.whatItTakesSet.replacingOccurrences(of: " RANGE", with: range)
        let result = try run("what-it-takes", set: set, data: Self.whatItTakesData, extra: ["B", "--rank", "1", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\n" + row + "\n"), "\(result.stdout)")
        #expect(result.stdout.contains("\n| income | index | 59 | 110 † | +51 | exact |\n"))
    }
}
