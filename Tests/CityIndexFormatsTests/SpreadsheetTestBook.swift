import Foundation

@testable import CityIndexFormats

/// Builds a one-sheet workbook from hand-written sheet XML, to test cell kinds our writer does not produce.
enum XLSXTestBook {
    static func table(sheetXML: String) throws -> XLSXTable {
        // A valid workbook with its sheet part swapped.
        var book = XLSXWriter()
        book.add(XLSXSheet(name: "Data", header: [], rows: [[.text("x")]]))
        let parts = book.parts().map { $0.0 == "xl/worksheets/sheet1.xml" ? ($0.0, sheetXML) : $0 }
        let out = try CSVTestSupport.temporaryFolder() + "/out.xlsx"
        try Data(XLSXWriter.zip(parts)).write(to: URL(fileURLWithPath: out))
        return try XLSXReader(path: out).table()
    }
}
