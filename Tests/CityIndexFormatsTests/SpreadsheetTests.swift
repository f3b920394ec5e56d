import CityIndexCore
import Foundation
import Testing

@testable import CityIndexFormats

@Suite("XLSX writer and reader")
struct SpreadsheetTests {
    static func sampleBook() -> XLSXWriter {
        var book = XLSXWriter()
        book.add(XLSXSheet(
            name: "Data", header: ["unit", "name", "period", "le", "eys"],
            rows: [
                [.text("01"), .text("Hà Nội"), .text("2024"), .number(74.25, decimals: 2), .number(12.5)],
                [.text("79"), .text("=1+1 <b>&amp;</b>"), .text("2024"), .number(-3.125), .empty],
                [.text("48"), .text("Đà Nẵng _x0041_"), .text("2024"), .integer(70), .number(1e-7)],
            ]))
        book.add(XLSXSheet(name: "notes", header: ["indicator", "unit_of_measure"], rows: [[.text("le"), .text("năm")]]))
        return book
    }

    func temporary(_ name: String) throws -> String {
        try CSVTestSupport.temporaryFolder() + "/" + name
    }

    @Test("written cells read back: numbers as numbers, text intact, formulas never")
    func roundTrip() throws {
        let bytes = try Self.sampleBook().bytes()
        let reader = try XLSXReader(data: Data(bytes), name: "t.xlsx")
        #expect(reader.sheetNames == ["Data", "notes"])
        let table = try reader.table()
        #expect(table.name == "Data")
        #expect(table.rows.count == 4)
        #expect(table.rows[0].cells.first == .text("unit"))
        #expect(table.rows[1].cells == [.text("01"), .text("Hà Nội"), .text("2024"), .number(74.25), .number(12.5)])
        #expect(table.rows[2].cells == [.text("79"), .text("=1+1 <b>&amp;</b>"), .text("2024"), .number(-3.125)])
        #expect(table.rows[3].cells == [.text("48"), .text("Đà Nẵng _x0041_"), .text("2024"), .number(70), .number(1e-7)])
        #expect(try reader.table(sheet: "NOTES").rows[1].cells == [.text("le"), .text("năm")])
    }

