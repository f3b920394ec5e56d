import CityIndexAnalysis
import CityIndexCore

extension MarkdownReport {
    /// Every target the scores used, with its source, and the indicators that needed a target
    /// and had none (left out of their aggregates); empty when no indicator is scored against a target.
    var targets: String {
        let table = TargetsTable(result: result, language: language)
        let uses = table.uses
        let lacking = criteria.scoredIndicatorIndices.compactMap { i -> (Int, [Int])? in
            let units = result.units.indices.filter { result.flags(node: i, unit: $0).contains(.noTarget) }
            return units.isEmpty ? nil : (i, units)
        }
        guard !uses.isEmpty || !lacking.isEmpty else { return "" }
        var out = "## \(labels.targets)\n\n"
        if !uses.isEmpty {
            out += labels.targetsIntro(uses.count) + "\n\n"
            var t = MarkdownTable(
                header: [labels.indicator, labels.target, labels.unitOfMeasure, labels.appliesTo, labels.unitsScored, labels.source],
                alignments: [.left, .right, .left, .left, .right, .left])
            for use in uses {
                let node = criteria.nodes[use.indicator]
                let (unit, period) = table.scope(use)
                let scope = (unit ?? labels.everyUnit) + ", " + (period?.description ?? labels.everyPeriod)
                t.append([
                    "\(MarkdownText.cell(node.displayName(in: language))) (`\(MarkdownText.code(node.id))`)",
                    DisplayNumber.format(use.target, decimals: WhatItTakes.decimals(of: [use.target]), language: language),
                    MarkdownText.cell(node.unit.text(in: language)), MarkdownText.cell(scope), "\(use.units.count)",
                    MarkdownText.cell(table.source(use)) + " (`\(MarkdownText.code(use.place.location))`)",
                ])
            }
            out += t.text
        }
        if !lacking.isEmpty {
            out += (uses.isEmpty ? "" : "\n") + "### \(labels.withoutTarget)\n\n" + labels.withoutTargetIntro + "\n\n"
            var t = MarkdownTable(header: [labels.indicator, labels.unitsWithoutTarget])
            for (i, units) in lacking {
                let node = criteria.nodes[i]
                t.append([
                    "\(MarkdownText.cell(node.displayName(in: language))) (`\(MarkdownText.code(node.id))`)",
                    units.map { MarkdownText.cell(result.units[$0].name(in: language)) }.joined(separator: ", "),
                ])
            }
            out += t.text
        }
        return out
    }
}
