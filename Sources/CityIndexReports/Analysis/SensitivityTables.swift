import CityIndexAnalysis
import CityIndexCore
import CityIndexFormats

/// The CSV files of a sensitivity run: `sensitivity-units.csv` (each unit's rank interval) and
/// `sensitivity-indices.csv` (first-order and total indices of every output to every input).
public struct SensitivityTables: Sendable {
    /// The run written.
    public var result: SensitivityResult

    /// Creates the tables.
    public init(result: SensitivityResult) { self.result = result }

    /// The files by name, in `dialect`.
    /// - Complexity: O(units × inputs).
    public func files(dialect: CSVDialect) -> [(name: String, bytes: [UInt8])] {
        [("sensitivity-units.csv", units(dialect: dialect).bytes), ("sensitivity-indices.csv", indices(dialect: dialect).bytes)]
    }

    /// One row per unit: nominal rank and score, median, 5th and 95th percentile ranks, mean absolute shift.
    public func units(dialect: CSVDialect) -> CSVWriter {
        var out = CSVWriter(dialect: dialect)
        out.writeHeader(["unit", "name", "nominal_rank", "nominal_score", "median_rank", "p5_rank", "p95_rank", "mean_abs_shift"])
        for r in result.intervals {
            out.writeRow([
                .text(r.unit.code), .text(r.unit.name), .integer(r.nominalRank), .number(r.nominalScore, decimals: nil),
                .number(r.medianRank, decimals: nil), .number(r.lowRank, decimals: nil), .number(r.highRank, decimals: nil),
                .number(r.meanAbsoluteShift, decimals: 4),
            ])
        }
        return out
    }

    /// One row per output and input: the indices and their bootstrap intervals.
    public func indices(dialect: CSVDialect) -> CSVWriter {
        var out = CSVWriter(dialect: dialect)
        out.writeHeader(["output", "input", "first_order", "first_low", "first_high", "total", "total_low", "total_high"])
        for s in result.indices {
            out.writeRow([
                .text(s.output.description), .text(s.input.rawValue), .number(s.first, decimals: 4), .number(s.firstLow, decimals: 4),
                .number(s.firstHigh, decimals: 4), .number(s.total, decimals: 4), .number(s.totalLow, decimals: 4),
                .number(s.totalHigh, decimals: 4),
            ])
        }
        return out
    }
}
