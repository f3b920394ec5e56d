import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the sheets of an Office Open XML workbook (.xlsx), such as Excel or LibreOffice save.
///
/// Numbers, shared strings, inline strings, formula text results, booleans, errors and empty
/// cells are read; formulas are not evaluated (the value the spreadsheet saved is used). Every
/// part is checked against ``XLSXReadLimits`` before it is unpacked, so a "zip bomb" is refused
/// with an error instead of filling memory.
///
/// ```swift
/// let book = try XLSXReader(path: "data.xlsx")
/// book.sheetNames                       // ["Data", "Notes"]
/// let table = try book.table(sheet: nil) // the first sheet
/// for row in table.rows { print(row.number, row.cells) }
/// ```
public struct XLSXReader {
    /// The file name used in messages.
    public let file: String
    /// The sheet names, in tab order.
    public let sheetNames: [String]
    /// The limits in force.
    public let limits: XLSXReadLimits

    private let archive: Archive
    /// The part path of each sheet, in tab order.
    private let sheetParts: [String]

    /// Opens the workbook at `path`.
    ///
    /// - Throws: ``XLSXError``.
    public init(path: String, limits: XLSXReadLimits = XLSXReadLimits()) throws(XLSXError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .cannotAccess(file: path, reason: exists ? "not readable" : "no such file")
        }
        try self.init(data: data, name: path, limits: limits)
    }

    /// Opens a workbook held in memory; `name` names it in messages.
    ///
    /// - Throws: ``XLSXError``.
    public init(data: Data, name: String, limits: XLSXReadLimits = XLSXReadLimits()) throws(XLSXError) {
        file = name
        self.limits = limits
        guard data.count >= 4, data.prefix(2) == Data([0x50, 0x4B]) else {
            throw .notAWorkbook(file: name, reason: "it does not start like a ZIP container")
        }
        try ZIPStructure.validate(data, file: name)
        do {
            // A file-backed archive: ZIPFoundation's in-memory backend traps on damaged offsets
            // and leaks its buffer when opening fails part-way (both found by the fuzzer).
            let temporary = FileManager.default.temporaryDirectory
                .appendingPathComponent("cityindex-\(UUID().uuidString).xlsx")
            try data.write(to: temporary)
            defer { try? FileManager.default.removeItem(at: temporary) }
            archive = try Archive(url: temporary, accessMode: .read)
        } catch {
            throw .notAWorkbook(file: name, reason: "\(error)")
        }
        let workbookParser = WorkbookPartParser()
        try Self.parse(Self.extract(archive, "xl/workbook.xml", file: name, limits: limits), part: "xl/workbook.xml", file: name, with: workbookParser)
        let relationsParser = WorkbookPartParser()
        try Self.parse(
            Self.extract(archive, "xl/_rels/workbook.xml.rels", file: name, limits: limits), part: "xl/_rels/workbook.xml.rels",
            file: name, with: relationsParser)
        var names: [String] = []
        var parts: [String] = []
        for (sheetName, id) in workbookParser.sheets {
            guard let target = relationsParser.targets[id] else { continue }
            names.append(sheetName.precomposedStringWithCanonicalMapping)
            parts.append(Self.resolve(target))
        }
        sheetNames = names
        sheetParts = parts
    }

    /// `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; `/xl/…` → `xl/…`.
    private static func resolve(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        return "xl/" + target
    }

    /// Reads the sheet named `sheet` (exactly, else ignoring case), or the first sheet when `nil`.
    ///
    /// - Throws: ``XLSXError/noSuchSheet(file:sheet:available:)``, ``XLSXError/badCell(file:sheet:row:column:reason:)`` and others.
    /// - Complexity: O(size of the sheet's XML); memory holds the sheet's unpacked XML and its cells.
    public func table(sheet: String? = nil) throws(XLSXError) -> XLSXTable {
        guard !sheetNames.isEmpty else { throw .noSheets(file: file) }
        let index: Int
        if let sheet {
            let wanted = sheet.precomposedStringWithCanonicalMapping
            guard let i = sheetNames.firstIndex(of: wanted) ?? sheetNames.firstIndex(where: { $0.lowercased() == wanted.lowercased() })
            else { throw .noSuchSheet(file: file, sheet: sheet, available: sheetNames) }
            index = i
        } else {
            index = 0
        }
        let name = sheetNames[index]
        var strings: [String] = []
        if archive["xl/sharedStrings.xml"] != nil {
            let parser = SharedStringsParser()
            try Self.parse(
                Self.extract(archive, "xl/sharedStrings.xml", file: file, limits: limits), part: "xl/sharedStrings.xml",
                file: file, with: parser)
            strings = parser.strings
        }
        let part = sheetParts[index]
        let parser = WorksheetParser(sharedStrings: strings, limits: limits)
        let data = try Self.extract(archive, part, file: file, limits: limits)
        try Self.checkText(data, part: part, file: file)
        let xml = XMLParser(data: data)
        xml.shouldProcessNamespaces = false
        xml.delegate = parser
        let ok = xml.parse()
        if parser.tooLarge { throw .tooLarge(file: file, sheet: name, limit: max(limits.maxRows, limits.maxColumns)) }
        if let problem = parser.problem {
            throw .badCell(file: file, sheet: name, row: problem.row, column: problem.column, reason: problem.reason)
        }
        if !ok { throw .malformedXML(file: file, part: part, reason: xml.parserError.map { "\($0)" } ?? "unknown error") }
        return XLSXTable(file: file, name: name, rows: parser.rows)
    }

    /// The unpacked bytes of `path`, refused when larger than the limit.
    private static func extract(_ archive: Archive, _ path: String, file: String, limits: XLSXReadLimits) throws(XLSXError) -> Data {
        guard let entry = archive[path] else { throw .missingPart(file: file, part: path) }
        guard entry.uncompressedSize <= limits.maxEntryBytes else {
            throw .entryTooLarge(file: file, part: path, size: entry.uncompressedSize, limit: limits.maxEntryBytes)
        }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        var overflow = false
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The declared size may lie: stop as soon as the real one passes the limit.
                guard UInt64(data.count + chunk.count) <= limits.maxEntryBytes else {
                    overflow = true
                    throw XLSXError.entryTooLarge(
                        file: file, part: path, size: UInt64(data.count + chunk.count), limit: limits.maxEntryBytes)
                }
                data.append(chunk)
            }
        } catch {
            if overflow {
                throw .entryTooLarge(file: file, part: path, size: UInt64(data.count), limit: limits.maxEntryBytes)
            }
            throw .notAWorkbook(file: file, reason: "\(path) cannot be unpacked: \(error)")
        }
        return data
    }

    /// FoundationXML traps on element or attribute names that are not valid UTF-8 (found by the
    /// XLSX fuzzer): every part is checked before parsing. Workbook parts are UTF-8.
    private static func checkText(_ data: Data, part: String, file: String) throws(XLSXError) {
        guard !data.contains(0), String(data: data, encoding: .utf8) != nil else {
            throw .malformedXML(file: file, part: part, reason: "the part is not UTF-8 text")
        }
    }

    private static func parse(_ data: Data, part: String, file: String, with delegate: XMLParserDelegate) throws(XLSXError) {
        try checkText(data, part: part, file: file)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else {
            throw .malformedXML(file: file, part: part, reason: parser.parserError.map { "\($0)" } ?? "unknown error")
        }
    }
}
