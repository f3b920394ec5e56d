import CityIndexCore
import CityIndexFormats

/// Feeds arbitrary bytes to ``ObservationFileReader`` (long, wide and COINr iData layouts,
/// numbers, periods, duplicate keys), with a small criteria-set vocabulary.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzObservations(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let options = CSVReadOptions(maxFieldBytes: 512, maxColumns: 128, chunkSize: 64)
    let ids: Set<String> = ["le", "eys", "mys", "gnipc", "dti"]
    let reader = ObservationFileReader(
        options: options, indicatorIDs: size % 2 == 0 ? ids : [], defaultPeriod: size % 3 == 0 ? nil : Period("2024"),
        maxBadRows: 20)
    do {
        let file = try reader.read(bytes: bytes, name: "fuzz.csv")
        for record in file.records { precondition(record.value.isFinite, "a non-finite value was read") }
    } catch {
        _ = error.description
    }
    return 0
}
