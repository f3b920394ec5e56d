import CityIndexFormats

/// Feeds arbitrary bytes to the flat-table (COINr iMeta) criteria loader: columns, parents,
/// cycles, weights and the tree checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCriteriaTable(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let loaded = try CriteriaLoader(maxProblems: 20).loadTable(bytes: bytes, name: "fuzz.csv")
        _ = loaded.set.indicatorIDs
    } catch {
        _ = error.description
    }
    return 0
}
