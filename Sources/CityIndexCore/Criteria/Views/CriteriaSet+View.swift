extension CriteriaSet {
    /// Every tag written on a node of the set, sorted.
    public var tags: [String] { Array(Set(nodes.flatMap(\.tags))).sorted() }

    /// The set as seen through `tag`: an indicator stays scored when it or one of its ancestors
    /// carries the tag; the other indicators become data-only (their values are still imported
    /// and kept, not scored), and so does every aggregate left without a scored child. Weights
    /// stay relative among the siblings that remain, so each aggregate's weights are
    /// re-normalised over them, as the set's aggregation says.
    ///
    /// - Throws: ``CriteriaViewError`` when no node carries the tag, or its nodes hold no scored indicator.
    /// - Complexity: O(nodes × depth).
    public func view(only tag: String) throws(CriteriaViewError) -> CriteriaSet {
        let known = tags
        guard known.contains(tag) else {
            throw .unknownTag(tag: tag, known: known, suggestion: EditDistance.suggestion(for: tag, among: known))
        }
        func tagged(_ i: Int) -> Bool {
            var j: Int? = i
            while let k = j {
                if nodes[k].tags.contains(tag) { return true }
                j = nodes[k].parent
            }
            return false
        }
        let before = scoredIndicatorIndices
        var copy = self
        var leftOut = Set<String>()
        for i in before where !tagged(i) {
            copy.nodes[i].scored = false
            leftOut.insert(nodes[i].id)
        }
        // Aggregates left without a scored child, deepest first so emptiness climbs the tree.
        for i in nodes.indices.sorted(by: { nodes[$0].depth > nodes[$1].depth }) where i != 0 && !nodes[i].isIndicator {
            if copy.nodes[i].scored, copy.scoredChildren(of: i).isEmpty {
                copy.nodes[i].scored = false
                leftOut.insert(nodes[i].id)
            }
        }
        let kept = copy.scoredIndicatorIndices.count
        guard kept > 0 else { throw .emptyView(tag: tag) }
        copy.view = CriteriaView(tag: tag, indicatorsKept: kept, indicatorsInSet: before.count, leftOut: leftOut)
        return copy
    }
}
