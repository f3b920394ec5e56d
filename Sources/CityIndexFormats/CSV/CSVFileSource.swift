#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open file read with read(2); closed when the last reference goes.
final class CSVFileSource {
    private let descriptor: Int32

    /// Opens `path` for reading.
    init(path: String) throws(CSVError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw CSVError.cannotRead(file: path, reason: Self.errorText(errno))
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Reads up to `count` bytes into `buffer` from `offset`; returns the count read, 0 at the end.
    func read(into buffer: inout [UInt8], at offset: Int, count: Int, file: String) throws(CSVError) -> Int {
        while true {
            let got = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return systemRead(descriptor, base + offset, count)
            }
            if got >= 0 { return got }
            if errno == EINTR { continue }
            throw CSVError.cannotRead(file: file, reason: Self.errorText(errno))
        }
    }

    private static func errorText(_ code: Int32) -> String {
        if let text = strerror(code) { return String(cString: text) }
        return "error \(code)"
    }
}

@inline(__always)
private func systemRead(_ fd: Int32, _ pointer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, pointer, count)
}
