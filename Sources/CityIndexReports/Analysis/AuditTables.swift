import CityIndexAnalysis
import CityIndexCore
import CityIndexFormats
import Foundation

/// The tables of a statistical audit: `audit-indicators`, `audit-correlations` and
/// `audit-pillars`, written as CSV files and as sheets of `report.xlsx`, cell for cell the same.
/// Statistics have 4 significant digits, coefficients (correlations, alpha) 3 decimals and
/// shares 4 (``NumberKind``).
public struct AuditTables: Sendable {
    /// The audit written.
    public var result: AuditResult

    /// Creates the tables.
    public init(result: AuditResult) { self.result = result }

    /// The tables as sheets named like their CSV files (without `.csv`), in file order.
    /// - Complexity: O(indicators + correlations + pillars).
    public var sheets: [XLSXSheet] { [indicatorsSheet, correlationsSheet, pillarsSheet] }

    /// The files by name, in `dialect`: `audit-indicators.csv`, `audit-correlations.csv` and `audit-pillars.csv`.
    /// - Complexity: O(indicators + correlations + pillars).
    public func files(dialect: CSVDialect) -> [(name: String, bytes: [UInt8])] {
        sheets.map { $0.csvFile(dialect: dialect) }
    }

    private func statistic(_ x: Double) -> CSVCell { NumberKind.statistic.cell(x) }
    private func coefficient(_ x: Double) -> CSVCell { NumberKind.coefficient.cell(x) }

    /// Per indicator: count, missing share, moments, extremes, outliers and flags.
    public func indicators(dialect: CSVDialect) -> CSVWriter { indicatorsSheet.csv(dialect: dialect) }

    /// Pearson and Spearman correlations with their flags.
    public func correlations(dialect: CSVDialect) -> CSVWriter { correlationsSheet.csv(dialect: dialect) }

    /// Per pillar: Cronbach's alpha and the principal components.
    public func pillars(dialect: CSVDialect) -> CSVWriter { pillarsSheet.csv(dialect: dialect) }

    /// The `audit-indicators` table.
    var indicatorsSheet: XLSXSheet {
        XLSXSheet(
            name: "audit-indicators",
            header: [
                "indicator", "pillar", "count", "missing_share", "mean", "sd", "min", "max", "skew", "kurtosis",
                "outliers_low", "outliers_high", "flags",
            ],
            rows: result.indicators.map { s in
                [
                    .text(s.indicator), .text(s.pillar), .integer(s.count), NumberKind.share.cell(s.missingShare), statistic(s.mean),
                    statistic(s.standardDeviation), statistic(s.minimum), statistic(s.maximum), statistic(s.skewness), statistic(s.kurtosis),
                    .integer(s.outliersLow), .integer(s.outliersHigh), .text(s.flags.joined(separator: " ")),
                ]
            })
    }

    /// The `audit-correlations` table.
    var correlationsSheet: XLSXSheet {
        XLSXSheet(
            name: "audit-correlations",
            header: ["kind", "pillar", "first", "second", "count", "pearson", "spearman", "flags"],
            rows: result.correlations.map { r in
                [
                    .text(r.kind.rawValue), .text(r.pillar), .text(r.first), .text(r.second), .integer(r.count), coefficient(r.pearson),
                    coefficient(r.spearman), .text(r.flags.joined(separator: " ")),
                ]
            })
    }

    /// The `audit-pillars` table; the eigenvalues are one text cell, space-separated, each with
    /// 4 significant digits and the decimal point.
    var pillarsSheet: XLSXSheet {
        XLSXSheet(
            name: "audit-pillars",
            header: ["pillar", "indicators", "complete_units", "cronbach_alpha", "pc1_share", "eigenvalues"],
            rows: result.pillars.map { p in
                [
                    .text(p.pillar), .integer(p.indicators), .integer(p.completeUnits), coefficient(p.cronbachAlpha),
                    NumberKind.share.cell(p.firstComponentShare),
                    .text(p.eigenvalues.map { CSVWriter.field(statistic($0), dialect: .data) }.joined(separator: " ")),
                ]
            })
    }
}
