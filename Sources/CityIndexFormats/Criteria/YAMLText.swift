/// Spelling of scalars in the YAML the writer produces.
enum YAMLText {
    /// Words a YAML 1.1 or 1.2 reader would take for something other than text.
    private static let reserved: Set<String> = [
        "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf",
    ]

    /// `s` plain when that reads back as the same text inside block and flow collections, else double-quoted.
    static func scalar(_ s: String) -> String {
        needsQuotes(s) ? quoted(s) : s
    }

    private static func needsQuotes(_ s: String) -> Bool {
        if reserved.contains(s.lowercased()) { return true }
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return true }
        if "-?:,[]{}#&*!|>'\"%@`+.0123456789 \t".unicodeScalars.contains(first) { return true }
        if last == " " || last == "\t" || last == ":" { return true }
        if s.contains(": ") || s.contains(" #") { return true }
        return s.unicodeScalars.contains { c in
            c.value < 0x20 || c.value == 0x7F || ",[]{}\"\\".unicodeScalars.contains(c) || c.value == 0x85
                || c.value == 0x2028 || c.value == 0x2029 || c.value == 0xFEFF
        }
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
                if c.value < 0x20 || c.value == 0x7F || c.value == 0x85 || c.value == 0x2028 || c.value == 0x2029
                    || c.value == 0xFEFF
                {
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
