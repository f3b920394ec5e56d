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
