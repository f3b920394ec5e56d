import Foundation

/// Random text and numbers that trouble the file formats the tool writes: XML (`&<>"'`,
/// controls, `_xHHHH_` escapes, `]]>`), YAML (`- `, `: `, ` #`, quotes, `yes`, `null`, leading
/// digits and signs, line separators), CSV (`,;"` and line breaks) and spreadsheets (`=`, `@`,
/// `+`), with Vietnamese letters, an emoji, a combining accent and a byte order mark.
enum HostileText {
    static let pieces: [String] =
        Array("abcxyzABC019 -_.,;:#&*!|>'\"%@`+?=[]{}\\/<>\t\n\r").map(String.init) + [
            "ạ", "đ", "Ư", "ổ", "€", "😀", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}",
            "\u{FEFF}", "e\u{301}", "_x0041_", "_x005F_", "&amp;", "]]>", "- ", ": ", " #", "\r\n",
        ]

    /// Whole texts that mean something else to a reader.
    static let words = [
        "yes", "No", "null", "~", "true", "1.5", "-1", "0x1F", "1e3", ".inf", "=1+1", "@SUM(A1)", "'quoted", " lead",
        "trail ", "Hà Nội", "Đà Nẵng", "a: b", "- item", "#note", "[x]", "{y}", "*ref", "&anchor", "!tag", "|", ">",
    ]

    /// A text of up to `length` pieces (or one of ``words``), NFC as every reader returns it;
    /// empty only when `empty` allows it.
    static func text(_ rng: inout SplitMixRNG, length: Int = 12, empty: Bool = false, from pieces: [String] = pieces) -> String {
        if rng.unit() < 0.15 { return words[rng.below(words.count)] }
        var s = (0..<rng.below(length + 1)).map { _ in pieces[rng.below(pieces.count)] }.joined()
        if s.isEmpty && !empty { s = "x" }
        return s.precomposedStringWithCanonicalMapping
    }

    /// A finite double of any size: random bits, decimals of every magnitude, whole numbers and
    /// the awkward ones (0.1, 1e-7, the smallest subnormal, the largest double).
    static func finite(_ rng: inout SplitMixRNG) -> Double {
        switch rng.below(6) {
        case 0:
            while true {
                let x = Double(bitPattern: rng.next())
                if x.isFinite { return x }
            }
        case 1:
            return [0, 0.1, -0.1, 1e-7, 1e21, 123_456_789.125, .leastNonzeroMagnitude, -.greatestFiniteMagnitude, 1e15, 0.5][rng.below(10)]
        case 2:
            return Double(Int(rng.below(2_000_001)) - 1_000_000)
        default:
            return (rng.unit() * 2 - 1) * pow(10, Double(rng.below(31)) - 15)
        }
    }

    /// A finite double above 0.
    static func positive(_ rng: inout SplitMixRNG) -> Double {
        let x = abs(finite(&rng))
        return x > 0 ? x : 1
    }
}

extension SplitMixRNG {
    /// An integer in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }
}
