import CityIndexCore
import Testing

@testable import CityIndexFormats

/// A YAML snippet that must not load, and the first problem it must report.
struct BadYAML: CustomTestStringConvertible, Sendable {
    let name: String
    let yaml: String
    /// `line:column`.
    let at: String
    let path: String
    let message: String
    var testDescription: String { name }
}

/// A one-indicator set whose indicator `a` gets `line` (written at 6 spaces) as its last key.
private func indicator(_ line: String) -> String {
    "id: t\nroot:\n  children:\n    - id: a\n      \(line)\n"
}

private let nodeKeys =
    "id, name, description, unit, kind, direction, weight, target, source, notes, scored, tags, children, denominate, impute, treat, transform, normalise, aggregate, over-time, combine, range"
private let normaliseMethods = "min-max, goalposts, target, z-score, rank, percentile, bands, ratio, yes-no, none"

private let badYAML: [BadYAML] = [
    // range: [min, max]
    BadYAML(
        name: "min above max", yaml: "id: t\nroot:\n  children:\n    - id: a\n      range: [100, 0]\n", at: "5:14",
        path: "root.children[0].range", message: "range min 100 is above max 0; expected [min, max] with min ≤ max"),
    BadYAML(
        name: "one number", yaml: "id: t\nroot:\n  children:\n    - id: a\n      range: 100\n", at: "5:14",
        path: "root.children[0].range",
        message: "expected range: [min, max] (two numbers, as in range: [0, 100]), found \"100\""),
    BadYAML(
        name: "three numbers", yaml: "id: t\nroot:\n  children:\n    - id: a\n      range: [0, 50, 100]\n", at: "5:14",
        path: "root.children[0].range",
        message: "expected range: [min, max] (two numbers, as in range: [0, 100]), found 3 values"),
    BadYAML(
        name: "not a number", yaml: "id: t\nroot:\n  children:\n    - id: a\n      range: [0, max]\n", at: "5:18",
        path: "root.children[0].range[1]", message: "expected a number, found \"max\""),
    BadYAML(
        name: "a mapping", yaml: "id: t\nroot:\n  children:\n    - id: a\n      range: {min: 0, max: 1}\n", at: "5:14",
        path: "root.children[0].range",
        message: "expected range: [min, max] (two numbers, as in range: [0, 100]), found a mapping"),
    BadYAML(
        name: "under defaults, reversed", yaml: "id: t\ndefaults:\n  range: [1, 0]\nroot:\n  children:\n    - id: a\n", at: "3:10",
        path: "defaults.range", message: "range min 1 is above max 0; expected [min, max] with min ≤ max"),
    BadYAML(
        name: "on an aggregate", yaml: "id: t\nroot:\n  children:\n    - id: p\n      range: [0, 1]\n      children:\n        - id: a\n",
        at: "5:7", path: "root.children[0].range", message: "range is only used by indicators, but node \"p\" has children"),
    BadYAML(
        name: "unknown normalise method", yaml: indicator("normalise: {method: minmax}"), at: "5:27",
        path: "root.children[0].normalise.method",
        message: "unknown method \"minmax\"; expected one of \(normaliseMethods) (did you mean \"min-max\"?)"),
    BadYAML(
        name: "unknown short-form method", yaml: indicator("normalise: goalpost"), at: "5:18",
        path: "root.children[0].normalise",
        message: "unknown method \"goalpost\"; expected one of \(normaliseMethods) (did you mean \"goalposts\"?)"),
    BadYAML(
        name: "unknown node key", yaml: indicator("wieght: 2"), at: "5:7", path: "root.children[0].wieght",
        message: "unknown key \"wieght\"; expected one of \(nodeKeys) (did you mean \"weight\"?)"),
    BadYAML(
        name: "goalposts reversed", yaml: indicator("normalise: {method: goalposts, min: 85, max: 20}"), at: "5:18",
        path: "root.children[0].normalise", message: "goalposts min 85 must be below max 20"),
    BadYAML(
        name: "goalposts without max", yaml: indicator("normalise: {method: goalposts, min: 0}"), at: "5:18",
        path: "root.children[0].normalise",
        message: "method goalposts needs min and max, as in {method: goalposts, min: 0, max: 100}"),
    BadYAML(
        name: "key not used by method", yaml: indicator("normalise: {method: min-max, min: 0}"), at: "5:36",
        path: "root.children[0].normalise.min", message: "min is not used by method min-max"),
    BadYAML(
        name: "zero weight", yaml: indicator("weight: 0"), at: "5:15", path: "root.children[0].weight",
        message: "expected a number above 0, found 0"),
    BadYAML(
        name: "text weight", yaml: indicator("weight: heavy"), at: "5:15", path: "root.children[0].weight",
        message: "expected a number, found \"heavy\""),
    BadYAML(
        name: "unknown direction", yaml: indicator("direction: up"), at: "5:18", path: "root.children[0].direction",
        message: "unknown direction \"up\"; expected one of higher, lower"),
    BadYAML(
        name: "node without id", yaml: "id: t\nroot:\n  children:\n    - name: A\n", at: "4:7", path: "root.children[0]",
        message: "missing key id; every node needs an id, as in id: health"),
    BadYAML(
        name: "id with a space", yaml: "id: t\nroot:\n  children:\n    - id: a b\n", at: "4:11",
        path: "root.children[0].id",
        message: "id \"a b\" may only hold letters A-Z and a-z, digits, \"_\", \".\" and \"-\""),
    BadYAML(
        name: "aggregate on an indicator", yaml: indicator("aggregate: geometric"), at: "5:7",
        path: "root.children[0].aggregate",
        message: "aggregate is only used by nodes with children, but node \"a\" is an indicator"),
    BadYAML(
        name: "normalise on an aggregate",
        yaml: "id: t\nroot:\n  children:\n    - id: p\n      normalise: rank\n      children:\n        - id: a\n",
        at: "5:7", path: "root.children[0].normalise",
        message: "normalise is only used by indicators, but node \"p\" has children"),
    BadYAML(
        name: "group-mean without by", yaml: indicator("impute: group-mean"), at: "5:15", path: "root.children[0].impute",
        message: "method group-mean needs by: the unit attribute that forms the groups"),
    BadYAML(
        name: "bands points count", yaml: indicator("normalise: {method: bands, thresholds: [1, 2], points: [1, 2]}"),
        at: "5:62", path: "root.children[0].normalise.points",
        message: "expected 3 points (one more than the 2 thresholds), found 2"),
    BadYAML(
        name: "bands thresholds not increasing",
        yaml: indicator("normalise: {method: bands, thresholds: [2, 1], points: [1, 2, 3]}"), at: "5:46",
        path: "root.children[0].normalise.thresholds", message: "thresholds must increase strictly; 1 follows 2"),
    BadYAML(
        name: "z-score sd zero", yaml: indicator("normalise: {method: z-score, sd: 0}"), at: "5:40",
        path: "root.children[0].normalise.sd", message: "expected a number above 0, found 0"),
    BadYAML(
        name: "min-coverage above 1",
        yaml: "id: t\nroot:\n  aggregate: {method: arithmetic, min-coverage: 1.5}\n  children:\n    - id: a\n",
        at: "3:49", path: "root.aggregate.min-coverage", message: "expected a share from 0 to 1, found 1.5"),
    BadYAML(
        name: "out-of without sum",
        yaml: "id: t\nroot:\n  aggregate: {method: arithmetic, out-of: 10}\n  children:\n    - id: a\n",
        at: "3:35", path: "root.aggregate.out-of", message: "out-of is not used by method arithmetic"),
    BadYAML(
        name: "precision too large", yaml: "id: t\nprecision: 20\nroot:\n  children:\n    - id: a\n", at: "2:12",
        path: "precision", message: "expected a whole number from 0 to 12, found \"20\""),
    BadYAML(
        name: "unknown ties", yaml: "id: t\nties: olympic\nroot:\n  children:\n    - id: a\n", at: "2:7", path: "ties",
        message: "unknown tie method \"olympic\"; expected one of competition, dense, ordinal"),
    BadYAML(
        name: "unknown set key", yaml: "id: t\nscael: 100\nroot:\n  children:\n    - id: a\n", at: "2:1", path: "scael",
        message:
            "unknown key \"scael\"; expected one of id, version, name, description, source, notes, language, scale, precision, ties, units, table, nodes, screen, groups, uncertainty, targets, charts, defaults, root (did you mean \"scale\"?)"
    ),
    BadYAML(
        name: "YAML syntax", yaml: "id: t\nroot: [a\n", at: "3:1", path: "",
        message: "YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 7)"),
    BadYAML(
        name: "duplicate key", yaml: "id: t\nroot:\n  children:\n    - id: a\n      weight: 1\n      weight: 2\n",
        at: "5:7", path: "", message: "key \"weight\" is given more than once in this mapping; keep one"),
    BadYAML(
        name: "uncertain weights out of range", yaml: "id: t\nuncertainty: {weights: 1.5}\nroot:\n  children:\n    - id: a\n",
        at: "2:24", path: "uncertainty.weights",
        message: "expected a share from 0 up to (not including) 1, such as 0.25 for ±25 %, found \"1.5\""),
    BadYAML(
        name: "unknown normalisation alternative",
        yaml: "id: t\nuncertainty:\n  normalise: [min-max, zscore]\nroot:\n  children:\n    - id: a\n", at: "3:24",
        path: "uncertainty.normalise[1]",
        message: "unknown normalisation alternative \"zscore\"; expected one of set, min-max, z-score, rank (did you mean \"z-score\"?)"),
    BadYAML(
        name: "unknown leave-out level", yaml: "id: t\nuncertainty: {leave-out: pilar}\nroot:\n  children:\n    - id: a\n",
        at: "2:26", path: "uncertainty.leave-out",
        message: "unknown leave-out level \"pilar\"; expected one of indicator, pillar (did you mean \"pillar\"?)"),
    BadYAML(
        name: "Dirichlet without its concentration", yaml: "id: t\nuncertainty: {weights: {alpha: 20}}\nroot:\n  children:\n    - id: a\n",
        at: "2:25", path: "uncertainty.weights.alpha",
        message: "unknown key \"alpha\"; expected one of dirichlet"),
    BadYAML(
        name: "screen without min-coverage", yaml: "id: t\nscreen: {basis: raw}\nroot:\n  children:\n    - id: a\n",
        at: "2:9", path: "screen",
        message: "screen needs min-coverage: the least share (0 to 1) of indicators a unit must have"),
    BadYAML(
        name: "unknown fallback", yaml: indicator("treat: {method: winsorise, fallback: zero}"), at: "5:44",
        path: "root.children[0].treat.fallback", message: "unknown fallback \"zero\"; expected one of log, none"),
    BadYAML(
        name: "unknown transform", yaml: indicator("transform: log2"), at: "5:18", path: "root.children[0].transform",
        message: "unknown transform \"log2\"; expected one of none, ln, log10, sqrt (did you mean \"log10\"?)"),
    BadYAML(
        name: "root and table", yaml: "id: t\ntable: m.csv\nroot:\n  children:\n    - id: a\n", at: "3:1", path: "root",
        message: "root is not used when table gives the tree; remove one of them"),
    BadYAML(
        name: "no root", yaml: "id: t\nscale: 100\n", at: "1:1", path: "",
        message: "missing key root; expected the tree of nodes under root (or table: a flat table)"),
    BadYAML(
        name: "empty children", yaml: "id: t\nroot:\n  children: []\n", at: "3:13", path: "root.children",
        message: "children is an empty list; list at least one node, or remove children to make node \"t\" an indicator"),
    BadYAML(
        name: "scored not a bool", yaml: indicator("scored: maybe"), at: "5:15", path: "root.children[0].scored",
        message: "expected true or false, found \"maybe\""),
    BadYAML(
        name: "denominator is an aggregate",
        yaml: "id: t\nroot:\n  children:\n    - id: p\n      children:\n        - id: a\n          denominate: {by: p}\n",
        at: "7:28", path: "root.children[0].children[0].denominate.by",
        message: "denominate.by \"p\" names an aggregate; expected an indicator id or a unit attribute"),
    BadYAML(
        name: "no scored children",
        yaml: "id: t\nroot:\n  children:\n    - id: a\n    - id: p\n      children:\n        - {id: b, scored: false}\n",
        at: "5:7", path: "root.children[1]",
        message: "node \"p\" has no scored children; mark it scored: false or score a child"),
    BadYAML(
        name: "bands of target without a target",
        yaml: indicator("normalise: {method: bands, of: target, thresholds: [0.5], points: [0, 1]}"), at: "4:7",
        path: "root.children[0]",
        message: "bands of target need a target: give target on node \"a\" or in normalise"),
    BadYAML(
        name: "no scored indicator", yaml: indicator("scored: false"), at: "3:3", path: "root",
        message: "the set has no scored indicator; add nodes without children under root"),
    BadYAML(
        name: "name in an unknown language", yaml: indicator("name: {en: A, fr: B}"), at: "5:21",
        path: "root.children[0].name.fr", message: "unknown key \"fr\"; expected one of en, vi"),
]

