import Foundation

/// Checks that a ZIP container's directory points only inside the file before ZIPFoundation
/// reads it: a damaged or hostile workbook is refused with a message instead of reading out of
/// bounds (found by the XLSX fuzzer).
///
/// See the ZIP application note (PKWARE APPNOTE.TXT), sections 4.3.7, 4.3.12 and 4.3.16.
enum ZIPStructure {
    /// Throws `XLSXError.notAWorkbook` unless every central-directory entry and the local
    /// header and data it points to lie within `data`.
    /// - Complexity: O(entries), reading only the directory and the local headers.
    static func validate(_ data: Data, file: String) throws(XLSXError) {
        let bytes = [UInt8](data)
        let count = bytes.count
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func fail(_ reason: String) -> XLSXError { .notAWorkbook(file: file, reason: reason) }
        // End of central directory: 22 bytes plus a comment of at most 65,535 bytes.
        let earliest = max(0, count - 22 - 65_535)
        var end = -1
        var i = count - 22
        while i >= earliest {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 {
                end = i
                break
            }
            i -= 1
        }
        guard end >= 0 else { throw fail("its ZIP directory is missing (the file is damaged or cut short)") }
        let entries = u16(end + 10)
        let directorySize = u32(end + 12)
        let directoryStart = u32(end + 16)
        guard directoryStart + directorySize <= end else {
            throw fail("its ZIP directory points beyond the end of the file (the file is damaged)")
        }
        var at = directoryStart
        for _ in 0..<entries {
            guard at + 46 <= end, u32(at) == 0x0201_4B50 else {
                throw fail("its ZIP directory is damaged")
            }
            let compressed = u32(at + 20)
            let nameLength = u16(at + 28), extraLength = u16(at + 30), commentLength = u16(at + 32)
            let local = u32(at + 42)
            guard compressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF else {
                throw fail("it is a ZIP64 container, which a workbook of this size should not be")
            }
            guard local + 30 <= directoryStart, u32(local) == 0x0403_4B50 else {
                throw fail("a ZIP entry points outside the file (the file is damaged)")
            }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            guard dataStart + compressed <= directoryStart else {
                throw fail("a ZIP entry's data runs past the end of the file (the file is damaged)")
            }
            at += 46 + nameLength + extraLength + commentLength
        }
    }
}
