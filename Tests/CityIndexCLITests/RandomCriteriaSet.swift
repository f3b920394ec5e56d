import CityIndexCore
import Foundation

/// Random criteria sets that ``CityIndexFormats/CriteriaLoader`` accepts: trees up to five
/// levels deep with every node field and every step a set can hold, hostile texts
/// (``HostileText``) and doubles of any size.
///
/// Only what a reader can produce is generated: texts are NFC and non-empty, `bounds` is given
/// only with a normalisation that takes `reference`, an imputation over time comes with `impute:
/// none`, a weighted mean has its `by`. With `forTable`, the set keeps to what a flat table holds
/// (see ``CityIndexFormats/CriteriaWriter/table(_:groups:)``): no impute or treat, no step
/// options beyond the defaults, unscored indicators only under the root and without settings.
struct RandomCriteriaSet {
    var rng: SplitMixRNG
    let forTable: Bool
    /// Whether texts have no spaces or tabs at either end (a table's cells are trimmed).
    let trimsTexts: Bool
    private var nodes: [CriteriaNode] = []
    private let place = SourcePlace(file: "")

    init(seed: UInt64, forTable: Bool, trimsTexts: Bool? = nil) {
        rng = SplitMixRNG(seed: seed)
        self.forTable = forTable
        self.trimsTexts = trimsTexts ?? forTable
    }

    static let idCharacters = Array("abcXYZ019_.-")

    /// Node ids are unique: a random prefix, `_` and the node's number.
    private mutating func id(_ n: Int) -> String {
        String((0..<rng.below(5)).map { _ in Self.idCharacters[rng.below(Self.idCharacters.count)] }) + "_\(n)"
    }

    /// ``HostileText/pieces`` without NUL and the byte order mark (see ``text()``), with more
    /// that trouble the criteria writers: `:` before `?` and `,` (refused in YAML flow
    /// collections), texts the CSV formula guard touches, C1 controls, U+FFFE (YAML reads
    /// them only escaped), the paragraph separator and the ideographic space.
    static let pieces = HostileText.pieces.filter { $0 != "\u{0}" && $0 != "\u{FEFF}" }
        + [":?", ":,", "'=", "'-", "\u{80}", "\u{9F}", "\u{FFFE}", "\u{2029}", "\u{3000}"]

    /// A hostile text, less what the readers are known not to give back:
    ///
    /// - NUL and U+FEFF: the CSV reader refuses both (a binary or pasted-together file), so a
    ///   table cannot hold them, and the YAML reader drops a leading U+FEFF and cuts at NUL.
    /// - For a table, spaces or tabs at either end: the table reader trims every cell.
    ///
    /// Everything else is kept, `:?`, CR LF and texts the formula guard touches (`'=`, `-3`)
    /// included: the writers once broke on each of them (see ``PropertyWriterTests``).
    private mutating func text() -> String {
        var s = HostileText.text(&rng, from: Self.pieces)
        if trimsTexts {
            while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
            while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        }
        return s.isEmpty ? "x" : s
    }

    private mutating func maybeText(_ p: Double) -> String? {
        rng.chance(p) ? text() : nil
    }

    private mutating func localized() -> LocalizedText {
        switch rng.below(4) {
        case 0: return LocalizedText()
        case 1: return LocalizedText(en: text())
        case 2: return LocalizedText(vi: text())
        default: return LocalizedText(en: text(), vi: text())
        }
    }

    /// A text in English, Vietnamese or both with probability `p`, else none.
    mutating func maybeLocalized(_ p: Double) -> LocalizedText {
        guard rng.chance(p) else { return LocalizedText() }
        let text = localized()
        return text.isEmpty ? LocalizedText(en: self.text()) : text
    }

