import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the cells of one `xl/worksheets/sheetN.xml` into rows, resolving shared strings.
final class WorksheetParser: NSObject, XMLParserDelegate {
    private let sharedStrings: [String]
    private let limits: XLSXReadLimits
    /// The first problem met (the parse is aborted then).
    private(set) var problem: (row: Int, column: Int, reason: String)?
    private(set) var tooLarge = false
    private(set) var rows: [XLSXTableRow] = []

    private var rowNumber = 0
    private var cells: [XLSXCellValue] = []
    private var column = 0
    private var type = ""
    private var value = ""
    private var inlineText = ""
    private var inValue = false
    private var inInlineText = false

    init(sharedStrings: [String], limits: XLSXReadLimits) {
        self.sharedStrings = sharedStrings
        self.limits = limits
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes: [String: String] = [:]
    ) {
        switch localName(elementName) {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells = []
            column = 0
            if rowNumber > limits.maxRows {
                tooLarge = true
                parser.abortParsing()
            }
        case "c":
            if let ref = attributes["r"], let place = CellReference.parse(ref) {
                column = place.column
            } else {
                column += 1
            }
            if column > limits.maxColumns {
                tooLarge = true
                parser.abortParsing()
            }
            type = attributes["t"] ?? "n"
            value = ""
            inlineText = ""
        case "v": inValue = true
        case "t": inInlineText = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch localName(elementName) {
        case "v": inValue = false
        case "t": inInlineText = false
        case "c": endCell(parser)
        case "row":
            while cells.last == .empty { cells.removeLast() }
            if !cells.isEmpty { rows.append(XLSXTableRow(number: rowNumber, cells: cells)) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue {
            value += string
        } else if inInlineText {
            inlineText += string
        }
    }

    private func endCell(_ parser: XMLParser) {
        let cell: XLSXCellValue
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        switch type {
        case "s":
            guard let i = Int(trimmed), sharedStrings.indices.contains(i) else {
                fail(parser, "shared string \"\(trimmed)\" does not exist")
                return
            }
            cell = sharedStrings[i].isEmpty ? .empty : .text(sharedStrings[i])
        case "inlineStr":
            let text = SpreadsheetXML.unescapeOOXML(inlineText).precomposedStringWithCanonicalMapping
            cell = text.isEmpty ? .empty : .text(text)
        case "str", "d":
            let text = SpreadsheetXML.unescapeOOXML(value).precomposedStringWithCanonicalMapping
            cell = text.isEmpty ? .empty : .text(text)
        case "b":
            cell = trimmed.isEmpty ? .empty : .bool(trimmed == "1" || trimmed.lowercased() == "true")
        case "e":
            cell = .error(trimmed)
        default:
            if trimmed.isEmpty {
                cell = .empty
            } else if let number = Double(trimmed), number.isFinite {
                cell = .number(number)
            } else {
                fail(parser, "\"\(trimmed)\" is stored as a number but is not one")
                return
            }
        }
        guard column >= 1 else { return }
        if cells.count < column { cells += Array(repeating: .empty, count: column - cells.count) }
        cells[column - 1] = cell
    }

    private func fail(_ parser: XMLParser, _ reason: String) {
        if problem == nil { problem = (rowNumber, max(column, 1), reason) }
        parser.abortParsing()
    }
}
