/// Escaping text for the XML parts of a workbook, and undoing OOXML's `_xHHHH_` escapes.
enum SpreadsheetXML {
    /// `text` escaped for element content or a double-quoted attribute: `&`, `<`, `>`, `"` as
    /// entities; characters XML 1.0 cannot hold (controls other than tab and LF, CR, lone
    /// surrogates) and a literal `_xHHHH_` written as OOXML `_xHHHH_` escapes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n": out.unicodeScalars.append(s)
            case "_" where looksLikeEscape(scalars, at: i): out += "_x005F_"
            default:
                if s.value < 0x20 || s.value == 0xFFFE || s.value == 0xFFFF {
                    out += "_x" + hex4(s.value) + "_"
                } else {
                    out.unicodeScalars.append(s)
                }
            }
            i += 1
        }
        return out
    }

    /// Whether `_xHHHH_` starts at `i`.
    private static func looksLikeEscape(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < s.count, s[i + 1] == "x", s[i + 6] == "_" else { return false }
        return (i + 2...i + 5).allSatisfy { s[$0].properties.isASCIIHexDigit }
    }

    private static func hex4(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `text` with OOXML `_xHHHH_` escapes turned back into characters.
    static func unescapeOOXML(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if s[i] == "_", looksLikeEscape(s, at: i),
                let v = UInt32(String(String.UnicodeScalarView(s[(i + 2)...(i + 5)])), radix: 16),
                let scalar = Unicode.Scalar(v)
            {
                out.append(scalar)
                i += 7
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(out)
    }
}
