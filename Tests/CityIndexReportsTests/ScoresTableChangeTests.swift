import CityIndexCore
import CityIndexFormats
import Foundation
import Testing

@testable import CityIndexReports

/// The change columns of `scores.csv`: streamed from a unit-major copy of the comparison, they
/// must equal ``ScoresTable/rows`` cell by cell, and follow `ranking.csv`'s conventions.
@Suite("Scores table: change columns at every node")
struct ScoresTableChangeTests {
    /// 2024 (30 units; unit 03 not ranked, unit 08 without a score at node 2) and 2025 (34
    /// units: 31-34 new), with fixed decimals; and the same pair without (`precision: nil`).
    static func comparisons() throws -> [PeriodComparison] {
        var base = try Scorer(criteria: ReportFixture.criteria()).score(ReportFixture.data(units: 30, period: .year(2024), seed: 5))
        // Not ranked, as the scorer leaves a screened unit: no score or rank at any node.
        base.exclusions[2] = .lowCoverage(coverage: 0.4, required: 0.5)
        for n in base.criteria.nodes.indices {
            base.scores[base.offset(node: n, unit: 2)] = .nan
            base.ranks[base.offset(node: n, unit: 2)] = 0
        }
        base.scores[base.offset(node: 2, unit: 7)] = .nan
        base.ranks[base.offset(node: 2, unit: 7)] = 0
        let current = try Scorer(criteria: ReportFixture.criteria()).score(ReportFixture.data(units: 34, period: .year(2025), seed: 9))
        var criteria = ReportFixture.criteria()
        criteria.precision = nil
        let shortestBase = try Scorer(criteria: criteria).score(ReportFixture.data(units: 30, period: .year(2024), seed: 5))
        let shortest = try Scorer(criteria: criteria).score(ReportFixture.data(units: 34, period: .year(2025), seed: 9))
        return [PeriodComparison(current: current, base: base), PeriodComparison(current: shortest, base: shortestBase)]
    }

    @Test("written file equals the rows, with and without a comparison per period", arguments: CSVDialect.allCases)
    func fileEqualsRows(dialect: CSVDialect) throws {
        let pairs = try Self.comparisons()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scores-change-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tables = [
            ScoresTable(results: [pairs[0].current], language: .vi, comparisons: [pairs[0]]),
            ScoresTable(results: [pairs[1].current], language: .en, comparisons: [pairs[1]]),
            // The first period without a base, the second with one (as with --all-periods).
            ScoresTable(results: [pairs[0].base, pairs[0].current], language: .vi, comparisons: [nil, pairs[0]]),
            ScoresTable(results: [pairs[0].base, pairs[0].current], language: .vi, comparisons: [nil]),
        ]
        for table in tables {
            let path = folder.appendingPathComponent("scores.csv").path
            try table.write(toFile: path, dialect: dialect)
            let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(written == ScoresTableTests.reference(table, dialect: dialect))
            #expect(table.csv(dialect: dialect).bytes == written)
            #expect(table.rows.allSatisfy { $0.count == table.header.count })
        }
        #expect(tables[3].header == ScoresTable.header, "no comparison, no change columns")
    }

    @Test("change cells: places up, new units, nodes not scored in the base, base period")
    func changeCells() throws {
        let c = try Self.comparisons()[0]
        let table = ScoresTable(results: [c.current], language: .en, comparisons: [c])
        #expect(table.header == ["period", "unit", "unit_name", "node", "level", "score", "rank", "rank_change", "score_change", "base_period", "flags"])
        let nodes = c.current.criteria.nodes.map(\.id)
        var checked = 0
        for row in table.rows {
            guard case .text(let code) = row[1], case .text(let node) = row[3] else { Issue.record("\(row)"); continue }
            let u = try #require(c.current.units.firstIndex { $0.code == code })
            let n = try #require(nodes.firstIndex(of: node))
            let b = c.base.units.firstIndex { $0.code == code }
            #expect(row[9] == .text("2024"))
            if ["03", "31", "32", "33", "34"].contains(code) {
                #expect(row[7] == .text("new"), "\(code)/\(node)")
            } else if code == "08" && n == 2 {
                #expect(row[7] == .empty && row[8] == .empty, "\(code)/\(node): no score in the base")
            } else if let b, let then = c.base.rank(node: n, unit: b), let now = c.current.rank(node: n, unit: u) {
                #expect(row[7] == .integer(then - now), "\(code)/\(node)")
                let change = try #require(c.current.score(node: n, unit: u)) - (try #require(c.base.score(node: n, unit: b)))
                guard case .number(let x, let decimals) = row[8] else { Issue.record("\(code)/\(node): \(row[8])"); continue }
                #expect(decimals == 2 && abs(x - change) < 1e-9, "\(code)/\(node): \(x) vs \(change)")
                checked += 1
            }
            if ["31", "32", "33", "34"].contains(code) { #expect(row[8] == .empty, "\(code)/\(node): not in the base") }
        }
        #expect(checked > 20 * nodes.count)
    }

    @Test("the unit-major changes hold the comparison's changes at the nodes asked for")
    func unitMajorChanges() throws {
        let c = try Self.comparisons()[0]
        let nodes = [0, 2, 5, 9, 4]
        let copy = UnitMajorChanges(comparison: c, nodes: nodes)
        for u in c.current.units.indices {
            #expect(copy.isNew[u] == (c.status(unit: u) == .new))
            for (k, n) in nodes.enumerated() {
                let at = copy.offset(unit: u, node: k)
                #expect(copy.rankChanges[at] == (c.rankChange(node: n, unit: u) ?? UnitMajorChanges.noRankChange))
                let score = copy.scoreChanges[at]
                #expect(c.scoreChange(node: n, unit: u).map { $0.bitPattern == score.bitPattern } ?? score.isNaN)
            }
        }
    }
}