    mutating func make() -> CriteriaSet {
        nodes = []
        addNode(parent: nil, depth: 0)
        var set = CriteriaSet(id: "set" + id(0), nodes: nodes)
        guard !forTable else { return set }
        set.version = maybeText(0.3)
        set.language = rng.chance(0.5) ? .en : .vi
        set.name = localized()
        set.description = maybeLocalized(0.3)
        set.source = maybeLocalized(0.3)
        set.notes = maybeLocalized(0.3)
        set.scale = [1, 100, 10, HostileText.positive(&rng)][rng.below(4)]
        set.precision = rng.chance(0.5) ? rng.below(13) : nil
        set.ties = TieMethod.allCases[rng.below(TieMethod.allCases.count)]
        set.unitsRegistries = (0..<rng.below(3)).map { _ in text() }
        if rng.chance(0.3) { set.screen = ScreenStep(minCoverage: rng.unit(), basis: rng.chance(0.5) ? .raw : .imputed) }
        switch rng.below(5) {
        case 0: set.groups = .quartiles
        case 1: set.groups = .papi
        case 2:
            let basis: PerformanceBand.Basis = [.scale, .score, .target(HostileText.positive(&rng))][rng.below(3)]
            // Listed from the highest minimum down.
            var minimums = [HostileText.finite(&rng)]
            for _ in 0..<rng.below(4) {
                guard let next = increasing(from: -minimums[minimums.count - 1]) else { break }
                minimums.append(-next)
            }
            set.groups = .bands(minimums.map { PerformanceBand(name: LocalizedText(en: text()), minimum: $0, basis: basis) })
        default: break
        }
        if rng.chance(0.3) {
            let spread = rng.chance(0.5)
            set.uncertainty = Uncertainties(
                weightSpread: spread ? rng.unit() : nil, dirichletConcentration: spread ? nil : HostileText.positive(&rng),
                normalisations: NormalisationChoice.allCases.filter { _ in rng.chance(0.5) },
                aggregations: AggregationChoice.allCases.filter { _ in rng.chance(0.5) }, imputation: rng.chance(0.5),
                leaveOut: rng.chance(0.5) ? LeaveOutLevel.allCases[rng.below(LeaveOutLevel.allCases.count)] : nil,
                runs: rng.chance(0.5) ? 2 + rng.below(5000) : nil, seed: rng.chance(0.5) ? rng.next() : nil)
        }
        if rng.chance(0.5) {
            // Defaults apply to every node: nothing that needs a node's own target or id.
            var d = indicatorSteps(allowTarget: false)
            if rng.chance(0.5) { d.aggregate = aggregateStep() }
            set.defaults = d
        }
        return set
    }

    private mutating func addNode(parent: Int?, depth: Int) {
        let index = nodes.count
        let isAggregate = parent == nil || (depth < 4 && rng.chance(0.35))
        var node = CriteriaNode(id: id(index), parent: parent, place: place)
        node.name = localized()
        node.description = maybeLocalized(0.3)
        node.source = maybeLocalized(0.2)
        node.notes = maybeLocalized(0.2)
        if parent != nil && rng.chance(0.5) { node.weight = HostileText.positive(&rng) }
        nodes.append(node)
        if isAggregate {
            if rng.chance(0.4) && !(forTable && rng.chance(0.5)) { nodes[index].settings.aggregate = aggregateStep() }
            if !forTable && rng.chance(0.2) { nodes[index].settings.combine = combineRule() }
            let children = 1 + rng.below(4)
            for _ in 0..<children { addNode(parent: index, depth: depth + 1) }
            // A scored aggregate needs a scored child.
            if !nodes[index].childIndices(in: nodes).contains(where: { nodes[$0].scored }) {
                let first = nodes[index].childIndices(in: nodes)[0]
                nodes[first].scored = true
                if forTable { nodes[first].settings = indicatorSteps(allowTarget: false) }
            }
            return
        }
        node = nodes[index]
        node.unit = maybeLocalized(0.4)
        if rng.chance(0.4) { node.target = HostileText.finite(&rng) }
        let unscored = rng.chance(0.15) && (!forTable || parent == 0)
        if unscored {
            node.scored = false
            if forTable { node.weight = 1 }
        }
        if !(forTable && unscored) { node.settings = indicatorSteps(allowTarget: node.target != nil) }
        nodes[index] = node
    }

