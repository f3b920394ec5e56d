import CityIndexCore

extension CriteriaSet {
    /// A copy of the set whose nodes `change` has edited; the tree (parents, order) is kept.
    ///
    /// `CriteriaSet.nodes` cannot be assigned, so the copy goes through the public initialiser,
    /// which re-links children in the same depth-first order.
    /// - Complexity: O(nodes).
    func rebuilt(precision: Int??, screen: ScreenStep??, _ change: (Int, inout CriteriaNode) -> Void) -> CriteriaSet {
        var edited = nodes
        for i in edited.indices { change(i, &edited[i]) }
        var copy = CriteriaSet(
            id: id, version: version, name: name, source: source, notes: notes, language: language, scale: scale,
            precision: precision ?? self.precision, ties: ties, unitsRegistries: unitsRegistries,
            screen: screen ?? self.screen, defaults: defaults, nodes: edited, file: file)
        copy.targetsDeclaration = targetsDeclaration
        copy.targets = targets
        copy.charts = charts
        copy.view = view
        return copy
    }

    /// The scored aggregates whose children include an indicator, the root excepted: the pillars.
    /// - Complexity: O(nodes).
    var pillarIndices: [Int] {
        nodes.indices.filter { n in
            n != 0 && !nodes[n].isIndicator && isScored(n) && scoredChildren(of: n).contains { nodes[$0].isIndicator }
        }
    }
}
