import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads `xl/sharedStrings.xml`: the text of each `<si>`, rich-text runs joined, phonetic runs skipped.
final class SharedStringsParser: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phonetic = 0

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes: [String: String] = [:]
    ) {
        switch localName(elementName) {
        case "si": current = ""
        case "t": inText = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch localName(elementName) {
        case "si": strings.append(SpreadsheetXML.unescapeOOXML(current).precomposedStringWithCanonicalMapping)
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}
