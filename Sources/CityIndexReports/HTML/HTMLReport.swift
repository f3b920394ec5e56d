/// `report.html`: the Markdown report as one self-contained page, charts inline as SVG,
/// styles inline, printable (`@media print`); no scripts, no external resources.
public struct HTMLReport: Sendable {
    /// The page title.
    public var title: String
    /// The Markdown to render (the text of `report.md`).
    public var markdown: String
    /// SVG documents by the relative path the Markdown links them with.
    public var charts: [String: String]
    /// The page language (`vi`, `en`).
    public var language: String
    /// Whether the relative `.md` pages the Markdown links (unit profiles) are written as
    /// `.html` too: links then point at the `.html` page, which a browser renders.
    public var linksHTMLPages: Bool

    /// Creates the page.
    public init(title: String, markdown: String, charts: [String: String], language: String, linksHTMLPages: Bool = false) {
        self.title = title
        self.markdown = markdown
        self.charts = charts
        self.language = language
        self.linksHTMLPages = linksHTMLPages
    }

    /// The whole HTML document.
    public var text: String {
        let body = MarkdownHTML(images: charts, htmlPages: linksHTMLPages).html(markdown)
        return """
            <!DOCTYPE html>
            <html lang="\(SVGMarkup.escape(language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(SVGMarkup.escape(title))</title>
            <style>
            \(Self.css)
            </style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }

    static let css = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #1d1d1f; background: #fff; margin: 0; line-height: 1.45; }
        main { max-width: 1100px; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
        h1 { font-size: 1.7rem; margin: 0 0 .8rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; } h3 { font-size: 1.08rem; margin-top: 1.4rem; }
        .table { overflow-x: auto; margin: .6rem 0 1rem; }
        table { border-collapse: collapse; font-size: .88rem; }
        th, td { border: 1px solid #d8d8d8; padding: .25rem .5rem; vertical-align: top; }
        th { background: #f3f5f8; text-align: left; }
        tbody tr:nth-child(even) { background: #fafbfc; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .86em; background: #f3f3f3; padding: 0 .2em; border-radius: 3px; }
        blockquote { margin: .8rem 0; padding: .4rem .9rem; border-left: 4px solid #e0a800; background: #fff8e1; }
        figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; } figcaption { font-size: .85rem; color: #555; }
        sub { color: #666; }
        a { color: #0b5cad; }
        @media print {
          body { font-size: 10pt; } main { max-width: none; padding: 0; }
          h2 { break-after: avoid; page-break-after: avoid; } figure, tr { break-inside: avoid; page-break-inside: avoid; }
          .table { overflow: visible; } thead { display: table-header-group; }
          a { color: inherit; text-decoration: none; } blockquote { background: none; }
        }
        """
}
