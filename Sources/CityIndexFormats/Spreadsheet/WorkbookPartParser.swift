import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the sheet list of `xl/workbook.xml` and the targets of a relationships part.
final class WorkbookPartParser: NSObject, XMLParserDelegate {
    /// `(name, relationship id)` of each sheet, in tab order.
    private(set) var sheets: [(name: String, relationship: String)] = []
    /// Relationship id → target.
    private(set) var targets: [String: String] = [:]

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes: [String: String] = [:]
    ) {
        switch localName(elementName) {
        case "sheet":
            let id = attributes.first { $0.key == "r:id" || $0.key.hasSuffix(":id") }?.value ?? attributes["id"] ?? ""
            sheets.append((attributes["name"] ?? "", id))
        case "Relationship":
            if let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
        default:
            break
        }
    }
}

/// The element name without a namespace prefix.
func localName(_ name: String) -> Substring {
    if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
    return name[...]
}
