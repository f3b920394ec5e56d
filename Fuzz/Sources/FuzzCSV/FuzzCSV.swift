import CityIndexFormats

/// Feeds arbitrary bytes to ``CSVReader`` with small limits and chunk sizes, so the chunked
/// refill path, the limits and every error path are reached. The first byte picks the options.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let selector = bytes.first else { return 0 }
    var options = CSVReadOptions(maxFieldBytes: 256, maxColumns: 64, chunkSize: 16 + Int(selector >> 4))
    switch selector & 0x3 {
    case 1: options.delimiter = UInt8(ascii: ";")
    case 2: options.delimiter = 0x09
    case 3: options.decimalComma = true
    default: break
    }
    // Bits 2-3: the declared thousands separator (none declared, ',', '.', space).
    let separators: [ThousandsSeparator?] = [nil, .comma, .dot, .space]
    options.thousandsSeparator = separators[Int(selector >> 2) & 0x3]
    do {
        var reader = try CSVReader(bytes: Array(bytes.dropFirst()), name: "fuzz.csv", options: options)
        var count = 0
        while let record = try reader.nextRecord() {
            // Every field must be valid text and every position must lie on the record's line or later.
            for (i, field) in record.fields.enumerated() {
                _ = field.utf8.count
                precondition(record.positions[i].line >= 1 && record.positions[i].column >= 1)
                _ = try? NumberParser.parse(field, convention: reader.numberConvention)
            }
            count += 1
        }
    } catch {
        _ = error.description
    }
    return 0
}
