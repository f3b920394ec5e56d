import CityIndexCore
import CityIndexFormats
import Foundation
import Testing

@testable import CityIndexReports

/// `scores.csv` is streamed from a unit-major copy of the scores with pre-encoded fields: the
/// file must hold exactly the rows of ``ScoresTable/rows`` written cell by cell.
@Suite("Scores table: the streamed file equals its rows")
struct ScoresTableTests {
    /// Results with and without fixed decimals, an excluded unit, flags and missing scores.
    static func results() throws -> [ScoreResult] {
        var exact = try ReportFixture.result(units: 34)
        exact.exclusions[3] = .lowCoverage(coverage: 0.4, required: 0.5)
        exact.flags[exact.offset(node: 0, unit: 3)].insert(.partial)
        exact.scores[exact.offset(node: 2, unit: 7)] = .nan
        var criteria = ReportFixture.criteria()
        criteria.precision = nil
        var shortest = try Scorer(criteria: criteria).score(ReportFixture.data(units: 21, period: .year(2025), seed: 3))
        shortest.exclusions[0] = .noData
        return [exact, shortest]
    }

    /// The rows written cell by cell, the reference the streamed file must equal.
    static func reference(_ table: ScoresTable, dialect: CSVDialect) -> [UInt8] {
        var writer = CSVWriter(dialect: dialect)
        writer.writeHeader(table.header)
        for row in table.rows { writer.writeRow(row) }
        return writer.bytes
    }

    @Test("written file equals the rows", arguments: CSVDialect.allCases)
    func fileEqualsRows(dialect: CSVDialect) throws {
        let results = try Self.results()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scores-table-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for tableResults in [[results[0]], [results[1]], results] {
            let table = ScoresTable(results: tableResults, language: .vi)
            let path = folder.appendingPathComponent("scores.csv").path
            try table.write(toFile: path, dialect: dialect)
            let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(written == Self.reference(table, dialect: dialect))
            #expect(table.csv(dialect: dialect).bytes == written)
        }
    }

    @Test("the unit-major copy holds each unit's values at the nodes asked for")
    func unitMajorCopy() throws {
        let result = try ReportFixture.result(units: 37)
        let nodes = [0, 2, 5, 9, 4]
        let copy = UnitMajorScores(result: result, nodes: nodes)
        for u in result.units.indices {
            for (k, n) in nodes.enumerated() {
                let at = result.offset(node: n, unit: u)
                #expect(copy.scores[copy.offset(unit: u, node: k)].bitPattern == result.scores[at].bitPattern)
                #expect(copy.ranks[copy.offset(unit: u, node: k)] == result.ranks[at])
                #expect(copy.flags[copy.offset(unit: u, node: k)] == result.flags[at])
            }
        }
    }
}
