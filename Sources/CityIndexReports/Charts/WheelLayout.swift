import CityIndexCore
import Foundation

/// Where every cell and label of a unit's benchmarking wheel goes: the model that
/// ``WheelChart`` draws and that tests check (no label overlaps another, each indicator appears
/// once).
///
/// Rings from the centre: the whole (a disc), the pillars (depth 1), the parents of the
/// indicator level, and the indicator level itself, the depth of the shallowest scored
/// indicator (U4SSC: dimensions, categories, KPIs; a KPI's data points are folded into its
/// cell). Each outer cell takes one share of the circle, and a group with a single indicator
/// two, so that its name can be written. Labels are placed inside their own cell (or, for the
/// indicators' names, in the cell's angle outside the wheel), wrapped or shortened to fit, so
/// no two can overlap; a name that does not fit even on three lines falls back to its code
/// (listed under the legend) or is shortened with "…".
struct WheelLayout: Sendable {
    /// The chart's width in px; every font is at least ``minimumFont`` px, 6 pt when the chart
    /// is printed 180 mm wide (an A4 page's text width).
    static let width = 1000.0
    static let minimumFont = 12.0
    static let titleHeight = 64.0

    let result: ScoreResult
    let unit: Int
    let language: Language
    let bands: ScoreBands
    /// A notice printed in bold under the legend (illustrative data or targets).
    let notice: String?
    /// The wheel's centre.
    let centre: WheelGeometry.Point
    /// The cells, ring by ring.
    private(set) var cells: [WheelCell] = []
    /// Every label: titles, cells, indicator names, legend.
    private(set) var labels: [WheelLabel] = []
    /// The legend swatches: their square and the state they show.
    private(set) var swatches: [(x: Double, y: Double, state: WheelCell.State)] = []
    /// Codes written instead of names that did not fit, with the names.
    private(set) var abbreviations: [(code: String, name: String)] = []
    /// The outer indicator nodes, in drawing order.
    private(set) var items: [Int] = []
    /// The separators between groups: angle, the radii they run between, and their width.
    private(set) var separators: [(angle: Double, inner: Double, outer: Double, weight: Double)] = []
    /// The chart's height.
    private(set) var height: Double = 0

    private var criteria: CriteriaSet { result.criteria }
    private var words: ReportLabels { ReportLabels(language: language) }

    /// Lays out the wheel of `unit` in `result`, its cells coloured by `bands`.
    init(result: ScoreResult, unit: Int, language: Language, bands: ScoreBands, notice: String? = nil) {
        self.result = result
        self.unit = unit
        self.language = language
        self.bands = bands
        self.notice = notice
        centre = WheelGeometry.Point(x: Self.width / 2, y: Self.titleHeight + Self.width / 2)
        build()
    }

    // MARK: - Rings

    /// The depths drawn as rings: pillars, the indicators' parents, the indicators.
    var levels: [Int] {
        let depth = criteria.scoredIndicatorIndices.map { criteria.nodes[$0].depth }.min() ?? 1
        var out = [1]
        if depth - 1 > 1 { out.append(depth - 1) }
        if depth > 1 { out.append(depth) }
        return out
    }

    /// The radii of the rings (inner, outer), centre disc first.
    private func radii(rings: Int) -> [(Double, Double)] {
        let disc = (0.0, 46.0)
        let outer = (250.0, 276.0)
        switch rings {
        case 1: return [disc, (disc.1, outer.1)]
        case 2: return [disc, (disc.1, outer.0), outer]
        default: return [disc, (disc.1, 112), (112, outer.0), outer]
        }
    }

    /// The ancestor of `node` at `depth`.
    private func ancestor(_ node: Int, depth: Int) -> Int {
        var j = node
        while criteria.nodes[j].depth > depth, let p = criteria.nodes[j].parent { j = p }
        return j
    }

