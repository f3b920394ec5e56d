/// Spelling of scalars in the YAML the writer produces.
enum YAMLText {
    /// Words a YAML 1.1 or 1.2 reader (or `Double(_:)`) would take for something other than
    /// text, compared in lower case.
    private static let reserved: Set<String> = [
        "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf", "+.inf",
        "nan", "inf", "infinity", "-inf", "+inf", "<<", "=",
    ]

    /// Scalars that may not start a plain scalar: YAML indicators (`-?:,[]{}#&*!|>'"%@` and
    /// backquote), the merge key's `<`, and the start of every number (`+`, `.`, digits).
    private static let leading = Set("-?:,[]{}#&*!|>'\"%@`<+.0123456789".unicodeScalars)

    /// Scalars that are never left plain anywhere in the text: flow indicators (which end a
    /// plain scalar inside `{…}` and `[…]`), `:` (a value indicator before a space, and
    /// refused before `?` or a flow indicator in flow context), `#` (a comment after a space),
    /// and the quote and escape characters.
    private static let inside = Set(":#,[]{}\"\\".unicodeScalars)

    /// `s` plain when that reads back as the same text inside block and flow collections, else double-quoted.
    static func scalar(_ s: String) -> String {
        needsQuotes(s) ? quoted(s) : s
    }

    /// Whether `s` must be double-quoted. Conservative: plain only for text that is no reserved
    /// word, does not start with an indicator or a number's first character, has no whitespace
    /// at either end, and holds none of ``inside``, no whitespace but the space, and nothing
    /// that must be escaped.
    ///
    /// - Complexity: O(s.unicodeScalars.count).
    static func needsQuotes(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return true }
        if reserved.contains(s.lowercased()) { return true }
        if leading.contains(first) || first.properties.isWhitespace || last.properties.isWhitespace { return true }
        return s.unicodeScalars.contains { c in inside.contains(c) || mustEscape(c) || c.properties.isWhitespace && c != " " }
    }

    /// Whether `c` is written as an escape inside double quotes: C0 and C1 controls, DEL,
    /// U+FFFE and U+FFFF (the YAML reader refuses these anywhere in the file, even between
    /// quotes), the line and paragraph separators (folded as line breaks) and the byte order mark.
    static func mustEscape(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x20 || (0x7F...0x9F).contains(c.value) || c.value == 0x2028 || c.value == 0x2029
            || c.value == 0xFEFF || c.value == 0xFFFE || c.value == 0xFFFF
    }

    /// `"…"` with YAML escapes.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if mustEscape(c) {
                    let hex = String(c.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }

    /// A number that reads back as the same `Double`: `20`, `0.33`, `75000`, `1e-07`.
    static func number(_ x: Double) -> String { Wording.number(x) }

    /// `{a: 1, b: x}` from pairs already spelled.
    static func flow(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// `[1, 2, 3]`.
    static func list(_ xs: [Double]) -> String {
        "[" + xs.map(number).joined(separator: ", ") + "]"
    }
}
