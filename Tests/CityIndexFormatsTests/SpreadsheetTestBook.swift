import Foundation

@testable import CityIndexFormats

/// Builds a one-sheet workbook from hand-written sheet XML, to test cell kinds our writer does not produce.
enum XLSXTestBook {
    static func table(sheetXML: String) throws -> XLSXTable {
        // Take a valid workbook and swap its sheet part, through Python's zipfile (present on CI machines).
        var book = XLSXWriter()
        book.add(XLSXSheet(name: "Data", header: [], rows: [[.text("x")]]))
        let folder = try CSVTestSupport.temporaryFolder()
        let path = folder + "/in.xlsx"
        let out = folder + "/out.xlsx"
        let sheetPath = folder + "/sheet1.xml"
        try book.write(toFile: path)
        try sheetXML.write(toFile: sheetPath, atomically: true, encoding: .utf8)
        let script = """
            import zipfile, sys
            src, dst, sheet = sys.argv[1:4]
            with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as o:
                for n in z.namelist():
                    o.writestr(n, open(sheet, 'rb').read() if n == 'xl/worksheets/sheet1.xml' else z.read(n))
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, path, out, sheetPath]
        try p.run()
        p.waitUntilExit()
        return try XLSXReader(path: out).table()
    }
}
