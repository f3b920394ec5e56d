import CityIndexCore
import Yams

/// Reads typed values out of YAML nodes, recording a problem with its place for every
/// value that is not what was expected.
struct YAMLNodeReader {
    /// Problems found so far.
    var log: ProblemLog
    /// The names of indicators and unit attributes referred to, with their places.
    var references: [NameReference] = []
    /// The set's language: the language of a text given without `{en, vi}`.
    var language: Language = .en

    init(limit: Int) { log = ProblemLog(limit: limit) }

    /// The entries of a mapping whose keys must be among `known`; `aliases` maps other
    /// spellings (`normalize`) to a known key. Unknown keys are reported with a suggestion.
    mutating func fields(
        _ v: YAMLValue, known: [String], aliases: [String: String] = [:], what: String
    ) -> YAMLFields? {
        guard case .mapping(let mapping) = v.node else {
            log.error(v.place, "expected \(what) (a mapping), found \(v.found)")
            return nil
        }
        var fields = YAMLFields(mapping: v)
        for (keyNode, valueNode) in mapping {
            let keyValue = v.at(keyNode)
            guard case .scalar(let scalar) = keyNode else {
                log.error(keyValue.place, "expected a key, found \(keyValue.found)")
                continue
            }
            let written = scalar.string
            let key = aliases[written] ?? written
            let keyPlace = v.child(keyNode, path: written).place
            guard known.contains(key) else {
                log.error(keyPlace, Wording.unknown("key", written, expected: known))
                continue
            }
            if fields[key] != nil {
                log.error(keyPlace, "\(written) is given twice (as \(key) and another spelling); keep one")
                continue
            }
            fields.add(key: key, keyPlace: keyPlace, value: v.child(valueNode, path: written))
        }
        return fields
    }

    /// A non-empty scalar text.
    mutating func string(_ v: YAMLValue, what: String = "a text") -> String? {
        guard let text = v.text, !text.isEmpty else {
            log.error(v.place, "expected \(what), found \(v.found)")
            return nil
        }
        return text
    }

    /// A finite number.
    mutating func number(_ v: YAMLValue) -> Double? {
        guard let text = v.text, let x = Double(text.trimmingSpaces), x.isFinite else {
            log.error(v.place, "expected a number, found \(v.found)")
            return nil
        }
        return x
    }

    /// A number above zero.
    mutating func positive(_ v: YAMLValue) -> Double? {
        guard let x = number(v) else { return nil }
        guard x > 0 else {
            log.error(v.place, "expected a number above 0, found \(v.text ?? Wording.number(x))")
            return nil
        }
        return x
    }

    /// A number from 0 to 1.
    mutating func fraction(_ v: YAMLValue) -> Double? {
        guard let x = number(v) else { return nil }
        guard x >= 0, x <= 1 else {
            log.error(v.place, "expected a share from 0 to 1, found \(v.text ?? Wording.number(x))")
            return nil
        }
        return x
    }

    /// A whole number in `range`.
    mutating func integer(_ v: YAMLValue, in range: ClosedRange<Int>) -> Int? {
        guard let text = v.text, let n = Int(text.trimmingSpaces), range.contains(n) else {
            log.error(v.place, "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(v.found)")
            return nil
        }
        return n
    }

    /// `true` or `false` (also `yes`/`no`).
    mutating func bool(_ v: YAMLValue) -> Bool? {
        switch v.text?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            log.error(v.place, "expected true or false, found \(v.found)")
            return nil
        }
    }

    /// One of the raw values of `E` (or an alias of one), named `what` in messages.
    mutating func choice<E: RawRepresentable & CaseIterable>(
        _ v: YAMLValue, _ what: String, aliases: [String: String] = [:]
    ) -> E? where E.RawValue == String {
        let names = E.allCases.map(\.rawValue)
        return choice(v, what, among: names, aliases: aliases).flatMap(E.init(rawValue:))
    }

    /// One of `names` (or an alias of one), named `what` in messages.
    mutating func choice(_ v: YAMLValue, _ what: String, among names: [String], aliases: [String: String] = [:]) -> String? {
        guard let text = v.text, !text.isEmpty else {
            log.error(v.place, "expected \(what): one of \(Wording.list(names)), found \(v.found)")
            return nil
        }
        let name = aliases[text] ?? text
        guard names.contains(name) else {
            log.error(v.place, Wording.unknown(what, text, expected: names))
            return nil
        }
        return name
    }

    /// The value of `key` in mapping `v`, without checking other keys (they are checked where
    /// the mapping is read in full).
    func peek(_ v: YAMLValue, _ key: String) -> YAMLValue? {
        guard case .mapping(let mapping) = v.node else { return nil }
        for (keyNode, valueNode) in mapping {
            if case .scalar(let scalar) = keyNode, scalar.string == key { return v.child(valueNode, path: key) }
        }
        return nil
    }

    /// A list of texts.
    mutating func strings(_ v: YAMLValue, what: String) -> [String]? {
        guard case .sequence(let sequence) = v.node else {
            log.error(v.place, "expected a list of \(what), found \(v.found)")
            return nil
        }
        var out: [String] = []
        for (i, item) in sequence.enumerated() {
            guard let s = string(v.child(item, path: "[\(i)]"), what: what) else { return nil }
            out.append(s)
        }
        return out
    }

    /// A list of numbers.
    mutating func numbers(_ v: YAMLValue) -> [Double]? {
        guard case .sequence(let sequence) = v.node else {
            log.error(v.place, "expected a list of numbers, found \(v.found)")
            return nil
        }
        var out: [Double] = []
        var ok = true
        for (i, item) in sequence.enumerated() {
            if let x = number(v.child(item, path: "[\(i)]")) { out.append(x) } else { ok = false }
        }
        return ok ? out : nil
    }

    /// `{en: …, vi: …}` or a plain text, which is taken as `language`; `what` names the text in
    /// problems (`a name`, `a unit of measure`).
    mutating func localized(_ v: YAMLValue, language: Language, what: String = "a name") -> LocalizedText? {
        if case .mapping = v.node {
            guard let f = fields(v, known: ["en", "vi"], what: "\(what) in en and/or vi") else { return nil }
            var text = LocalizedText()
            if let en = f["en"] { text.en = string(en) }
            if let vi = f["vi"] { text.vi = string(vi) }
            return text
        }
        guard let s = string(v, what: "a text or {en: …, vi: …}") else { return nil }
        return language == .vi ? LocalizedText(vi: s) : LocalizedText(en: s)
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