@Suite("Criteria YAML errors")
struct CriteriaYAMLErrorTests {
    @Test("a bad snippet reports its place, path and message", arguments: badYAML)
    func badSnippet(_ c: BadYAML) throws {
        let problems = CriteriaFixtures.problems(c.yaml)
        let first = try #require(problems.first, "\(c.name) loaded")
        #expect("\(first.place.line):\(first.place.column)" == c.at)
        #expect(first.place.path == c.path)
        #expect(first.message == c.message)
        #expect(first.place.file == "t.yaml")
        #expect(first.description.hasPrefix("t.yaml:\(c.at)"))
    }

    @Test func atLeastTwentySnippets() {
        #expect(badYAML.count >= 20)
    }

    @Test func duplicateIDsNameBothPlaces() throws {
        let yaml = "id: t\nroot:\n  children:\n    - id: a\n    - id: p\n      children:\n        - id: a\n"
        let problems = CriteriaFixtures.problems(yaml)
        #expect(problems.count == 1)
        let p = try #require(problems.first)
        #expect(p.description == "t.yaml:7:11 (root.children[1].children[0]): id \"a\" is used twice: here and at t.yaml:4:7 (root.children[0])")
    }

    @Test func everyProblemIsCollected() {
        let yaml = "id: t\nroot:\n  children:\n    - id: a\n      weight: 0\n      direction: up\n    - id: b\n      wieght: 1\n"
        let problems = CriteriaFixtures.problems(yaml)
        #expect(problems.map(\.place.line) == [5, 6, 8])
        let error = CriteriaError.invalid(problems)
        #expect(error.description.split(separator: "\n").count == 3)
    }

    @Test func problemsStopAtTheLimit() {
        let nodes = (0..<80).map { "    - {id: n\($0), weight: -1}" }.joined(separator: "\n")
        let problems = CriteriaFixtures.problems("id: t\nroot:\n  children:\n\(nodes)\n")
        #expect(problems.count == 50)
    }

    @Test func geometricWithoutFloorWarns() throws {
        let yaml = "id: t\nroot:\n  aggregate: geometric\n  children:\n    - id: a\n    - {id: b, normalise: rank}\n"
        let loaded = try CriteriaLoader().loadYAML(yaml, file: "t.yaml")
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.severity == .warning)
        #expect(
            loaded.warnings.first?.description
                == "t.yaml:3:3 (root): node \"t\" takes a geometric mean without a floor, but \"a\" can score 0 (normalised by min-max); add aggregate floor (for example 0.01)"
        )
    }
}