    private mutating func build() {
        let levels = self.levels
        let outerDepth = levels.last ?? 1
        items = criteria.nodes.indices.filter { $0 != 0 && criteria.nodes[$0].depth == outerDepth && criteria.isScored($0) }
        let radii = radii(rings: levels.count)
        // Angular shares: one per item, at least two per group of the ring inside the items'.
        let groupDepth = levels.count > 1 ? levels[levels.count - 2] : nil
        var share = [Double](repeating: 1, count: items.count)
        if let groupDepth {
            var members: [Int: [Int]] = [:]
            for (k, item) in items.enumerated() { members[ancestor(item, depth: groupDepth), default: []].append(k) }
            for (_, ks) in members where ks.count == 1 { share[ks[0]] = 2 }
        }
        let step = 360 / share.reduce(0, +)
        var starts: [Double] = []
        var angle = 0.0
        for s in share {
            starts.append(angle)
            angle += s * step
        }
        // The centre disc: the whole.
        cells.append(WheelCell(node: 0, ring: 0, sector: sector(0, 360, radii[0]), state: state(0)))
        // Rings of aggregates: each node spans its items.
        for (ring, depth) in levels.enumerated() {
            var k = 0
            while k < items.count {
                let node = depth == outerDepth ? items[k] : ancestor(items[k], depth: depth)
                var end = k + 1
                while end < items.count, depth != outerDepth, ancestor(items[end], depth: depth) == node { end += 1 }
                let stop = end < items.count ? starts[end] : 360
                cells.append(WheelCell(node: node, ring: ring + 1, sector: sector(starts[k], stop, radii[ring + 1]), state: state(node)))
                k = end
            }
        }
        // Separators: heavier between pillars, lighter between the levels not drawn as rings.
        let outerEdge = radii.last?.1 ?? 0
        let groupInner = radii.count > 2 ? radii[radii.count - 2].0 : radii[0].1
        for k in items.indices where k > 0 {
            let a = items[k - 1], b = items[k]
            if ancestor(a, depth: 1) != ancestor(b, depth: 1) {
                separators.append((starts[k], radii[0].1, outerEdge, 4))
            } else if let groupDepth, groupDepth > 2, ancestor(a, depth: 2) != ancestor(b, depth: 2) {
                separators.append((starts[k], groupInner, outerEdge, 2.5))
            }
        }
        if items.count > 1, ancestor(items[0], depth: 1) != ancestor(items[items.count - 1], depth: 1) {
            separators.append((0, radii[0].1, outerEdge, 4))
        }
        placeTitle()
        placeCellLabels(outerDepth: outerDepth)
        placeLegend()
    }

    private func sector(_ start: Double, _ end: Double, _ r: (Double, Double)) -> WheelGeometry.Sector {
        WheelGeometry.Sector(centre: centre, start: start, end: end, inner: r.0, outer: r.1)
    }

    /// What a node's cell shows for the unit.
    func state(_ node: Int) -> WheelCell.State { Self.state(result: result, node: node, unit: unit, bands: bands) }

    /// What `node`'s cell shows for `unit`: its band, or (without a score) whether values were
    /// reported without a target below it, or nothing was reported.
    static func state(result: ScoreResult, node: Int, unit: Int, bands: ScoreBands) -> WheelCell.State {
        if let s = result.score(node: node, unit: unit) {
            return bands.band(of: s).map { .band($0) } ?? .belowBands
        }
        var stack = [node]
        while let j = stack.popLast() {
            if result.criteria.nodes[j].isIndicator {
                if result.flags(node: j, unit: unit).contains(.noTarget) { return .noTarget }
            } else {
                stack += result.criteria.scoredChildren(of: j)
            }
        }
        return .notReported
    }

    // MARK: - Labels

    private mutating func placeTitle() {
        let name = result.units[unit].name(in: language)
        let title = "\(words.wheelTitle): \(name) — \(result.period)"
        let setName = criteria.name.text(in: language, fallback: criteria.id)
        labels.append(Self.straight(title, role: .title, x: Self.width / 2, y: 26, size: 18, bold: true, maxWidth: Self.width - 24))
        labels.append(Self.straight(setName, role: .subtitle, x: Self.width / 2, y: 50, size: 13, maxWidth: Self.width - 24))
    }

