import Foundation

extension Working {
    /// Step 8: aggregate up the tree, deepest nodes first.
    mutating func aggregate() throws {
        let order = criteria.nodes.indices
            .filter { !criteria.nodes[$0].isIndicator && criteria.isScored($0) }
            .sorted { criteria.nodes[$0].depth > criteria.nodes[$1].depth }
        for n in order {
            let step = settings[n].aggregate ?? AggregateStep()
            let aggregated = criteria.aggregationTerms(of: n)
            let children = aggregated.filter { hasAnyScore($0.child) }
            let allChildren = aggregated.count
            // One buffer for the node, emptied per unit: no allocation per unit.
            var terms: [(child: Int, weight: Double, score: Double)] = []
            terms.reserveCapacity(children.count)
            for u in 0..<unitCount where ranked[u] {
                terms.removeAll(keepingCapacity: true)
                var missing = 0
                for (c, w) in children {
                    let s = result.scores[at(c, u)]
                    if s.isNaN {
                        missing += 1
                        if step.missing == .zero { terms.append((c, w, 0)) }
                    } else {
                        terms.append((c, w, s))
                    }
                }
                missing += allChildren - children.count
                if step.missing == .fail && missing > 0 { continue }
                if let least = step.minCoverage, allChildren > 0,
                    Double(allChildren - missing) / Double(allChildren) + 1e-12 < least
                {
                    continue
                }
                guard !terms.isEmpty else { continue }
                do {
                    result.scores[at(n, u)] = try combine(terms, step: step, node: n, unit: u)
                } catch let ScoringError.nonPositiveInMean(node, _, _, child, score) where step.zero == .exclude {
                    ranked[u] = false
                    result.exclusions[u] = .nonPositiveInMean(node: node, child: child, score: score)
                    continue
                }
                if missing > 0 { result.flags[at(n, u)].insert(.partial) }
            }
        }
        let root = 0
        for u in 0..<unitCount where ranked[u] && result.scores[at(root, u)].isNaN {
            ranked[u] = false
            let node = firstMissingAggregate(unit: u) ?? criteria.root.id
            result.exclusions[u] = .noIndexScore(node: node)
        }
    }

    private func hasAnyScore(_ node: Int) -> Bool {
        (0..<unitCount).contains { ranked[$0] && !result.scores[at(node, $0)].isNaN }
    }

    private func firstMissingAggregate(unit u: Int) -> String? {
        criteria.nodes.indices
            .filter { !criteria.nodes[$0].isIndicator && criteria.isScored($0) && result.scores[at($0, u)].isNaN }
            .max { criteria.nodes[$0].depth < criteria.nodes[$1].depth }
            .map { criteria.nodes[$0].id }
    }

    private func combine(_ terms: [(child: Int, weight: Double, score: Double)], step: AggregateStep, node: Int, unit: Int) throws -> Double {
        let totalWeight = terms.reduce(0) { $0 + $1.weight }
        guard totalWeight > 0 else { return .nan }
        switch step.method {
        case .arithmetic:
            return terms.reduce(0) { $0 + $1.weight * $1.score } / totalWeight
        case .sum:
            let sum = terms.reduce(0) { $0 + $1.weight / (totalWeight / Double(terms.count)) * $1.score }
            return step.outOf.map { sum / $0 } ?? sum
        case .min:
            return terms.map(\.score).min() ?? .nan
        case .geometric, .harmonic:
            var logSum = 0.0, inverseSum = 0.0
            var least = Double.infinity, greatest = -Double.infinity
            for t in terms {
                var s = t.score
                if let floor = step.floor { s = Swift.max(s, floor) }
                guard s > 0 else {
                    throw ScoringError.nonPositiveInMean(
                        node: criteria.nodes[node].id, method: step.method.rawValue, unit: data.units[unit].code,
                        child: criteria.nodes[t.child].id, score: t.score)
                }
                logSum += t.weight * Foundation.log(s)
                inverseSum += t.weight / s
                least = Swift.min(least, s)
                greatest = Swift.max(greatest, s)
            }
            guard step.method == .geometric else { return totalWeight / inverseSum }
            // A weighted geometric mean lies between its least and greatest term; exp(Σ w·log s)
            // can stray past them by rounding (three scores of 100 give 100.00000000000004), so
            // clamp: equal terms then give exactly their value, and ties are not split by noise.
            return Swift.min(Swift.max(Foundation.exp(logSum / totalWeight), least), greatest)
        }
    }

    /// Step 9: round to the set's precision, then rank the rounded values at every node.
    mutating func roundAndRank(onlyIndex: Bool = false) {
        if let p = criteria.precision {
            for k in result.scores.indices where !result.scores[k].isNaN {
                result.scores[k] = Rounding.round(result.scores[k], decimals: p)
            }
        }
        let position = Ranker.codeOrder(data.units.map(\.code))
        let ranker = Ranker(ties: criteria.ties)
        for n in criteria.nodes.indices where criteria.isScored(n) && (!onlyIndex || n == 0) {
            let units = (0..<unitCount).filter { ranked[$0] && !result.scores[at(n, $0)].isNaN }
            let ranks = ranker.ranks(units.map { result.scores[at(n, $0)] }, tieOrder: units.map { position[$0] })
            for (k, u) in units.enumerated() { result.ranks[at(n, u)] = Int32(ranks[k]) }
        }
    }
}
