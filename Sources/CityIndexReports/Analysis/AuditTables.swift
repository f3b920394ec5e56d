import CityIndexAnalysis
import CityIndexCore
import CityIndexFormats
import Foundation

/// The CSV files of a statistical audit: `audit-indicators.csv`, `audit-correlations.csv` and
/// `audit-pillars.csv`.
public struct AuditTables: Sendable {
    /// The audit written.
    public var result: AuditResult

    /// Creates the tables.
    public init(result: AuditResult) { self.result = result }

    /// The files by name, in `dialect`.
    /// - Complexity: O(indicators + correlations + pillars).
    public func files(dialect: CSVDialect) -> [(name: String, bytes: [UInt8])] {
        [
            ("audit-indicators.csv", indicators(dialect: dialect).bytes),
            ("audit-correlations.csv", correlations(dialect: dialect).bytes),
            ("audit-pillars.csv", pillars(dialect: dialect).bytes),
        ]
    }

    private func number(_ x: Double) -> CSVCell { .number(x, decimals: nil) }

    /// Per indicator: count, missing share, moments, extremes, outliers and flags.
    public func indicators(dialect: CSVDialect) -> CSVWriter {
        var out = CSVWriter(dialect: dialect)
        out.writeHeader([
            "indicator", "pillar", "count", "missing_share", "mean", "sd", "min", "max", "skew", "kurtosis",
            "outliers_low", "outliers_high", "flags",
        ])
        for s in result.indicators {
            out.writeRow([
                .text(s.indicator), .text(s.pillar), .integer(s.count), number(s.missingShare), number(s.mean),
                number(s.standardDeviation), number(s.minimum), number(s.maximum), number(s.skewness), number(s.kurtosis),
                .integer(s.outliersLow), .integer(s.outliersHigh), .text(s.flags.joined(separator: " ")),
            ])
        }
        return out
    }

    /// Pearson and Spearman correlations with their flags.
    public func correlations(dialect: CSVDialect) -> CSVWriter {
        var out = CSVWriter(dialect: dialect)
        out.writeHeader(["kind", "pillar", "first", "second", "count", "pearson", "spearman", "flags"])
        for r in result.correlations {
            out.writeRow([
                .text(r.kind.rawValue), .text(r.pillar), .text(r.first), .text(r.second), .integer(r.count), number(r.pearson),
                number(r.spearman), .text(r.flags.joined(separator: " ")),
            ])
        }
        return out
    }

    /// Per pillar: Cronbach's alpha and the principal components.
    public func pillars(dialect: CSVDialect) -> CSVWriter {
        var out = CSVWriter(dialect: dialect)
        out.writeHeader(["pillar", "indicators", "complete_units", "cronbach_alpha", "pc1_share", "eigenvalues"])
        for p in result.pillars {
            out.writeRow([
                .text(p.pillar), .integer(p.indicators), .integer(p.completeUnits), number(p.cronbachAlpha),
                number(p.firstComponentShare), .text(p.eigenvalues.map { String(format: "%.6g", $0) }.joined(separator: " ")),
            ])
        }
        return out
    }
}