    /// A horizontal one-line label centred on (x, y), shortened to `maxWidth`.
    static func straight(_ text: String, role: WheelLabel.Role, node: Int? = nil, x: Double, y: Double, size: Double, bold: Bool = false, maxWidth: Double) -> WheelLabel {
        let line = shortened(text, width: maxWidth, size: size)
        return WheelLabel(
            role: role, node: node, lines: [line], fontSize: size, bold: bold, centre: WheelGeometry.Point(x: x, y: y),
            rotation: 0, width: textWidth(line, size: size, bold: bold), height: WheelLabel.height(lines: 1, fontSize: size))
    }

    static func textWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
        SVGMarkup.textWidth(text, size: size) * (bold ? 1.15 : 1)
    }

    /// `text` cut at the end with "…" until it is at most `width` px wide at `size`.
    static func shortened(_ text: String, width: Double, size: Double) -> String {
        guard textWidth(text, size: size) > width else { return text }
        var chars = Array(text)
        while !chars.isEmpty {
            chars.removeLast()
            while chars.last == " " { chars.removeLast() }
            let candidate = String(chars) + "…"
            if textWidth(candidate, size: size) <= width { return candidate }
        }
        return "…"
    }

    private mutating func placeCellLabels(outerDepth: Int) {
        let decimals = result.displayDecimals
        for cell in cells {
            let node = criteria.nodes[cell.node]
            let name = node.displayName(in: language)
            let fill = Self.textColour(on: Self.colour(cell.state, bands: bands.bands.count))
            let score = result.score(node: cell.node, unit: unit).map { DisplayNumber.format($0, decimals: decimals, language: language) }
            if cell.ring == 0 {
                let lines = [score ?? "–"]
                if let label = fit(lines, in: cell.sector, role: .centre, node: cell.node, size: 16, bold: true, fill: fill, orientations: [.horizontal]) {
                    labels.append(label)
                }
                continue
            }
            if node.depth == outerDepth {
                // The code inside the cell, the name outside the wheel in the cell's angle.
                if let code = Self.code(node.id),
                    let label = fit([code], in: cell.sector, role: .code, node: cell.node, size: Self.minimumFont, fill: fill, orientations: [.radial(outer: false)], padding: 1)
                {
                    labels.append(label)
                }
                var outside = cell.sector
                outside.inner = cell.sector.outer + 4
                outside.outer = Self.width / 2 - 6
                labels.append(radialName(name, in: outside, node: cell.node, role: .indicator, anchorOuter: false, maxLines: 3, fill: "#222222"))
                continue
            }
            if cell.ring == 1 && levels.count > 1 {
                // Pillars: name and score, horizontal or along the ring.
                let code = Self.code(node.id) ?? node.id
                let candidates: [[String]] = [[name] + (score.map { [$0] } ?? []), [code] + (score.map { [$0] } ?? []), [code]]
                for lines in candidates {
                    if let label = fit(lines, in: cell.sector, role: .pillar, node: cell.node, size: 13, bold: true, fill: fill, orientations: [.horizontal, .tangential, .radial(outer: true)]) {
                        labels.append(label)
                        if lines[0] != name { abbreviations.append((code, name)) }
                        break
                    }
                }
                continue
            }
            labels.append(radialName(name, in: cell.sector, node: cell.node, role: .group, anchorOuter: true, maxLines: 3, fill: fill, code: Self.code(node.id)))
        }
    }

    /// A name written along the radius of `sector`: on as few lines as fit (up to `maxLines`),
    /// else its code (recorded as an abbreviation), else shortened with "…".
    private mutating func radialName(
        _ name: String, in sector: WheelGeometry.Sector, node: Int, role: WheelLabel.Role, anchorOuter: Bool, maxLines: Int, fill: String,
        code: String? = nil
    ) -> WheelLabel {
        let room = sector.outer - sector.inner - 4
        for lines in 1...maxLines {
            let wrapped = SVGMarkup.wrap(name, width: room, size: Self.minimumFont, maxLines: lines)
            guard wrapped.joined(separator: " ") == name.split(separator: " ").joined(separator: " ") else { continue }
            if let label = fit(wrapped, in: sector, role: role, node: node, size: Self.minimumFont, fill: fill, orientations: [.radial(outer: anchorOuter)]) {
                return label
            }
        }
        if let code, let label = fit([code], in: sector, role: role, node: node, size: Self.minimumFont, fill: fill, orientations: [.radial(outer: anchorOuter)]) {
            abbreviations.append((code, name))
            return label
        }
        var text = name
        while true {
            text = Self.shortened(text, width: Self.textWidth(text, size: Self.minimumFont) - 4, size: Self.minimumFont)
            if let label = fit([text], in: sector, role: role, node: node, size: Self.minimumFont, fill: fill, orientations: [.radial(outer: anchorOuter)]) {
                return label
            }
            if text == "…" {
                // Nothing fits: the ellipsis alone, at the sector's middle.
                let mid = WheelGeometry.point(centre, radius: (sector.inner + sector.outer) / 2, angle: sector.mid)
                return WheelLabel(role: role, node: node, lines: ["…"], fontSize: Self.minimumFont, fill: fill, centre: mid, rotation: 0, width: 0, height: 0)
            }
        }
    }

    /// How a label may be turned in its cell.
    enum Orientation {
        case horizontal
        /// Along the ring, upright.
        case tangential
        /// Along the radius, readable from the right; anchored at the outer or the inner edge.
        case radial(outer: Bool)
    }

    /// The first placement of `lines` that lies wholly inside `sector` (`padding` px from its edges).
    private func fit(
        _ lines: [String], in sector: WheelGeometry.Sector, role: WheelLabel.Role, node: Int, size: Double, bold: Bool = false, fill: String,
        orientations: [Orientation], padding: Double = 2
    ) -> WheelLabel? {
        let width = lines.map { Self.textWidth($0, size: size, bold: bold) }.max() ?? 0
        let height = WheelLabel.height(lines: lines.count, fontSize: size)
        let full = sector.end - sector.start >= 360 - 1e-9
        for orientation in orientations {
            var positions: [(radius: Double, rotation: Double)] = []
            var alignment = WheelLabel.Alignment.middle
            let mid = sector.mid
            switch orientation {
            case .horizontal:
                if full && sector.inner == 0 {
                    positions = [(0, 0)]
                } else {
                    positions = [0.5, 0.4, 0.6, 0.3, 0.7].map { (sector.inner + (sector.outer - sector.inner) * $0, 0) }
                }
            case .tangential:
                let upright = mid > 90 && mid < 270 ? mid - 180 : mid
                positions = [0.5, 0.4, 0.6].map { (sector.inner + (sector.outer - sector.inner) * $0, upright) }
            case let .radial(outer):
                let rotation = mid < 180 ? mid - 90 : mid + 90
                // Lines flush with the edge the label is anchored at (reading outwards on the right).
                alignment = (mid < 180) == outer ? .end : .start
                let lo = sector.inner + padding + width / 2, hi = sector.outer - padding - width / 2
                guard hi >= lo else { continue }
                let steps = Int(((hi - lo) / 4).rounded(.down))
                positions = (0...steps).map { k in (outer ? hi - Double(k) * 4 : lo + Double(k) * 4, rotation) }
            }
            for (radius, rotation) in positions {
                let at = WheelGeometry.point(centre, radius: radius, angle: mid)
                var label = WheelLabel(role: role, node: node, lines: lines, fontSize: size, bold: bold, fill: fill, centre: at, rotation: rotation, width: width, height: height)
                label.alignment = lines.count > 1 ? alignment : .middle
                if WheelGeometry.outline(label.corners).allSatisfy({ sector.contains($0, padding: padding) }) { return label }
            }
        }
        return nil
    }

    /// The code of an indicator or group shown in its cell: the last part of a dotted id
    /// (`EC.ICT.ICT.1C` → `1C`) when it is short.
    static func code(_ id: String) -> String? {
        guard id.contains("."), let last = id.split(separator: ".").last, (1...4).contains(last.count) else { return nil }
        return String(last)
    }

    // MARK: - Legend

    private mutating func placeLegend() {
        var y = centre.y + Self.width / 2 + 22
        var x = 12.0
        var states: [WheelCell.State] = bands.bands.indices.map { .band($0) }
        let used = Set(cells.map(\.state))
        if used.contains(.belowBands) { states.append(.belowBands) }
        // "No target" only where some indicator is scored against a target.
        if used.contains(.noTarget) || criteria.scoredIndicatorIndices.contains(where: { criteria.effectiveSettings(of: $0).normalise?.usesTarget == true }) {
            states.append(.noTarget)
        }
        states.append(.notReported)
        for state in states {
            let text = legendText(state)
            let w = 22 + Self.textWidth(text, size: Self.minimumFont) + 22
            if x + w > Self.width - 12 {
                x = 12
                y += 24
            }
            swatches.append((x, y - 12, state))
            var label = Self.straight(text, role: .legend, x: 0, y: y - 4, size: Self.minimumFont, maxWidth: Self.width - 24)
            label.centre.x = x + 24 + label.width / 2
            label.alignment = .start
            labels.append(label)
            x += w
        }
        y += 28
        for line in notice.map({ SVGMarkup.wrap($0, width: (Self.width - 24) / 1.15, size: Self.minimumFont, maxLines: 4) }) ?? [] {
            var label = Self.straight(line, role: .caption, x: 0, y: y, size: Self.minimumFont, bold: true, maxWidth: Self.width - 24)
            label.centre.x = 12 + label.width / 2
            label.alignment = .start
            labels.append(label)
            y += 18
        }
        for line in SVGMarkup.wrap(words.wheelCaption, width: Self.width - 24, size: Self.minimumFont, maxLines: 4) {
            var label = Self.straight(line, role: .caption, x: 0, y: y, size: Self.minimumFont, maxWidth: Self.width - 24)
            label.centre.x = 12 + label.width / 2
            label.alignment = .start
            labels.append(label)
            y += 18
        }
        if !abbreviations.isEmpty {
            var seen = Set<String>()
            let key = abbreviations.filter { seen.insert($0.code + "\u{1}" + $0.name).inserted }.map { "\($0.code): \($0.name)" }
            let text = "\(words.abbreviations): " + key.joined(separator: "; ")
            for line in SVGMarkup.wrap(text, width: Self.width - 24, size: Self.minimumFont, maxLines: 8) {
                var label = Self.straight(line, role: .caption, x: 0, y: y, size: Self.minimumFont, maxWidth: Self.width - 24)
                label.centre.x = 12 + label.width / 2
                label.alignment = .start
                labels.append(label)
                y += 18
            }
        }
        height = (y + 4).rounded(.up)
    }

    func legendText(_ state: WheelCell.State) -> String {
        switch state {
        case let .band(k): bands.bands[k].name.text(in: language)
        case .belowBands: words.belowBandsCell
        case .noTarget: words.noTargetCell
        case .notReported: words.notReportedCell
        }
    }

    // MARK: - Colours

    /// The fill of a state: the bands on the report's colour-blind-safe ramp, best darkest.
    static func colour(_ state: WheelCell.State, bands count: Int) -> String {
        switch state {
        case let .band(k):
            // Best band at 0.75 of the ramp (dark blue), worst at 0 (yellow): 4 bands take its stops.
            let t = count > 1 ? 0.75 * Double(count - 1 - k) / Double(count - 1) : 0.75
            return SVGMarkup.ramp(t)
        case .belowBands: return "#E8E8E8"
        case .noTarget: return "url(#wheel-no-target)"
        case .notReported: return "#F2F2F2"
        }
    }

    /// Dark text on light fills, white on dark ones.
    static func textColour(on fill: String) -> String {
        guard fill.hasPrefix("#"), fill.count == 7, let v = Int(fill.dropFirst(), radix: 16) else { return "#222222" }
        let r = Double((v >> 16) & 255), g = Double((v >> 8) & 255), b = Double(v & 255)
        return 0.299 * r + 0.587 * g + 0.114 * b < 140 ? "#FFFFFF" : "#222222"
    }
}
