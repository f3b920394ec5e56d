import CityIndexAnalysis
import CityIndexCore
import CityIndexFormats

/// The tables of a sensitivity run: `sensitivity-units` (each unit's rank interval) and
/// `sensitivity-indices` (first-order and total indices of every output to every input),
/// written as CSV files and as sheets of `report.xlsx`, cell for cell the same.
public struct SensitivityTables: Sendable {
    /// The run written.
    public var result: SensitivityResult
    /// The language of unit names.
    public var language: Language

    /// Creates the tables; unit names in `language`.
    public init(result: SensitivityResult, language: Language) {
        self.result = result
        self.language = language
    }

    /// The tables as sheets named like their CSV files (without `.csv`), in file order.
    /// - Complexity: O(units × inputs).
    public var sheets: [XLSXSheet] { [unitsSheet, indicesSheet] }

    /// The files by name, in `dialect`: `sensitivity-units.csv` and `sensitivity-indices.csv`.
    /// - Complexity: O(units × inputs).
    public func files(dialect: CSVDialect) -> [(name: String, bytes: [UInt8])] {
        sheets.map { $0.csvFile(dialect: dialect) }
    }

    /// One row per unit: nominal rank and score, median, 5th and 95th percentile ranks, mean absolute shift.
    public func units(dialect: CSVDialect) -> CSVWriter { unitsSheet.csv(dialect: dialect) }

    /// One row per output and input: the indices and their bootstrap intervals.
    public func indices(dialect: CSVDialect) -> CSVWriter { indicesSheet.csv(dialect: dialect) }

    /// The `sensitivity-units` table: the nominal score at the set's precision, the median and
    /// percentile ranks as ranks or halves, the mean shift as a statistic.
    var unitsSheet: XLSXSheet {
        let score = NumberKind.score(precision: result.precision), rank = NumberKind.simulatedRank
        return XLSXSheet(
            name: "sensitivity-units",
            header: ["unit", "name", "nominal_rank", "nominal_score", "median_rank", "p5_rank", "p95_rank", "mean_abs_shift"],
            rows: result.intervals.map { r in
                [
                    .text(r.unit.code), .text(r.unit.name(in: language)), .integer(r.nominalRank), score.cell(r.nominalScore),
                    rank.cell(r.medianRank), rank.cell(r.lowRank), rank.cell(r.highRank), NumberKind.statistic.cell(r.meanAbsoluteShift),
                ]
            })
    }

    /// The `sensitivity-indices` table: every index and bound a coefficient.
    var indicesSheet: XLSXSheet {
        let c = NumberKind.coefficient
        return XLSXSheet(
            name: "sensitivity-indices",
            header: ["output", "input", "first_order", "first_low", "first_high", "total", "total_low", "total_high"],
            rows: result.indices.map { s in
                [
                    .text(s.output.description), .text(s.input.rawValue), c.cell(s.first), c.cell(s.firstLow),
                    c.cell(s.firstHigh), c.cell(s.total), c.cell(s.totalLow), c.cell(s.totalHigh),
                ]
            })
    }
}
