import CityIndexCore
import Foundation

/// The index as a fast function of the uncertain inputs.
///
/// Every combination of normalisation and imputation alternatives is scored once by
/// `Scorer` (unrounded, so the indicator scores are exact); each evaluation then re-aggregates
/// those normalised indicator scores up the tree with the drawn weights, aggregation method and
/// left-out node, rounds the index as the set publishes it and ranks it as `Ranker` does.
/// With every input at the set's choice this reproduces `Scorer` exactly (tested).
struct SensitivityModel: Sendable {
    let criteria: CriteriaSet
    /// The units analysed: those ranked in the nominal scoring.
    let units: [UnitInfo]
    let unitCount: Int
    let nodeCount: Int
    /// Scored aggregates, deepest first.
    let aggregateOrder: [Int]
    /// Scored children of each node: `childIndex[childStart[n]..<childStart[n + 1]]`.
    let childStart: [Int]
    let childIndex: [Int]
    let nominalWeights: [Double]
    let steps: [AggregateStep]
    /// Per analysed unit, its position in the order of unit codes (ordinal tie-break).
    let codeOrder: [Int]
    let normalisations: [NormalisationChoice]
    let aggregations: [AggregationChoice]
    /// true: the set's imputation; false: none.
    let imputations: [Bool]
    /// The nodes that may be left out.
    let leaveOutNodes: [Int]
    /// Normalised indicator scores per (normalisation, imputation) variant, node-major.
    let variants: [[Double]]
    /// Whether any unit has a score at each node, per variant.
    let variantAny: [[Bool]]
    /// Sibling groups for Dirichlet weights: aggregates with their scored children.
    let siblingGroups: [Int]
    let relativeWeights: [Double]