    @Test("same sheets, same bytes; frozen header, number formats and widths present")
    func deterministic() throws {
        let a = try Self.sampleBook().bytes()
        let b = try Self.sampleBook().bytes()
        #expect(a == b)
        // The parts as written (before deflating).
        let parts = Dictionary(Self.sampleBook().parts(), uniquingKeysWith: { a, _ in a })
        let out = (parts["xl/worksheets/sheet1.xml"] ?? "") + (parts["xl/styles.xml"] ?? "")
        #expect(out.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(out.contains("<col min=\"2\" max=\"2\""))
        #expect(out.contains("numFmtId=\"2\""))  // 0.00
        for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet2.xml"] {
            #expect(parts[part] != nil, "\(part)")
        }
    }

    @Test("observations from a sheet, wide, with errors named by cell")
    func observationsFromSheet() throws {
        let path = try temporary("data.xlsx")
        try Self.sampleBook().write(toFile: path)
        let reader = ObservationFileReader(indicatorIDs: ["le", "eys"])
        let file = try reader.read(path: path)  // first sheet, detected by extension
        #expect(file.layout == .wide)
        #expect(file.sheet == "Data")
        let values = Dictionary(uniqueKeysWithValues: file.records.map { ($0.unitKey + "/" + $0.indicator, $0.value) })
        #expect(values == ["01/le": 74.25, "01/eys": 12.5, "79/le": -3.125, "48/le": 70, "48/eys": 1e-7])
        #expect(file.records.first { $0.unitKey == "79" }?.unitName == "=1+1 <b>&amp;</b>")

        var bad = XLSXWriter()
        bad.add(XLSXSheet(name: "Số liệu", header: ["unit", "period", "le"], rows: [
            [.text("01"), .text("2024"), .text("12%")], [.text("02"), .text("2024"), .number(3)],
        ]))
        let badPath = try temporary("bad.xlsx")
        try bad.write(toFile: badPath)
        #expect {
            try ObservationFileReader(indicatorIDs: ["le"]).read(path: badPath, sheet: "Số liệu")
        } throws: { error in
            guard case ObservationFileError.badRows(let rows) = error else { return false }
            return rows.map(\.description) == ["\(badPath): 'Số liệu'!C2: " + rows[0].message] && rows[0].message.contains("12%")
        }
        #expect {
            try ObservationFileReader().read(path: badPath, sheet: "Data")
        } throws: { error in
            "\(error)".contains("no sheet named \"Data\"") && "\(error)".contains("\"Số liệu\"")
        }
    }

    @Test("observations from a long sheet; booleans, inline strings and #N/A")
    func longSheet() throws {
        // A sheet written by hand with the cell kinds other programs use.
        let sheet = """
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>unit</t></is></c><c r="B1" t="inlineStr"><is><t>indicator</t></is></c><c r="C1" t="inlineStr"><is><t>period</t></is></c><c r="D1" t="inlineStr"><is><t>value</t></is></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>HN</t></is></c><c r="B3" t="inlineStr"><is><t>flag</t></is></c><c r="C3"><v>2024</v></c><c r="D3" t="b"><v>1</v></c></row>
            <row r="4"><c r="A4" t="inlineStr"><is><t>HN</t></is></c><c r="B4" t="inlineStr"><is><t>x</t></is></c><c r="C4"><v>2024</v></c><c r="D4" t="e"><v>#N/A</v></c></row>
            <row r="5"><c r="A5" t="inlineStr"><is><t>HN</t></is></c><c r="B5" t="inlineStr"><is><t>y</t></is></c><c r="C5"><v>2024</v></c><c r="D5" t="str"><f>1/3</f><v>0.333333333333333</v></c></row>
            </sheetData></worksheet>
            """
        let table = try XLSXTestBook.table(sheetXML: sheet)
        let file = try ObservationFileReader(indicatorIDs: ["flag", "x", "y"]).read(table: table)
        #expect(file.layout == .long)
        #expect(file.records.map(\.indicator) == ["flag", "y"])
        #expect(file.records.map(\.value) == [1, 0.333333333333333])
        #expect(file.records.map(\.line) == [3, 5])
    }

    @Test("a part larger than the limit is refused before it is unpacked")
    func zipBomb() throws {
        var book = XLSXWriter()
        let big = String(repeating: "0", count: 3 << 20)
        book.add(XLSXSheet(name: "bomb", header: ["unit"], rows: [[.text(big)]]))
        let bytes = try book.bytes()
        #expect(bytes.count < 1 << 20)  // compresses very well: the case a bomb exploits
        let reader = try XLSXReader(data: Data(bytes), name: "bomb.xlsx", limits: XLSXReadLimits(maxEntryBytes: 1 << 20))
        #expect {
            try reader.table()
        } throws: { error in
            guard case XLSXError.entryTooLarge(_, let part, _, let limit) = error else { return false }
            return part == "xl/sharedStrings.xml" && limit == 1 << 20 && "\(error)".contains("more than the limit")
        }
    }

    @Test("not a workbook")
    func notAWorkbook() {
        #expect(throws: XLSXError.self) { try XLSXReader(data: Data("unit,le\n".utf8), name: "x.xlsx") }
    }

    @Test("the flat criteria table from a workbook sheet, with errors named by cell")
    func criteriaTable() throws {
        let header = ["Level", "iCode", "iName", "Direction", "Weight", "Parent", "Type"]
        let rows: [[CSVCell]] = [
            [.integer(1), .text("a"), .text("Chỉ số A"), .integer(1), .integer(1), .text("P"), .text("Indicator")],
            [.integer(1), .text("b"), .text("B"), .integer(-1), .number(2), .text("P"), .text("Indicator")],
            [.integer(2), .text("P"), .text("Pillar"), .empty, .integer(1), .text("Index"), .text("Aggregate")],
            [.integer(3), .text("Index"), .text("Index"), .empty, .integer(1), .empty, .text("Aggregate")],
        ]
        var book = XLSXWriter()
        book.add(XLSXSheet(name: "readme", header: ["note"], rows: [[.text("see iMeta")]]))
        book.add(XLSXSheet(name: "iMeta", header: header, rows: rows))
        let path = try temporary("imeta.xlsx")
        try book.write(toFile: path)
        let loaded = try CriteriaLoader().load(path: path)
        #expect(loaded.set.id == "imeta")
        #expect(loaded.set.indicatorIDs.sorted() == ["a", "b"])
        #expect(loaded.set.nodes.first { $0.id == "b" }?.weight == 2)
        #expect(loaded.set.nodes.first { $0.id == "a" }?.name.text(in: .vi, fallback: "") .isEmpty == false)

        var broken = rows
        broken[1][4] = .text("heavy")
        var bad = XLSXWriter()
        bad.add(XLSXSheet(name: "iMeta", header: header, rows: broken))
        let badPath = try temporary("bad-imeta.xlsx")
        try bad.write(toFile: badPath)
        #expect {
            try CriteriaLoader().load(path: badPath)
        } throws: { error in
            "\(error)".contains("iMeta!E3")
        }
    }

    @Test("cell references")
    func references() {
        #expect(CellReference.name(row: 14, column: 3) == "C14")
        #expect(CellReference.columnName(27) == "AA")
        #expect(CellReference.columnName(16384) == "XFD")
        #expect(CellReference.parse("$AA$7")! == (7, 27))
        #expect(CellReference.name(sheet: "Data", row: 1, column: 1) == "Data!A1")
        #expect(CellReference.name(sheet: "My data", row: 1, column: 1) == "'My data'!A1")
    }
}
