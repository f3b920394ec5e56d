import CityIndexCore

extension SensitivityAnalysis {
    /// Each unit's ``RankIntervalDriver``, by unit code: the input with the largest total index
    /// of its rank, and the choices of the replication of sample A where it ranks worst (the
    /// first such replication), drawn again from that replication's own random stream.
    /// - Complexity: O(units × runs + units × nodes).
    func drivers(model: SensitivityModel, ranks: [Double], indices: [SensitivityIndex]) -> [String: RankIntervalDriver] {
        let n = options.runs
        var weights = model.nominalWeights
        var out: [String: RankIntervalDriver] = [:]
        for u in 0..<model.unitCount {
            let code = model.units[u].code
            var worst = 0, best = 0
            for j in 0..<n {
                if ranks[u * n + j] > ranks[u * n + worst] { worst = j }
                if ranks[u * n + j] < ranks[u * n + best] { best = j }
            }
            var rng = Xoshiro256(seed: options.seed, stream: UInt64(worst))
            let draw = model.draw(&rng, options: options, weights: &weights)
            let dominant = indices.filter { $0.output == .rank(unit: code) && $0.total.isFinite }.max { $0.total < $1.total }
            out[code] = RankIntervalDriver(
                input: dominant?.input, total: dominant?.total, worstRank: Int(ranks[u * n + worst]), bestRank: Int(ranks[u * n + best]),
                normalisation: model.normalisations.count > 1 ? model.normalisations[draw.normalisation] : nil,
                aggregation: model.aggregations.count > 1 ? model.aggregations[draw.aggregation] : nil,
                imputation: model.imputations.count > 1 ? model.imputations[draw.imputation] : nil,
                leftOut: draw.leftOut >= 0 ? model.name(of: draw.leftOut) : nil,
                floored: model.floored(unit: u, draw: draw).map(model.name))
        }
        return out
    }
}

extension SensitivityModel {
    /// A node's name in both languages (its id where it has none).
    func name(of node: Int) -> LocalizedText {
        let n = criteria.nodes[node]
        return LocalizedText(en: n.displayName(in: .en), vi: n.displayName(in: .vi))
    }

    /// The scored nodes whose score for `unit` a geometric or harmonic mean raises to the floor
    /// under `draw`: those at or below zero (below the parent's floor, when it gives one).
    /// Indicators are read from the draw's variant; aggregates are not followed.
    func floored(unit u: Int, draw: Draw) -> [Int] {
        let matrix = variants[draw.normalisation * imputations.count + draw.imputation]
        var out: [Int] = []
        for n in aggregateOrder {
            let step = steps[n]
            let method: AggregateStep.Method
            switch aggregations[draw.aggregation] {
            case .asSet: method = step.method
            case .arithmetic: method = .arithmetic
            case .geometric: method = .geometric
            }
            guard method == .geometric || method == .harmonic else { continue }
            for k in childStart[n]..<childStart[n + 1] {
                let c = childIndex[k]
                guard c != draw.leftOut, criteria.nodes[c].isIndicator else { continue }
                let s = matrix[c * unitCount + u]
                if !s.isNaN, s <= 0 || step.floor.map({ s < $0 }) == true { out.append(c) }
            }
        }
        return out.sorted()
    }
}
