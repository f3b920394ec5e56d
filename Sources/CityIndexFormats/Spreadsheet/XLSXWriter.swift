import Foundation
import ZIPFoundation

/// Writes a minimal, valid Office Open XML workbook (.xlsx) from ``XLSXSheet``s.
///
/// The parts are `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml`,
/// `xl/_rels/workbook.xml.rels`, `xl/styles.xml`, `xl/sharedStrings.xml` and one
/// `xl/worksheets/sheetN.xml` per sheet. Text is UTF-8 and XML-escaped, numbers are numeric
/// cells with a number format, the header row is bold and frozen, column widths fit the
/// contents. The same sheets always give the same bytes (entries in a fixed order with a fixed date).
///
/// ```swift
/// var book = XLSXWriter()
/// book.add(XLSXSheet(name: "ranking", header: ["unit", "score"], rows: [[.text("HN"), .number(72.5, decimals: 2)]]))
/// try book.write(toFile: "report.xlsx")
/// ```
public struct XLSXWriter: Sendable {
    /// The sheets, in tab order.
    public private(set) var sheets: [XLSXSheet] = []

    /// Starts an empty workbook.
    public init() {}

    /// Appends a sheet; a name already used gets a numeric suffix.
    public mutating func add(_ sheet: XLSXSheet) {
        var sheet = sheet
        let base = sheet.safeName
        var name = base
        var k = 2
        while sheets.contains(where: { $0.name.lowercased() == name.lowercased() }) {
            name = String(base.prefix(28)) + "_\(k)"
            k += 1
        }
        sheet.name = name
        sheets.append(sheet)
    }

    /// The workbook's bytes.
    ///
    /// - Throws: ``XLSXError/cannotAccess(file:reason:)`` when the ZIP container cannot be built.
    /// - Complexity: O(total size of the cells).
    public func bytes() throws(XLSXError) -> [UInt8] {
        try Self.zip(parts())
    }

