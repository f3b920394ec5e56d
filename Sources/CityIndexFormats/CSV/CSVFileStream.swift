#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written atomically in chunks: bytes go to a temporary file in the same folder, and
/// ``commit()`` syncs it and renames it over the destination. A stream dropped without
/// `commit()` removes its temporary file and leaves the destination as it was.
///
/// Long tables (`scores.csv` of a national panel) are streamed so that only one chunk is in
/// memory at a time:
///
/// ```swift
/// let stream = try CSVFileStream(path: "scores.csv")
/// var writer = CSVWriter(dialect: .data)
/// for row in rows {
///     writer.writeRow(row)
///     if writer.bytes.count >= 1 << 20 { try writer.drain(stream.append) }
/// }
/// try writer.drain(stream.append)
/// try stream.commit()
/// ```
public final class CSVFileStream {
    /// The destination.
    public let path: String
    private let temporary: String
    private var fd: Int32
    private var committed = false

    /// Opens a new temporary file beside `path`.
    ///
    /// - Throws: ``CSVWriteError/cannotWrite(path:reason:)`` when the folder cannot be written.
    public init(path: String) throws(CSVWriteError) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        self.path = path
        temporary = "\(folder.isEmpty ? "" : folder)/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw CSVWriteError.cannotWrite(path: path, reason: Self.errorText()) }
    }

    deinit {
        if !committed {
            if fd >= 0 { close(fd) }
            unlink(temporary)
        }
    }

    /// Appends `bytes` to the file.
    ///
    /// - Complexity: O(bytes.count).
    public func append(_ bytes: [UInt8]) throws(CSVWriteError) {
        var failure: String?
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var written = 0
            while written < raw.count {
                let n = systemWrite(fd, base + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = Self.errorText()
                    return
                }
                written += n
            }
        }
        if let failure { try fail(failure) }
    }

    /// Syncs the file to disk and renames it over ``path``.
    public func commit() throws(CSVWriteError) {
        var failure: String?
        if fsync(fd) != 0 { failure = Self.errorText() }
        if close(fd) != 0, failure == nil { failure = Self.errorText() }
        fd = -1
        if failure == nil, rename(temporary, path) != 0 { failure = Self.errorText() }
        if let failure { try fail(failure) }
        committed = true
    }

    private func fail(_ reason: String) throws(CSVWriteError) -> Never {
        if fd >= 0 { close(fd) }
        fd = -1
        unlink(temporary)
        committed = true  // nothing left to clean up
        throw CSVWriteError.cannotWrite(path: path, reason: reason)
    }

    private static func errorText() -> String {
        let code = errno
        if let text = strerror(code) { return String(cString: text) }
        return "error \(code)"
    }
}

@inline(__always)
private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, pointer, count)
}
