/// SwiftPM links executables on Linux with `main` defined as `FuzzCriteriaTable_main`; with
/// `-parse-as-library` there is no such function, so this one hands over to libFuzzer's driver.
@_cdecl("FuzzCriteriaTable_main")
public func FuzzCriteriaTableMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzCriteriaTable)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32
