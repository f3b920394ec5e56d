/// Escapes for Markdown written by the reports beyond `Markdown.inline` and `MarkdownTable.escape`.
enum MarkdownText {
    /// Text for a table cell: Markdown punctuation escaped (the table escapes `|`, `<`, `>`
    /// and line breaks itself), so a name can neither format nor link.
    static func cell(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "&", "~", "!": out += "\\" + String(c)
            default: out.append(c)
            }
        }
        return out
    }

    /// A node's name in a table cell, indented by one em space per level and bold for the
    /// index and the pillars (depth ≤ 1).
    ///
    /// The indent stays outside the `**`: CommonMark opens emphasis only when the delimiter is
    /// not followed by whitespace, so `**␣Name**` would print its asterisks.
    static func treeLabel(_ name: String, depth: Int) -> String {
        let indent = String(repeating: "\u{2003}", count: depth)
        let trimmed = name.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
        let text = cell(String(trimmed))
        guard depth <= 1, !text.isEmpty else { return indent + text }
        return indent + "**" + text + "**"
    }

    /// Text for a code span: no backticks, no line breaks.
    static func code(_ text: String) -> String {
        String(text.map { c -> Character in c == "`" ? "'" : (c.isNewline ? " " : c) })
    }

    /// A link in a table cell to a relative `target` (already percent-encoded).
    static func link(_ text: String, _ target: String) -> String { "[\(cell(text))](\(target))" }

    /// A relative path percent-encoded for a Markdown or HTML link (unreserved characters and `/` kept).
    static func encodePath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~/".contains(c)) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