    /// The workbook's parts (path, XML), in the order they are zipped.
    func parts() -> [(String, String)] {
        var strings = SharedStringTable()
        var styles = XLSXStyles()
        var parts: [(String, String)] = []
        let sheetParts = sheets.enumerated().map { i, sheet in
            ("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet, selected: i == 0, strings: &strings, styles: &styles))
        }
        parts.append(("[Content_Types].xml", contentTypes()))
        parts.append(("_rels/.rels", Self.packageRelationships))
        parts.append(("xl/workbook.xml", workbook()))
        parts.append(("xl/_rels/workbook.xml.rels", workbookRelationships()))
        parts.append(("xl/styles.xml", styles.xml))
        parts.append(("xl/sharedStrings.xml", strings.xml))
        parts += sheetParts
        return parts
    }

    /// Writes the workbook to `path` atomically.
    ///
    /// - Throws: ``XLSXError/cannotAccess(file:reason:)``.
    public func write(toFile path: String) throws(XLSXError) {
        let data = try bytes()
        do {
            try Data(data).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .cannotAccess(file: path, reason: error.localizedDescription)
        }
    }

    // MARK: - Parts

    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"

    private static let packageRelationships = header
        + "<Relationships xmlns=\"\(packageRelNS)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relNS)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private func contentTypes() -> String {
        let ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var xml = Self.header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(ct).sheet.main+xml\"/>"
        for i in sheets.indices {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"\(ct).worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(ct).styles+xml\"/>"
        xml += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(ct).sharedStrings+xml\"/>"
        return xml + "</Types>"
    }

    private func workbook() -> String {
        var xml = Self.header + "<workbook xmlns=\"\(Self.mainNS)\" xmlns:r=\"\(Self.relNS)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (i, sheet) in sheets.enumerated() {
            xml += "<sheet name=\"\(SpreadsheetXML.escape(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    private func workbookRelationships() -> String {
        var xml = Self.header + "<Relationships xmlns=\"\(Self.packageRelNS)\">"
        for i in sheets.indices {
            xml += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(Self.relNS)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        let n = sheets.count
        xml += "<Relationship Id=\"rId\(n + 1)\" Type=\"\(Self.relNS)/styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId\(n + 2)\" Type=\"\(Self.relNS)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return xml + "</Relationships>"
    }

    private func worksheet(_ sheet: XLSXSheet, selected: Bool, strings: inout SharedStringTable, styles: inout XLSXStyles) -> String {
        let titles = sheet.titleRows.count
        let headerRow = sheet.header.isEmpty ? nil : titles
        let allRows: [[CSVCell]] = sheet.titleRows + (sheet.header.isEmpty ? [] : [sheet.header.map { CSVCell.text($0) }]) + sheet.rows
        let columnCount = allRows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columnCount)
        for (r, row) in allRows.enumerated() {
            for (c, cell) in row.enumerated() {
                let bold = r == headerRow
                // Title rows above the header may hold long labels: they do not widen the columns past 30.
                let length = r < titles ? min(Self.displayLength(cell), 30) : Self.displayLength(cell)
                widths[c] = max(widths[c], length + (bold ? 1 : 0))
            }
        }
        var xml = Self.header + "<worksheet xmlns=\"\(Self.mainNS)\" xmlns:r=\"\(Self.relNS)\">"
        let last = max(allRows.count, 1)
        xml += "<dimension ref=\"A1" + (columnCount > 0 ? ":" + CellReference.name(row: last, column: columnCount) : "") + "\"/>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"" + (selected ? " tabSelected=\"1\"" : "") + ">"
        if let headerRow {
            let first = headerRow + 2
            xml += "<pane ySplit=\"\(headerRow + 1)\" topLeftCell=\"A\(first)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            xml += "<selection pane=\"bottomLeft\" activeCell=\"A\(first)\" sqref=\"A\(first)\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if columnCount > 0 {
            xml += "<cols>"
            for (c, w) in widths.enumerated() {
                let width = Double(min(max(w, 6) + 2, 60))
                xml += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(Int(width))\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (r, row) in allRows.enumerated() {
            let isHeader = r == headerRow
            xml += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = CellReference.name(row: r + 1, column: c + 1)
                switch cell {
                case .empty:
                    continue
                case .text(let text):
                    let style = isHeader ? " s=\"\(styles.headerStyle)\"" : r < titles ? " s=\"\(styles.wrapStyle())\"" : ""
                    xml += "<c r=\"\(ref)\" t=\"s\"\(style)><v>\(strings.index(of: text))</v></c>"
                case .integer(let value):
                    xml += "<c r=\"\(ref)\" s=\"\(styles.style(decimals: 0))\"><v>\(value)</v></c>"
                case .number(let value, let decimals):
                    guard value.isFinite else { continue }
                    let stored = decimals.map { Self.rounded(value, decimals: $0) } ?? value
                    let style = decimals.map { " s=\"\(styles.style(decimals: $0))\"" } ?? ""
                    xml += "<c r=\"\(ref)\"\(style)><v>\(Self.numberText(stored))</v></c>"
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// The characters a cell shows (its longest line), for the column width.
    static func displayLength(_ cell: CSVCell) -> Int {
        switch cell {
        case .empty: return 0
        case .integer(let v): return String(v).count
        case .number(let v, let d): return CSVWriter.format(v, decimals: d).count
        case .text(let t): return t.split(whereSeparator: \.isNewline).map(\.count).max() ?? 0
        }
    }

    /// `value` rounded to `decimals` exactly as the CSV writer prints it, so both files hold the same number.
    static func rounded(_ value: Double, decimals: Int) -> Double {
        Double(CSVWriter.format(value, decimals: decimals)) ?? value
    }

    /// The shortest text that reads back as `value` (an xsd:double).
    static func numberText(_ value: Double) -> String {
        let text = CSVWriter.format(value, decimals: nil)
        return text.isEmpty ? "0" : text
    }

    // MARK: - Container

    /// The fixed date of every entry (1 January 2000, 00:00 local time) for byte-identical output.
    private static var entryDate: Date {
        var components = DateComponents()
        components.year = 2000
        components.month = 1
        components.day = 1
        return Calendar(identifier: .gregorian).date(from: components) ?? Date(timeIntervalSince1970: 946_684_800)
    }

    static func zip(_ parts: [(String, String)]) throws(XLSXError) -> [UInt8] {
        do {
            let archive = try Archive(accessMode: .create)
            let date = entryDate
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
                }
            }
            guard let data = archive.data else {
                throw XLSXError.cannotAccess(file: "workbook", reason: "the ZIP container was not built")
            }
            return [UInt8](data)
        } catch let error as XLSXError {
            throw error
        } catch {
            throw .cannotAccess(file: "workbook", reason: "\(error)")
        }
    }
}
