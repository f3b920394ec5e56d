import CityIndexAnalysis
import CityIndexCore
import CityIndexFormats

/// The tables of a sensitivity run: `sensitivity-units` (each unit's rank interval) and
/// `sensitivity-indices` (first-order and total indices of every output to every input),
/// written as CSV files and as sheets of `report.xlsx`, cell for cell the same.
public struct SensitivityTables: Sendable {
    /// The run written.
    public var result: SensitivityResult

    /// Creates the tables.
    public init(result: SensitivityResult) { self.result = result }

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

    /// The `sensitivity-units` table.
    var unitsSheet: XLSXSheet {
        XLSXSheet(
            name: "sensitivity-units",
            header: ["unit", "name", "nominal_rank", "nominal_score", "median_rank", "p5_rank", "p95_rank", "mean_abs_shift"],
            rows: result.intervals.map { r in
                [
                    .text(r.unit.code), .text(r.unit.name), .integer(r.nominalRank), .number(r.nominalScore, decimals: nil),
                    .number(r.medianRank, decimals: nil), .number(r.lowRank, decimals: nil), .number(r.highRank, decimals: nil),
                    .number(r.meanAbsoluteShift, decimals: 4),
                ]
            })
    }

    /// The `sensitivity-indices` table.
    var indicesSheet: XLSXSheet {
        XLSXSheet(
            name: "sensitivity-indices",
            header: ["output", "input", "first_order", "first_low", "first_high", "total", "total_low", "total_high"],
            rows: result.indices.map { s in
                [
                    .text(s.output.description), .text(s.input.rawValue), .number(s.first, decimals: 4), .number(s.firstLow, decimals: 4),
                    .number(s.firstHigh, decimals: 4), .number(s.total, decimals: 4), .number(s.totalLow, decimals: 4),
                    .number(s.totalHigh, decimals: 4),
                ]
            })
    }
}
