import CityIndexCore

/// The statistical audit of a framework (JRC style) on one period's data: descriptive
/// statistics per indicator, correlations inside and across levels, Cronbach's alpha and the
/// first principal component's share of variance per pillar.
///
/// Statistics are over the units ranked in the nominal scoring. Descriptive statistics use the
/// values after denomination, before imputation and treatment; correlations, alpha and the
/// principal component use the normalised scores (unrounded) that the index aggregates.
///
/// ```swift
/// let audit = try StatisticalAudit(criteria: asem, data: data).run()
/// audit.pillars.map(\.cronbachAlpha)
/// ```
public struct StatisticalAudit: Sendable {
    /// The criteria set.
    public var criteria: CriteriaSet
    /// The period's data.
    public var data: PeriodData
    /// Correlations above this within a pillar are flagged as redundant.
    public var redundancyThreshold: Double

    /// Creates the audit.
    public init(criteria: CriteriaSet, data: PeriodData, redundancyThreshold: Double = 0.92) {
        self.criteria = criteria
        self.data = data
        self.redundancyThreshold = redundancyThreshold
    }

    /// Runs the audit.
    /// - Throws: the `ScoringError` of the nominal scoring, or `SensitivityError.alternativeFailed`.
    /// - Complexity: three `Scorer` runs, O(indicators × units log units) for the statistics,
    ///   O(pillar size² × units) for the correlations.
    public func run() throws -> AuditResult {
        let nominal = try Scorer(criteria: criteria).score(data)
        let ranked = data.units.indices.filter { nominal.rank(node: 0, unit: $0) != nil }
        let population = data.units.indices.filter { u in
            switch nominal.exclusions[u] {
            case nil, .noIndexScore?, .nonPositiveInMean?: return true
            case .noData?, .lowCoverage?: return false
            }
        }
        // Values after denomination only: no imputation, no treatment, no screening.
        let rawSet = criteria.rebuilt(precision: .some(nil), screen: .some(nil)) { i, node in
            if node.isIndicator && i != 0 {
                node.settings.impute = ImputeStep.none
                node.settings.treat = TreatStep.none
            } else {
                node.settings.aggregate = AggregateStep(method: .arithmetic, missing: .reweight)
            }
        }
        let restricted = data.subset(rows: population)
        let raw: ScoreResult
        do {
            raw = try Scorer(criteria: rawSet).score(restricted)
        } catch {
            throw SensitivityError.alternativeFailed(alternative: "no imputation or treatment", reason: String(describing: error))
        }
        let rawRow = Dictionary(restricted.units.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        // Normalised and aggregate scores, unrounded.
        let exact = try Scorer(criteria: criteria.rebuilt(precision: .some(nil), screen: nil) { _, _ in }).score(data)

        func scores(_ node: Int) -> [Double] { ranked.map { exact.scores[exact.offset(node: node, unit: $0)] } }
        func values(_ node: Int) -> [Double] {
            ranked.map { u in rawRow[data.units[u].code].map { raw.usedValues[raw.offset(node: node, unit: $0)] } ?? .nan }
        }

        var indicators: [IndicatorStatistics] = []
        for i in criteria.scoredIndicatorIndices {
            let limits: (Double, Double)
            if case let .winsorise(_, skew, kurtosis, _)? = criteria.effectiveSettings(of: i).treat {
                limits = (skew, kurtosis)
            } else {
                limits = (2, 3.5)
            }
            indicators.append(Self.describe(
                values(i), indicator: criteria.nodes[i].id,
                pillar: criteria.nodes[i].parent.map { criteria.nodes[$0].id } ?? "", limits: limits))
        }

        var correlations: [CorrelationRow] = []
        var pillars: [PillarReliability] = []
        let pillarNodes = criteria.nodes.indices.filter { n in
            !criteria.nodes[n].isIndicator && criteria.isScored(n) && criteria.scoredChildren(of: n).contains { criteria.nodes[$0].isIndicator }
        }
        for p in pillarNodes {
            let kids = criteria.scoredChildren(of: p).filter { criteria.nodes[$0].isIndicator }
            let columns = kids.map(scores)
            let pillarID = criteria.nodes[p].id
            for a in kids.indices {
                for b in (a + 1)..<Swift.max(kids.count, a + 1) {
                    correlations.append(row(.withinPillar, pillar: pillarID, kids[a], kids[b], columns[a], columns[b], within: true))
                }
            }
            let pillarScores = scores(p)
            for (k, c) in kids.enumerated() {
                correlations.append(row(.indicatorToPillar, pillar: pillarID, c, p, columns[k], pillarScores, within: false))
            }
            pillars.append(Self.reliability(pillar: pillarID, columns: columns))
        }
        let rootScores = scores(0)
        for p in pillarNodes where p != 0 {
            correlations.append(row(.pillarToIndex, pillar: criteria.nodes[p].id, p, 0, scores(p), rootScores, within: false))
        }
        return AuditResult(
            criteriaID: criteria.id, period: data.period, units: ranked.count, indicators: indicators,
            correlations: correlations, pillars: pillars, redundancyThreshold: redundancyThreshold)
    }

    private func row(_ kind: CorrelationKind, pillar: String, _ a: Int, _ b: Int, _ x: [Double], _ y: [Double], within: Bool) -> CorrelationRow {
        let (r, count) = Correlation.pearson(x, y)
        let rho = Correlation.spearman(x, y)
        var flags: [String] = []
        if within && r < 0 { flags.append("negative") }
        if within && r > redundancyThreshold { flags.append("redundant") }
        return CorrelationRow(
            kind: kind, pillar: pillar, first: criteria.nodes[a].id, second: criteria.nodes[b].id, count: count,
            pearson: r, spearman: rho, flags: flags)
    }

    /// The descriptive statistics of one indicator's values (NaN = missing).
    /// - Complexity: O(n log n).
    static func describe(_ column: [Double], indicator: String, pillar: String, limits: (skew: Double, kurtosis: Double)) -> IndicatorStatistics {
        let v = column.filter { $0.isFinite }
        let sorted = v.sorted()
        let q1 = Percentile.of(sorted: sorted, 0.25), q3 = Percentile.of(sorted: sorted, 0.75)
        let iqr = q3 - q1
        let low = v.filter { $0 < q1 - 1.5 * iqr }.count, high = v.filter { $0 > q3 + 1.5 * iqr }.count
        let skew = Statistics.skewness(v) ?? .nan, kurtosis = Statistics.kurtosis(v) ?? .nan
        let sd = Statistics.standardDeviation(v) ?? .nan
        let missing = column.isEmpty ? 0 : Double(column.count - v.count) / Double(column.count)
        var flags: [String] = []
        if abs(skew) >= limits.skew && kurtosis >= limits.kurtosis { flags.append("skew-kurtosis") }
        if low + high > 0 { flags.append("outliers") }
        if sd == 0 { flags.append("constant") }
        if missing > 0.2 { flags.append("missing>20%") }
        return IndicatorStatistics(
            indicator: indicator, pillar: pillar, count: v.count, missingShare: missing,
            mean: Statistics.mean(v) ?? .nan, standardDeviation: sd, minimum: sorted.first ?? .nan,
            maximum: sorted.last ?? .nan, skewness: skew, kurtosis: kurtosis, outliersLow: low, outliersHigh: high,
            flags: flags)
    }

    /// Cronbach's alpha and the principal components of one pillar's columns, listwise.
    /// - Complexity: O(k² × n + k³).
    static func reliability(pillar: String, columns: [[Double]]) -> PillarReliability {
        let k = columns.count
        let n = columns.first?.count ?? 0
        let complete = (0..<n).filter { u in columns.allSatisfy { $0[u].isFinite } }
        let rows = columns.map { c in complete.map { c[$0] } }
        func variance(_ x: [Double]) -> Double {
            guard x.count > 1 else { return .nan }
            let m = x.reduce(0, +) / Double(x.count)
            return x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)
        }
        var alpha = Double.nan
        if k > 1, complete.count > 1 {
            let itemVariances = rows.reduce(0) { $0 + variance($1) }
            let totals = complete.indices.map { j in rows.reduce(0) { $0 + $1[j] } }
            let totalVariance = variance(totals)
            if totalVariance > 0 { alpha = Double(k) / Double(k - 1) * (1 - itemVariances / totalVariance) }
        }
        var matrix = [Double](repeating: 0, count: k * k)
        for a in 0..<k {
            for b in 0..<k {
                if a == b {
                    matrix[a * k + b] = 1
                } else {
                    let r = Correlation.pearsonComplete(rows[a], rows[b])
                    matrix[a * k + b] = r.isNaN ? 0 : r
                }
            }
        }
        let eigen = JacobiEigen.eigenvalues(matrix, size: k)
        return PillarReliability(
            pillar: pillar, indicators: k, completeUnits: complete.count, cronbachAlpha: alpha,
            firstComponentShare: k > 0 ? (eigen.first ?? .nan) / Double(k) : .nan, eigenvalues: eigen)
    }
}
