/// HTML from the Markdown the reports write: ATX headings, paragraphs, nested `-` and `1.`
/// lists, block quotes, GFM tables, images on their own line, and inline code, strong,
/// emphasis, links, backslash escapes, entities and `<sub>`. Every other character that HTML
/// treats specially is escaped, so text from data cannot become markup.
///
/// Images whose path is in `images` are replaced by that SVG markup, inline. With `htmlPages`,
/// relative links to `.md` pages point at the `.html` page written beside them.
struct MarkdownHTML {
    /// Inline SVG documents by the relative path the Markdown links.
    var images: [String: String] = [:]
    /// Whether every linked relative `.md` page is also written as `.html` (so a browser links
    /// to a page it renders rather than to Markdown source).
    var htmlPages = false

    /// The HTML of `markdown`.
    func html(_ markdown: String) -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out = ""
        var k = 0
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { out += "<p>" + inline(paragraph.joined(separator: "\n")) + "</p>\n" }
            paragraph = []
        }
        while k < lines.count {
            let line = lines[k]
            let trimmed = line.trimmingLeadingSpaces
            if trimmed.isEmpty {
                flush()
                k += 1
            } else if let level = headingLevel(line) {
                flush()
                let text = String(line.dropFirst(level + 1))
                out += "<h\(level) id=\"\(slug(text))\">" + inline(text) + "</h\(level)>\n"
                k += 1
            } else if line.hasPrefix("|") {
                flush()
                var block: [String] = []
                while k < lines.count, lines[k].hasPrefix("|") {
                    block.append(lines[k])
                    k += 1
                }
                out += table(block)
            } else if line.hasPrefix(">") {
                flush()
                var block: [String] = []
                while k < lines.count, lines[k].hasPrefix(">") {
                    block.append(String(lines[k].dropFirst(lines[k].hasPrefix("> ") ? 2 : 1)))
                    k += 1
                }
                out += "<blockquote>\n" + html(block.joined(separator: "\n")) + "</blockquote>\n"
            } else if listMarker(trimmed) != nil {
                flush()
                var block: [String] = []
                while k < lines.count, !lines[k].trimmingLeadingSpaces.isEmpty,
                    listMarker(lines[k].trimmingLeadingSpaces) != nil || lines[k].hasPrefix("  ")
                {
                    block.append(lines[k])
                    k += 1
                }
                out += list(block, indent: 0)
            } else if let image = imageLine(trimmed) {
                flush()
                if let svg = images[image.src] {
                    out += "<figure>\n" + svgBody(svg) + "<figcaption>" + inline(image.alt) + "</figcaption>\n</figure>\n"
                } else {
                    out += "<p><img src=\"\(attribute(image.src))\" alt=\"\(attribute(image.alt))\"></p>\n"
                }
                k += 1
            } else {
                paragraph.append(line)
                k += 1
            }
        }
        flush()
        return out
    }

    // MARK: - Blocks

    private func headingLevel(_ line: String) -> Int? {
        var n = 0
        for c in line {
            if c == "#" { n += 1 } else { break }
        }
        guard n >= 1, n <= 6, line.count > n, line[line.index(line.startIndex, offsetBy: n)] == " " else { return nil }
        return n
    }

    /// The marker length of a list item (`- ` or `12. `), nil when the line is not one.
    private func listMarker(_ s: String) -> (ordered: Bool, length: Int)? {
        if s.hasPrefix("- ") { return (false, 2) }
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count < 10, s.dropFirst(digits.count).hasPrefix(". ") { return (true, digits.count + 2) }
        return nil
    }

    private func list(_ lines: [String], indent: Int) -> String {
        guard let first = lines.first, let marker = listMarker(first.trimmingLeadingSpaces) else { return "" }
        let tag = marker.ordered ? "ol" : "ul"
        var out = "<\(tag)>\n"
        var k = 0
        while k < lines.count {
            let item = lines[k].trimmingLeadingSpaces
            let m = listMarker(item)
            let text = m.map { String(item.dropFirst($0.length)) } ?? item
            k += 1
            var children: [String] = []
            while k < lines.count, lines[k].leadingSpaces > indent {
                children.append(lines[k])
                k += 1
            }
            out += "<li>" + inline(text)
            if !children.isEmpty { out += "\n" + list(children, indent: children[0].leadingSpaces) }
            out += "</li>\n"
        }
        return out + "</\(tag)>\n"
    }

    private func table(_ lines: [String]) -> String {
        let rows = lines.map(cells)
        guard rows.count >= 2 else { return "<p>" + inline(lines.joined(separator: " ")) + "</p>\n" }
        let aligns = rows[1].map { spec -> String in
            let s = spec.trimmingCharacters(in: " ")
            if s.hasPrefix(":") && s.hasSuffix(":") { return " style=\"text-align:center\"" }
            if s.hasSuffix(":") { return " class=\"num\"" }
            return ""
        }
        var out = "<div class=\"table\"><table>\n<thead>\n<tr>"
        for (k, c) in rows[0].enumerated() { out += "<th\(k < aligns.count ? aligns[k] : "")>" + inline(c) + "</th>" }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in rows.dropFirst(2) {
            out += "<tr>"
            for k in rows[0].indices {
                out += "<td\(k < aligns.count ? aligns[k] : "")>" + (k < row.count ? inline(row[k]) : "") + "</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }

    /// The cells of a table row: split on unescaped `|`, with `\|` turned back into `|`.
    private func cells(_ line: String) -> [String] {
        var body = Substring(line)
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|") && !body.hasSuffix("\\|") { body = body.dropLast() }
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for c in body {
            if escaped {
                if c == "|" { cell.append("|") } else { cell += "\\" + String(c) }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "|" {
                cells.append(cell.trimmingCharacters(in: " "))
                cell = ""
            } else {
                cell.append(c)
            }
        }
        if escaped { cell.append("\\") }
        cells.append(cell.trimmingCharacters(in: " "))
        return cells
    }

    private func imageLine(_ s: String) -> (alt: String, src: String)? {
        // The last `](`: the alt text may hold an escaped `\](` (a unit named like a link), the
        // percent-encoded path never does.
        guard s.hasPrefix("!["), s.hasSuffix(")"), let close = s.range(of: "](", options: .backwards) else { return nil }
        let alt = String(s[s.index(s.startIndex, offsetBy: 2)..<close.lowerBound])
        let src = String(s[close.upperBound..<s.index(before: s.endIndex)])
        return (alt, src)
    }

    /// An SVG document without its XML prolog, ready to inline.
    private func svgBody(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }

    // MARK: - Inlines

    /// Inline Markdown to HTML.
    func inline(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var open: [String] = []
        var k = 0
        func toggle(_ tag: String) {
            if open.last == tag {
                open.removeLast()
                out += "</\(tag)>"
            } else {
                open.append(tag)
                out += "<\(tag)>"
            }
        }
        while k < chars.count {
            let c = chars[k]
            if c == "\\", k + 1 < chars.count, chars[k + 1].isASCII, chars[k + 1].isPunctuation || chars[k + 1].isSymbol {
                out += escape(chars[k + 1])
                k += 2
            } else if c == "`" {
                if let end = chars[(k + 1)...].firstIndex(of: "`") {
                    out += "<code>" + String(chars[(k + 1)..<end]).map(escape).joined() + "</code>"
                    k = end + 1
                } else {
                    out += "`"
                    k += 1
                }
            } else if c == "*", k + 1 < chars.count, chars[k + 1] == "*" {
                toggle("strong")
                k += 2
            } else if c == "*" {
                toggle("em")
                k += 1
            } else if c == "[", let link = self.link(chars, from: k) {
                out += "<a href=\"\(attribute(link.target))\">" + inline(link.text) + "</a>"
                k = link.end
            } else if c == "&", let entity = self.entity(chars, from: k) {
                out += entity
                k += entity.count
            } else if c == "<", let tag = ["<sub>", "</sub>", "<br>"].first(where: { matches(chars, k, $0) }) {
                out += tag
                k += tag.count
            } else {
                out += escape(c)
                k += 1
            }
        }
        for tag in open.reversed() { out += "</\(tag)>" }
        return out
    }

    private func matches(_ chars: [Character], _ k: Int, _ s: String) -> Bool {
        let p = Array(s)
        return k + p.count <= chars.count && Array(chars[k..<(k + p.count)]) == p
    }

    private func link(_ chars: [Character], from k: Int) -> (text: String, target: String, end: Int)? {
        var j = k + 1
        var depth = 0
        while j < chars.count {
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "[" { depth += 1 }
            if chars[j] == "]" { if depth == 0 { break } else { depth -= 1 } }
            j += 1
        }
        guard j + 1 < chars.count, chars[j] == "]", chars[j + 1] == "(", let close = chars[(j + 2)...].firstIndex(of: ")") else { return nil }
        let target = String(chars[(j + 2)..<close])
        guard !target.contains(" "), !target.lowercased().hasPrefix("javascript:") else { return nil }
        var href = target
        if htmlPages, href.hasSuffix(".md"), !href.contains(":"), !href.hasPrefix("/") { href = String(href.dropLast(3)) + ".html" }
        return (String(chars[(k + 1)..<j]), href, close + 1)
    }

    /// A character entity already written in the Markdown (`&lt;`, `&#39;`), passed through.
    private func entity(_ chars: [Character], from k: Int) -> String? {
        var j = k + 1
        while j < chars.count, j - k < 10, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber || chars[j] == "#" { j += 1 }
        guard j < chars.count, chars[j] == ";", j > k + 1 else { return nil }
        return String(chars[k...j])
    }

    private func escape(_ c: Character) -> String {
        switch c {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        case "'": "&#39;"
        default: String(c)
        }
    }

    private func attribute(_ s: String) -> String { s.map(escape).joined() }

    private func slug(_ s: String) -> String {
        let words = s.lowercased().split { !($0.isLetter || $0.isNumber) }
        return words.joined(separator: "-")
    }
}

extension String {
    fileprivate var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
    fileprivate var leadingSpaces: Int { prefix { $0 == " " }.count }
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
