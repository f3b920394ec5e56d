import CityIndexCore
import CityIndexReports
import Foundation
import Testing

/// report.html links each unit's profile to a page a browser renders: `profiles/<code>.html`,
/// written beside `profiles/<code>.md` with the radar chart inline.
@Suite struct ProfilePagesTests {
    /// The `href` targets of an HTML page.
    static func links(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }

    @Test(arguments: [Language.vi, .en])
    func reportHTMLLinksProfilePagesThatExist(language: Language) throws {
        let result = try ReportFixture.result()
        let files = ReportBundle(result: result, options: options(language)).files
        let names = Set(files.map(\.name))
        let page = String(decoding: try #require(files.first { $0.name == "report.html" }).bytes, as: UTF8.self)
        let links = Self.links(page)
        #expect(Set(links).count >= result.rankedCount)  // each ranked unit's name in the ranking
        for link in links {
            #expect(!link.hasSuffix(".md"), "\(link): a browser shows Markdown as source")
            #expect(link.hasPrefix("profiles/") && link.hasSuffix(".html"), "\(link)")
            #expect(names.contains(link.removingPercentEncoding ?? link), "\(link) is not written")
        }
        // report.md keeps linking the Markdown profiles.
        let md = String(decoding: try #require(files.first { $0.name == "report.md" }).bytes, as: UTF8.self)
        #expect(md.contains("](profiles/01.md)"))
        // Every profile is written both ways; the page inlines its radar chart and loads nothing.
        for u in result.units.indices {
            let code = ReportBundle.safeComponent(result.units[u].code)
            #expect(names.contains("profiles/\(code).md"))
            let html = try #require(files.first { $0.name == "profiles/\(code).html" }, "profiles/\(code).html")
            let text = String(decoding: html.bytes, as: UTF8.self)
            #expect(text.hasPrefix("<!DOCTYPE html>"))
            #expect(!text.contains("<img") && !text.contains("<script"))
            #expect(text.contains("<svg") == result.isRanked(u))
            #expect(text.contains("<table>"))
        }
    }

    @Test func withoutHTMLNoProfilePages() throws {
        let result = try ReportFixture.result()
        var opts = options(.en)
        opts.html = false
        let names = ReportBundle(result: result, options: opts).files.map(\.name)
        #expect(names.contains("profiles/01.md"))
        #expect(!names.contains { $0.hasSuffix(".html") })
    }
}
