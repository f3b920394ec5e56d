import CityIndexCore
import CityIndexReports
import Foundation
import Testing

/// Strongest and weakest indicators in `compare` and the unit profile: a weakest indicator
/// ranks strictly below every strongest one, so a rank-1 indicator is never a weakness.
@Suite struct IndicatorExtremesTests {
    /// The fixture's result with unit 0's ranks on the six scored indicators (tree order:
    /// staff, spend, patents, articles, waste, digital) replaced by `ranks`.
    static func result(ranks: [Int]) throws -> ScoreResult {
        var result = try ReportFixture.result(hostileNames: false)
        for (i, rank) in zip(result.criteria.scoredIndicatorIndices, ranks) { result.ranks[result.offset(node: i, unit: 0)] = Int32(rank) }
        return result
    }

    /// Positions (0...5) among the scored indicators, as node indices of `result`.
    static func nodes(_ positions: [Int], in result: ScoreResult) -> [Int] {
        positions.map { result.criteria.scoredIndicatorIndices[$0] }
    }

    /// A Markdown table row's cells, split on unescaped `|`, escapes removed, trimmed.
    static func cells(_ row: Substring) -> [String] {
        var cells: [String] = [], cell = "", escaped = false
        for c in row {
            if escaped {
                cell.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "|" {
                cells.append(cell.trimmingCharacters(in: .whitespaces))
                cell = ""
            } else {
                cell.append(c)
            }
        }
        return Array(cells.dropFirst())  // before the leading pipe
    }

    static let cases: [(ranks: [Int], strongest: [Int], weakest: [Int])] = [
        // Ranked first on four: the fourth rank-1 indicator is no weakness.
        ([1, 1, 1, 1, 2, 5], [0, 1, 2], [5, 4]),
        // Ranked first everywhere: no weakness at all.
        ([1, 1, 1, 1, 1, 1], [0, 1, 2], []),
        // Ties with the worst strength are not weaknesses either.
        ([2, 2, 2, 2, 2, 7], [0, 1, 2], [5]),
        // Distinct ranks: three best, three worst.
        ([3, 1, 4, 1, 5, 9], [1, 3, 0], [5, 4, 2]),
    ]

    @Test(arguments: cases)
    func weakestRankBelowEveryStrength(ranks: [Int], strongest: [Int], weakest: [Int]) throws {
        let result = try Self.result(ranks: ranks)
        let compare = UnitComparison(result: result, units: [0, 1], language: .en)
        let e = compare.extremes(unit: 0)
        #expect(e.strongest == Self.nodes(strongest, in: result))
        #expect(e.weakest == Self.nodes(weakest, in: result))
        for n in e.weakest { #expect(result.rank(node: n, unit: 0) != 1) }

        // The compare table's "Weakest" cell lists exactly those, or "–".
        let row = try #require(compare.markdown.split(separator: "\n").last { $0.hasPrefix("| ") && $0.contains(result.units[0].name(in: .en)) })
        let names = Self.nodes(weakest, in: result).map { n in
            "\(result.criteria.nodes[n].displayName(in: .en)) (\(result.rank(node: n, unit: 0) ?? 0))"
        }
        #expect(Self.cells(row).last == (names.isEmpty ? "–" : names.joined(separator: "; ")))
    }

    @Test(arguments: cases)
    func profileWeaknessesFollowTheSameRule(ranks: [Int], strongest: [Int], weakest: [Int]) throws {
        let result = try Self.result(ranks: ranks)
        let text = ProfileReport(result: result, unit: 0, options: options(.en, profiles: false)).text
        let section = try #require(text.components(separatedBy: "### Weaknesses").last?.components(separatedBy: "\n## ").first)
        // Rows after the header and the delimiter row.
        let listed = section.split(separator: "\n").filter { $0.hasPrefix("| ") }.dropFirst(2).compactMap { Self.cells($0).first }
        let expected = Self.nodes(weakest, in: result).map { result.criteria.nodes[$0].displayName(in: .en) }
        #expect(listed == expected, "ranks \(ranks)")
        if weakest.isEmpty { #expect(section.contains("No indicator ranks below the strengths above.")) }
    }
}
