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
    /// Bytes appended, and how many of them the system was asked to start writing to disk.
    private var appended: Int64 = 0
    private var writeBackRequested: Int64 = 0
    /// How many appended bytes are left in memory before the system is asked to write them.
    static let writeBackStep: Int64 = 8 << 20

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
        appended += Int64(bytes.count)
        if appended - writeBackRequested >= Self.writeBackStep, let startWriteBack {
            // Advisory: an error here shows again, and is reported, at `commit()`'s fsync.
            _ = startWriteBack(fd, writeBackRequested, appended - writeBackRequested, syncFileRangeWrite)
            writeBackRequested = appended
        }
    }

    /// Syncs the file to disk and renames it over ``path``. Long files were already being
    /// written back while they were appended (every ``writeBackStep`` bytes), so the sync
    /// mostly waits for the last few megabytes.
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

/// Linux's `sync_file_range(fd, offset, count, flags)`, found at run time (the Glibc module
/// leaves it out); nil elsewhere. With `SYNC_FILE_RANGE_WRITE` it starts writing the range to
/// disk and returns at once, so a long file is written back while it is produced instead of
/// all at the final fsync (at national scale, `scores.csv` is over a gigabyte).
private let startWriteBack: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
    #if os(Linux)
        guard let symbol = dlsym(nil, "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
    #else
        return nil
    #endif
}()

/// `SYNC_FILE_RANGE_WRITE` of `<fcntl.h>`.
private let syncFileRangeWrite: UInt32 = 2

@inline(__always)
private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, pointer, count)
}