    /// Builds the model for the units ranked by `nominal`.
    /// - Complexity: one `Scorer` run per normalisation × imputation alternative.
    init(criteria: CriteriaSet, data: PeriodData, nominal: ScoreResult, options: SensitivityOptions) throws {
        self.criteria = criteria
        let rankedRows = data.units.indices.filter { nominal.rank(node: 0, unit: $0) != nil }
        units = rankedRows.map { data.units[$0] }
        unitCount = units.count
        nodeCount = criteria.nodes.count
        aggregateOrder = criteria.nodes.indices
            .filter { !criteria.nodes[$0].isIndicator && criteria.isScored($0) }
            .sorted { criteria.nodes[$0].depth > criteria.nodes[$1].depth }
        var start = [0], list: [Int] = []
        var relative = [Double](repeating: 0, count: criteria.nodes.count)
        for n in criteria.nodes.indices {
            list += criteria.aggregationTerms(of: n).map(\.child)
            start.append(list.count)
            for (c, w) in criteria.relativeWeights(of: n) { relative[c] = w }
        }
        childStart = start
        childIndex = list
        relativeWeights = relative
        nominalWeights = criteria.nodes.map(\.weight)
        steps = criteria.nodes.indices.map { criteria.effectiveSettings(of: $0).aggregate ?? AggregateStep() }
        let analysed = rankedRows.map { data.units[$0] }
        let byCode = analysed.indices.sorted { analysed[$0].code < analysed[$1].code }
        var position = [Int](repeating: 0, count: analysed.count)
        for (k, u) in byCode.enumerated() { position[u] = k }
        codeOrder = position
        siblingGroups = aggregateOrder
        normalisations = options.normalisations.isEmpty ? [.asSet] : options.normalisations
        aggregations = options.aggregations.isEmpty ? [.asSet] : options.aggregations
        imputations = options.imputationUncertain ? [true, false] : [true]
        switch options.leaveOut {
        case nil: leaveOutNodes = []
        case .indicator?: leaveOutNodes = criteria.scoredIndicatorIndices
        case .pillar?: leaveOutNodes = criteria.pillarIndices
        }
        if let level = options.leaveOut, leaveOutNodes.isEmpty { throw SensitivityError.nothingToLeaveOut(level: level) }
        let poolsAbovePillar = { (n: Int) in
            criteria.effectiveSettings(of: n).aggregate?.over == .indicators
                && criteria.pillarIndices.contains { p in sequence(first: p, next: { criteria.nodes[$0].parent }).dropFirst().contains(n) }
        }
        if options.leaveOut == .pillar, let pooling = aggregateOrder.first(where: poolsAbovePillar) {
            // A node aggregating the indicators below it directly would keep a left-out pillar's indicators.
            throw SensitivityError.badOption(
                name: "--leave-out pillar",
                reason: "node \"\(criteria.nodes[pooling].id)\" aggregates over indicators, so leaving a pillar out is not defined; leave out indicators instead")
        }

        // Units in the normalisation population: all but those screened out.
        let population = data.units.indices.filter { u in
            switch nominal.exclusions[u] {
            case nil, .noIndexScore?, .nonPositiveInMean?: return true
            case .noData?, .lowCoverage?: return false
            }
        }
        let restricted = data.subset(rows: population)
        var variants: [[Double]] = [], variantAny: [[Bool]] = []
        for normalisation in normalisations {
            for imputed in imputations {
                let set = Self.variantSet(criteria, normalisation: normalisation, imputed: imputed)
                let input = imputed ? data : restricted
                let result: ScoreResult
                do {
                    result = try Scorer(criteria: set).score(input)
                } catch {
                    let name = "normalisation \(normalisation.rawValue), imputation \(imputed ? "as set" : "none")"
                    throw SensitivityError.alternativeFailed(alternative: name, reason: String(describing: error))
                }
                let row = Dictionary(input.units.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
                var matrix = [Double](repeating: .nan, count: nodeCount * unitCount)
                var any = [Bool](repeating: false, count: nodeCount)
                for i in criteria.scoredIndicatorIndices {
                    for (u, unit) in units.enumerated() {
                        guard let r = row[unit.code] else { continue }
                        let s = result.scores[result.offset(node: i, unit: r)]
                        matrix[i * unitCount + u] = s
                        if !s.isNaN { any[i] = true }
                    }
                }
                variants.append(matrix)
                variantAny.append(any)
            }
        }
        self.variants = variants
        self.variantAny = variantAny
    }

    /// The set scored for one alternative: unrounded, the normalisation and imputation
    /// replaced, aggregation made arithmetic (only indicator scores are used, and this way no
    /// alternative stops on a zero under a geometric mean).
    static func variantSet(_ criteria: CriteriaSet, normalisation: NormalisationChoice, imputed: Bool) -> CriteriaSet {
        let step = normalisation.step(scale: criteria.scale)
        return criteria.rebuilt(precision: .some(nil), screen: imputed ? nil : .some(nil)) { i, node in
            if node.isIndicator && i != 0 {
                if let step { node.settings.normalise = step }
                if !imputed { node.settings.impute = ImputeStep.none }
            } else {
                node.settings.aggregate = AggregateStep(method: .arithmetic, missing: .reweight)
            }
        }
    }

    /// The draw with every input at its first level (the set's choices when nothing is uncertain).
    var firstDraw: Draw { Draw() }

    /// Draws the inputs of one evaluation: the discrete choices, and the weights into `weights`
    /// when they are uncertain.
    /// - Complexity: O(nodes).
    func draw(_ rng: inout Xoshiro256, options: SensitivityOptions, weights: inout [Double]) -> Draw {
        if let alpha = options.dirichletConcentration {
            for n in siblingGroups {
                let count = Double(childStart[n + 1] - childStart[n])
                for k in childStart[n]..<childStart[n + 1] {
                    let c = childIndex[k]
                    weights[c] = rng.nextGamma(shape: alpha * count * relativeWeights[c])
                }
            }
        } else if let spread = options.weightSpread, spread > 0 {
            for n in 1..<nodeCount { weights[n] = nominalWeights[n] * (1 + spread * (2 * rng.nextUnit() - 1)) }
        }
        var d = Draw()
        if normalisations.count > 1 { d.normalisation = rng.nextIndex(normalisations.count) }
        if aggregations.count > 1 { d.aggregation = rng.nextIndex(aggregations.count) }
        if imputations.count > 1 { d.imputation = rng.nextIndex(imputations.count) }
        if !leaveOutNodes.isEmpty {
            let k = rng.nextIndex(leaveOutNodes.count + 1)
            d.leftOut = k == 0 ? -1 : leaveOutNodes[k - 1]
        }
        return d
    }

    /// Evaluates the index for `draw` with `weights`: fills `w.index` (rounded index scores,
    /// NaN for none) and `w.ranks` (a unit without an index score takes the last place).
    /// - Complexity: O(nodes × units + units²) without allocating.
    func evaluate(_ draw: Draw, weights: [Double], into w: inout Workspace) {
        let v = draw.normalisation * imputations.count + draw.imputation
        let matrix = variants[v]
        let any = variantAny[v]
        let units = unitCount
        for k in 0..<matrix.count { w.scores[k] = matrix[k] }
        for n in 0..<nodeCount { w.anyScore[n] = any[n] }
        let choice = aggregations[draw.aggregation]
        let fallbackFloor = 0.001 * criteria.scale
        for n in aggregateOrder {
            let step = steps[n]
            let method: AggregateStep.Method
            switch choice {
            case .asSet: method = step.method
            case .arithmetic: method = .arithmetic
            case .geometric: method = .geometric
            }
            var all = 0, present = 0
            for k in childStart[n]..<childStart[n + 1] where childIndex[k] != draw.leftOut {
                all += 1
                if w.anyScore[childIndex[k]] { present += 1 }
            }
            var anyHere = false
            for u in 0..<units {
                var total = 0.0, acc = 0.0, count = 0, missing = all - present
                var least = Double.infinity
                for k in childStart[n]..<childStart[n + 1] {
                    let c = childIndex[k]
                    if c == draw.leftOut || !w.anyScore[c] { continue }
                    var s = w.scores[c * units + u]
                    if s.isNaN {
                        missing += 1
                        if step.missing != .zero { continue }
                        s = 0
                    }
                    let weight = weights[c]
                    total += weight
                    count += 1
                    switch method {
                    case .arithmetic, .sum:
                        acc += weight * s
                    case .min:
                        least = Swift.min(least, s)
                    case .geometric, .harmonic:
                        if let floor = step.floor { s = Swift.max(s, floor) }
                        if s <= 0 { s = fallbackFloor }
                        acc += method == .geometric ? weight * Foundation.log(s) : weight / s
                    }
                }
                var score = Double.nan
                let covered = all == 0 || step.minCoverage.map { Double(all - missing) / Double(all) + 1e-12 >= $0 } ?? true
                if count > 0, total > 0, covered, !(step.missing == .fail && missing > 0) {
                    switch method {
                    case .arithmetic: score = acc / total
                    case .sum:
                        let sum = acc * Double(count) / total
                        score = step.outOf.map { sum / $0 } ?? sum
                    case .min: score = least
                    case .geometric: score = Foundation.exp(acc / total)
                    case .harmonic: score = total / acc
                    }
                }
                w.scores[n * units + u] = score
                if !score.isNaN { anyHere = true }
            }
            w.anyScore[n] = anyHere
        }
        rank(&w)
    }

    /// Rounds the root scores as published and ranks them as `Ranker` does.
    private func rank(_ w: inout Workspace) {
        let units = unitCount
        for u in 0..<units {
            let s = w.scores[u]
            w.index[u] = s.isNaN ? s : (criteria.precision.map { Rounding.round(s, decimals: $0) } ?? s)
            w.order[u] = u
        }
        // Insertion sort: highest first, missing last, ties by unit code; no allocation.
        for i in 1..<Swift.max(units, 1) {
            let item = w.order[i]
            var j = i - 1
            while j >= 0 && precedes(item, w.order[j], w.index) {
                w.order[j + 1] = w.order[j]
                j -= 1
            }
            w.order[j + 1] = item
        }
        var dense = 0
        for position in 0..<units {
            let u = w.order[position]
            let s = w.index[u]
            if s.isNaN {
                w.ranks[u] = units
                continue
            }
            let tied = position > 0 && w.index[w.order[position - 1]] == s
            if !tied { dense += 1 }
            switch criteria.ties {
            case .ordinal: w.ranks[u] = position + 1
            case .competition: w.ranks[u] = tied ? w.ranks[w.order[position - 1]] : position + 1
            case .dense: w.ranks[u] = dense
            }
        }
    }

    @inline(__always)
    private func precedes(_ a: Int, _ b: Int, _ index: [Double]) -> Bool {
        let sa = index[a], sb = index[b]
        if sa.isNaN != sb.isNaN { return sb.isNaN }
        if !sa.isNaN && sa != sb { return sa > sb }
        return codeOrder[a] < codeOrder[b]
    }
}
