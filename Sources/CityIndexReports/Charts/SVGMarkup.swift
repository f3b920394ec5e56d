import Foundation

/// The pieces every chart shares: escaping, number formatting, fonts, text width, colours.
enum SVGMarkup {
    /// System fonts only (no downloads); the list covers Vietnamese diacritics on every platform.
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"

    /// Colour-blind-safe series colours (Okabe-Ito), in pillar order.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6D1F", "#444444"]

    /// Text made safe inside an element or a double- or single-quoted attribute; control characters dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\r", "\r\n", "\t": out += " "
            default:
                if let a = c.asciiValue, a < 32 || a == 127 { continue }
                out.append(c)
            }
        }
        return out
    }

    /// A coordinate with one decimal, the same bytes on every platform.
    static func n(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let tenths = (x * 10).rounded()
        guard tenths.magnitude < 1e15 else { return String(format: "%.0f", tenths / 10) }
        let t = Int(tenths)
        let whole = String(t.magnitude / 10)
        if t % 10 == 0 { return t < 0 ? "-" + whole : whole }
        return (t < 0 ? "-" : "") + whole + "." + String(t.magnitude % 10)
    }

    /// The estimated width of `text` at `size` px in a sans-serif font (no font metrics at hand:
    /// a per-character estimate that errs wide).
    static func textWidth(_ text: String, size: Double) -> Double {
        var em = 0.0
        for c in text {
            if c == " " { em += 0.3 } else if "iljtfrI.,:;'|!()".contains(c) { em += 0.32 } else if "mwMW@".contains(c) { em += 0.9 } else if c.isUppercase { em += 0.68 } else if c.isNumber { em += 0.57 } else { em += 0.56 }
        }
        return em * size * 1.08
    }

    /// `text` broken into lines of at most `width` px at `size` (words kept whole), at most `maxLines`
    /// (the last one shortened with an ellipsis).
    static func wrap(_ text: String, width: Double, size: Double, maxLines: Int = 3) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ").map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if textWidth(candidate, size: size) <= width || line.isEmpty {
                line = candidate
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty { lines.append(line) }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] += " …"
        }
        return lines
    }

    /// The opening of a standalone SVG document with a title (read by screen readers) and base styles.
    static func open(width: Double, height: Double, title: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" viewBox="0 0 \(n(width)) \(n(height))" role="img" font-family="\(fontFamily)" font-size="12">
        <title>\(escape(title))</title>
        <rect x="0" y="0" width="\(n(width))" height="\(n(height))" fill="#ffffff"/>

        """
    }

    /// A text element; `anchor` is start, middle or end.
    static func text(_ s: String, x: Double, y: Double, size: Double = 12, anchor: String = "start", weight: String? = nil, fill: String = "#222222") -> String {
        let w = weight.map { " font-weight=\"\($0)\"" } ?? ""
        return "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\"\(w)>\(escape(s))</text>\n"
    }

    /// A colour between light yellow (t = 0) and dark blue (t = 1) (a viridis-like ramp).
    static func ramp(_ t: Double) -> String {
        let stops: [(Double, Double, Double)] = [(253, 231, 37), (94, 201, 98), (33, 145, 140), (59, 82, 139), (68, 1, 84)]
        let x = min(max(t.isFinite ? t : 0, 0), 1) * Double(stops.count - 1)
        let k = min(Int(x), stops.count - 2)
        let f = x - Double(k)
        let (a, b) = (stops[k], stops[k + 1])
        func mix(_ p: Double, _ q: Double) -> Int { Int((p + (q - p) * f).rounded()) }
        return "#" + [mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2)].map(hex).joined()
    }

    /// Two upper-case hexadecimal digits of `v` (0-255).
    private static func hex(_ v: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        let b = min(max(v, 0), 255)
        return String([digits[b >> 4], digits[b & 15]])
    }
}