    /// Steps an indicator (or the defaults) may take.
    private mutating func indicatorSteps(allowTarget: Bool) -> StepSettings {
        var s = StepSettings()
        if rng.chance(0.4) { s.direction = rng.chance(0.5) ? .higher : .lower }
        if rng.chance(0.2) {
            let by = ["Population", "Area", "dân số", "GDP per capita"][rng.below(4)]
            s.denominate = DenominateStep(by: by, factor: forTable || rng.chance(0.5) ? 1 : HostileText.positive(&rng))
        }
        if !forTable {
            switch rng.below(8) {
            case 0: s.impute = ImputeStep.none
            case 1: s.impute = .mean
            case 2: s.impute = .median
            case 3: s.impute = .groupMean(by: text())
            case 4:
                s.imputeOverTime = rng.chance(0.5) ? .interpolate : .carryForward(maxPeriods: 1 + rng.below(1000))
                s.impute = ImputeStep.none  // as the reader gives it
            default: break
            }
            switch rng.below(6) {
            case 0: s.treat = TreatStep.none
            case 1: s.treat = .log
            case 2:
                s.treat = .winsorise(
                    maxPoints: 1 + rng.below(20), skew: HostileText.positive(&rng), kurtosis: HostileText.positive(&rng),
                    fallback: rng.chance(0.5) ? .log : .none)
            default: break
            }
        }
        if rng.chance(0.3) { s.transform = Transform.allCases[rng.below(Transform.allCases.count)] }
        if rng.chance(0.6) {
            let (normalise, takesReference) = normaliseStep(allowTarget: allowTarget)
            s.normalise = normalise
            if takesReference && !forTable {
                switch rng.below(4) {
                case 0: s.bounds = .panel
                case 1: s.bounds = .fixed(Period(["2018", "2024-Q3", "2025-H1", "2024-07"][rng.below(4)])!)
                default: break
                }
            }
        }
        if !forTable && rng.chance(0.2) { s.overTime = PeriodRollup.allCases[rng.below(PeriodRollup.allCases.count)] }
        if rng.chance(0.2) {
            let lo = HostileText.finite(&rng)
            s.range = ValidRange(min: lo, max: rng.chance(0.2) ? lo : increasing(from: lo) ?? lo, place: place)
        }
        if !forTable && rng.chance(0.3) { s.combine = combineRule() }
        return s
    }

    /// A normalisation, and whether it takes `reference`.
    private mutating func normaliseStep(allowTarget: Bool) -> (NormaliseStep, Bool) {
        let lo = HostileText.finite(&rng)
        switch rng.below(forTable ? 7 : 10) {
        case 0: return (.minMax, true)
        case 1: return (increasing(from: lo).map { NormaliseStep.goalposts(min: lo, max: $0) } ?? .goalposts(min: 0, max: 1), false)
        case 2: return (forTable ? .zScore(mean: 0, sd: 1) : .zScore(mean: HostileText.finite(&rng), sd: HostileText.positive(&rng)), true)
        case 3: return (.rank, false)
        case 4: return (.percentile, false)
        case 5: return (NormaliseStep.none, false)
        case 6: return (allowTarget ? .target(nil) : .rank, false)
        case 7: return (.target(HostileText.finite(&rng)), false)
        case 8:
            let maxPoints = HostileText.positive(&rng)
            return (rng.chance(0.5) ? .ratio(maxPoints: maxPoints) : .yesNo(maxPoints: maxPoints), false)
        default:
            var thresholds = [HostileText.finite(&rng)]
            for _ in 0..<rng.below(4) {
                guard let next = increasing(from: thresholds[thresholds.count - 1]) else { break }
                thresholds.append(next)
            }
            let points = (0...thresholds.count).map { _ in HostileText.finite(&rng) }
            let ofTarget = rng.chance(0.5)
            let target: Double? = ofTarget && (rng.chance(0.5) || !allowTarget) ? HostileText.finite(&rng) : nil
            return (.bands(basis: ofTarget ? .target : .value, target: target, thresholds: thresholds, points: points), false)
        }
    }

    /// A finite number above `x` (nil when `x` is too close to the largest double).
    private mutating func increasing(from x: Double) -> Double? {
        let next = x + 1 + abs(x) * rng.unit()
        return next.isFinite && next > x ? next : nil
    }

    private mutating func aggregateStep() -> AggregateStep {
        let method = AggregateStep.Method.allCases[rng.below(AggregateStep.Method.allCases.count)]
        guard !forTable else { return AggregateStep(method: method) }
        let mean = method == .geometric || method == .harmonic
        return AggregateStep(
            method: method, missing: AggregateStep.Missing.allCases[rng.below(AggregateStep.Missing.allCases.count)],
            minCoverage: rng.chance(0.3) ? rng.unit() : nil, outOf: method == .sum && rng.chance(0.5) ? HostileText.positive(&rng) : nil,
            floor: mean && rng.chance(0.5) ? HostileText.positive(&rng) : nil, zero: mean && rng.chance(0.3) ? .exclude : .error)
    }

    private mutating func combineRule() -> CombineRule {
        let method = CombineRule.Method.allCases[rng.below(CombineRule.Method.allCases.count)]
        return CombineRule(
            method: method, by: method == .weightedMean ? text() : nil, stage: rng.chance(0.5) ? .observations : .scores)
    }
}

extension CriteriaNode {
    /// The children of this node among `nodes` whose `parent` indices are set (before linking).
    fileprivate func childIndices(in nodes: [CriteriaNode]) -> [Int] {
        guard let me = nodes.firstIndex(where: { $0.id == id }) else { return [] }
        return nodes.indices.filter { nodes[$0].parent == me }
    }
}
