import CityIndexAnalysis
import CityIndexCore
import Foundation

/// An indicator as a reader should see it: its value as scored (after denomination: doctors
/// per 10,000 inhabitants, not the 513 doctors reported) with that value's unit of measure,
/// the raw figures it was computed from, and its kind (``IndicatorKind``), which says how its
/// change over time reads.
///
/// - **Unit as scored**: the set's `denominate: {unit: …}`; else derived from the units of the
///   value and of the denominator and the factor: the same unit on both sides gives `%` (factor
///   100), `‰` (1000) or no unit (1); otherwise `<unit> per <factor> <denominator's unit>`
///   (`người trên 10 nghìn người`), the denominator's name standing in for a missing unit.
///   Without denomination, the indicator's unit.
/// - **Kind**: the node's `kind:`; else `share` when the unit as scored is a percentage (`%`,
///   `percent`, `phần trăm`, or starting with `tỷ lệ` or `tỷ trọng`), `rate` when the value is
///   denominated or its unit is per something (`‰`, `per`, `/`, `trên`, `bình quân`), `level`
///   otherwise.
///
/// ```swift
/// let m = IndicatorMeasure(criteria: set, node: set.index(of: "doctors")!)
/// m.scoredUnit(in: .en)                   // "người per 10 nghìn người"
/// m.value(in: result, unit: 0)            // 8.21
/// m.rawFigures(in: result, unit: 0, language: .vi)  // "513 người ÷ 624,9 nghìn người (Dân số trung bình) × 10"
/// ```
public struct IndicatorMeasure: Sendable {
    /// The set.
    public var criteria: CriteriaSet
    /// The indicator (node index).
    public var node: Int

    /// Creates the measure of indicator `node` of `criteria`.
    public init(criteria: CriteriaSet, node: Int) {
        self.criteria = criteria
        self.node = node
    }

    /// The denomination applied to the indicator, if any.
    public var denominate: DenominateStep? { criteria.effectiveSettings(of: node).denominate }

    /// The denominator's node, when it is an indicator of the set (else a unit attribute).
    private var denominatorNode: Int? { denominate.flatMap { criteria.index(of: $0.by) } }

    /// The unit of the values as reported.
    public func observedUnit(in language: Language) -> String? {
        criteria.nodes[node].measureUnit(in: language)
    }

    /// The unit of the values as scored (see the type's rules); nil when there is none.
    public func scoredUnit(in language: Language) -> String? {
        guard let d = denominate else { return observedUnit(in: language) }
        if let declared = d.unit { return declared.text(in: language, fallback: "") }
        let numerator = observedUnit(in: language)
        let denominator = denominatorNode.map { criteria.nodes[$0] }
        let below = denominator.flatMap { $0.measureUnit(in: language) } ?? denominator?.displayName(in: language) ?? d.by
        if let numerator, numerator.lowercased() == below.lowercased() {
            switch d.factor {
            case 100: return "%"
            case 1000: return "‰"
            case 1: return nil
            default: break
            }
        }
        let factor = d.factor == 1 ? "" : DisplayNumber.format(d.factor, decimals: Self.decimals(d.factor), language: language) + " "
        let per = language == .vi ? "trên" : "per"
        return [numerator, "\(per) \(factor)\(below)"].compactMap { $0 }.joined(separator: " ")
    }

    /// The indicator's kind: declared, else inferred from the unit as scored.
    public var kind: IndicatorKind {
        if let declared = criteria.nodes[node].kind { return declared }
        let units = Language.allCases.compactMap { scoredUnit(in: $0)?.lowercased().trimmingCharacters(in: .whitespaces) }
        if units.contains(where: Self.isPercentage) { return .share }
        if denominate != nil { return .rate }
        let perWords = ["‰", " per ", "/", " trên ", "bình quân"]
        if units.contains(where: { u in perWords.contains { (" " + u + " ").contains($0) } }) { return .rate }
        return .level
    }

    static func isPercentage(_ unit: String) -> Bool {
        unit.hasPrefix("%") || unit.contains("percent") || unit.contains("per cent") || unit.contains("phần trăm")
            || ["tỷ lệ", "tỉ lệ", "tỷ trọng", "tỉ trọng"].contains { unit.hasPrefix($0) }
    }

    /// The value of `unit` as scored: the observed value divided by its denominator × factor
    /// (before imputation and outlier treatment); the value used when none was observed (an
    /// imputed or combined one); nil when there is none.
    public func value(in result: ScoreResult, unit u: Int) -> Double? {
        guard let raw = result.rawValue(node: node, unit: u) else { return result.usedValue(node: node, unit: u) }
        guard let d = denominate else { return raw }
        guard let below = denominatorValue(in: result, unit: u), below != 0 else { return nil }
        return raw / below * d.factor
    }

    /// The denominator's value for `unit`: the indicator's observed value, or the unit attribute.
    public func denominatorValue(in result: ScoreResult, unit u: Int) -> Double? {
        guard let d = denominate else { return nil }
        if let n = denominatorNode { return result.rawValue(node: n, unit: u) }
        return result.units[u].attributes[d.by].flatMap { Double($0) }
    }

    /// How the value as scored was computed from the figures reported, for a denominated
    /// indicator with both figures: `513 người ÷ 624,9 nghìn người (Dân số trung bình) × 10`.
    public func rawFigures(in result: ScoreResult, unit u: Int, language: Language) -> String? {
        guard let d = denominate, let raw = result.rawValue(node: node, unit: u), let below = denominatorValue(in: result, unit: u) else {
            return nil
        }
        func figure(_ x: Double, _ unit: String?) -> String {
            DisplayNumber.format(x, decimals: Self.decimals(x), language: language) + (unit.map { " " + $0 } ?? "")
        }
        let denominator = denominatorNode.map { criteria.nodes[$0] }
        let name = denominator?.displayName(in: language) ?? d.by
        var text = figure(raw, observedUnit(in: language)) + " ÷ " + figure(below, denominator?.measureUnit(in: language)) + " (\(name))"
        if d.factor != 1 { text += " × " + DisplayNumber.format(d.factor, decimals: Self.decimals(d.factor), language: language) }
        return text
    }

    /// A value as scored for people: two decimals, more for values below 1 (three significant
    /// digits), whole numbers as they are.
    public func format(_ value: Double, language: Language) -> String {
        DisplayNumber.format(value, decimals: displayDecimals(value), language: language)
    }

    /// The difference `to − from` of two values as scored, signed (`+0,81`, `−3,2`), with the
    /// decimals of the more precise of the two.
    public func formatChange(from: Double, to: Double, language: Language) -> String {
        DisplayNumber.signed(to - from, decimals: max(displayDecimals(from), displayDecimals(to)), language: language)
    }


    /// The decimals of a value as scored: as written when it is observed, two for a quotient
    /// (three significant digits below 1).
    func displayDecimals(_ value: Double) -> Int {
        if denominate == nil { return Self.decimals(value) }
        if value == 0 || abs(value) >= 1 { return 2 }
        return min(6, 2 - Int(floor(log10(abs(value)))))
    }

    /// The decimals a figure was written with (at most 4).
    static func decimals(_ x: Double) -> Int { WhatItTakes.decimals(of: [x]) }
}

extension CriteriaNode {
    /// The unit of measure in `language` (the one place reports read a node's `unit`).
    func measureUnit(in language: Language) -> String? { unit.nonEmpty(in: language) }
}
