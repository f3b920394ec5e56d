/// A GitHub-flavoured Markdown table whose cells cannot break the table.
public struct MarkdownTable: Sendable {
    /// Column alignment.
    public enum Alignment: Sendable { case left, right, center }

    /// The header cells.
    public var header: [String]
    /// The alignment of each column.
    public var alignments: [Alignment]
    /// The rows.
    public var rows: [[String]] = []

    /// Creates an empty table; columns default to left alignment.
    public init(header: [String], alignments: [Alignment]? = nil) {
        self.header = header
        self.alignments = alignments ?? header.map { _ in .left }
    }

    /// Adds a row (missing cells are empty, extra cells dropped).
    public mutating func append(_ row: [String]) {
        var r = Array(row.prefix(header.count))
        while r.count < header.count { r.append("") }
        rows.append(r)
    }

    /// The table as Markdown text, ending with a line break.
    public var text: String {
        func line(_ cells: [String]) -> String { "| " + cells.map(Self.escape).joined(separator: " | ") + " |" }
        var out = line(header) + "\n"
        out += "|" + alignments.map { a -> String in
            switch a {
            case .left: return " --- "
            case .right: return " ---: "
            case .center: return " :---: "
            }
        }.joined(separator: "|") + "|\n"
        for r in rows { out += line(r) + "\n" }
        return out
    }

    /// A cell's text made safe for a table: `|` escaped, line breaks as spaces, HTML inert.
    public static func escape(_ cell: String) -> String {
        var out = ""
        for c in cell {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }
}

/// Markdown text helpers.
public enum Markdown {
    /// Text made inert in running Markdown: emphasis, code, links and HTML characters escaped.
    public static func inline(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "#", "|": out += "\\" + String(c)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
