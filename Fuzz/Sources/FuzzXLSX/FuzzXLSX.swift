import CityIndexFormats
import Foundation

/// Feeds arbitrary bytes to ``XLSXReader`` (ZIP container, workbook parts, shared strings,
/// cells) with small limits, reading every sheet.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    let limits = XLSXReadLimits(maxEntryBytes: 1 << 20, maxRows: 1000, maxColumns: 100)
    do {
        let reader = try XLSXReader(data: bytes, name: "fuzz.xlsx", limits: limits)
        for sheet in reader.sheetNames { _ = try? reader.table(sheet: sheet) }
        _ = try? reader.table()
    } catch {
        _ = error.description
    }
    return 0
}
