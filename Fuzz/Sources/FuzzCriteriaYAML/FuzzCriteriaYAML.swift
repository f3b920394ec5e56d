import CityIndexFormats

/// Feeds arbitrary text to the YAML criteria loader (syntax, keys, steps, tree checks). A
/// `table:` or `units:` key resolves against a folder that does not exist, so no file is read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCriteriaYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let loaded = try CriteriaLoader(maxProblems: 20).loadYAML(text, file: "fuzz.yaml", directory: "/nonexistent-cityindex-fuzz")
        _ = loaded.set.indicatorIDs
    } catch {
        _ = error.description
    }
    return 0
}
