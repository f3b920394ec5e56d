import Foundation

/// What an SQLite store's write-ahead log (`-wal`) and its index (`-shm`) hold, read byte by byte
/// without opening the store, so a test can see where a killed writer stopped before SQLite's
/// own recovery tidies the files away.
///
/// The layout is SQLite's documented WAL format (https://www.sqlite.org/fileformat2.html#walformat):
/// a 32-byte header, then frames of a 24-byte header and one page. A frame counts only while its
/// salts match the header's and the running checksum holds, exactly as recovery reads the log; a
/// frame whose header gives a database size is a commit. Frames after the last commit belong to
/// a transaction that never committed: recovery ignores them.
///
/// The `-shm` fields (https://www.sqlite.org/walformat.html#the_wal_index_file_format) say how far a
/// checkpoint copied the log into the main file; they are only informative after a crash.
struct SQLiteWALState: CustomStringConvertible {
    /// Size of the `-wal` file in bytes; nil when there is none.
    var fileSize: Int?
    /// The page size the log was written with (0 without a valid header).
    var pageSize = 0
    /// Frames recovery accepts, in order.
    var validFrames = 0
    /// Frames up to and including the last commit frame.
    var committedFrames = 0
    /// `nBackfill` of the `-shm`: frames a checkpoint has finished copying into the main file.
    var backfilled: Int?
    /// `nBackfillAttempted` of the `-shm`: frames a checkpoint has started to copy.
    var backfillAttempted: Int?

    /// Valid frames of a transaction that did not commit.
    var uncommittedFrames: Int { validFrames - committedFrames }

    /// Whether a checkpoint had started copying frames into the main file and not finished.
    var checkpointInterrupted: Bool {
        guard let done = backfilled, let started = backfillAttempted else { return false }
        return started > done
    }

    /// Reads `store + "-wal"` and `store + "-shm"`.
    init(store: String) {
        if let wal = FileManager.default.contents(atPath: store + "-wal") {
            fileSize = wal.count
            read(wal: [UInt8](wal))
        }
        if let shm = FileManager.default.contents(atPath: store + "-shm"), shm.count >= 136 {
            let bytes = [UInt8](shm)
            // WalCkptInfo follows the two 48-byte copies of the index header; native byte order.
            backfilled = Int(Self.nativeWord(bytes, at: 96))
            backfillAttempted = Int(Self.nativeWord(bytes, at: 128))
        }
    }

    private mutating func read(wal: [UInt8]) {
        guard wal.count >= 32 else { return }
        let magic = Self.bigEndianWord(wal, at: 0)
        guard magic == 0x377F_0682 || magic == 0x377F_0683 else { return }
        let bigEndianChecksum = magic & 1 == 1
        let page = Int(Self.bigEndianWord(wal, at: 8))
        guard page >= 512, page <= 65536, page & (page - 1) == 0 else { return }
        var sums = Self.checksum(wal, 0..<24, bigEndian: bigEndianChecksum, from: (0, 0))
        guard sums.0 == Self.bigEndianWord(wal, at: 24), sums.1 == Self.bigEndianWord(wal, at: 28) else { return }
        pageSize = page
        let frameSize = 24 + page
        var offset = 32
        while offset + frameSize <= wal.count {
            let pageNumber = Self.bigEndianWord(wal, at: offset)
            let commitSize = Self.bigEndianWord(wal, at: offset + 4)
            guard pageNumber != 0, wal[(offset + 8)..<(offset + 16)] == wal[16..<24] else { break }
            sums = Self.checksum(wal, offset..<(offset + 8), bigEndian: bigEndianChecksum, from: sums)
            sums = Self.checksum(wal, (offset + 24)..<(offset + frameSize), bigEndian: bigEndianChecksum, from: sums)
            guard sums.0 == Self.bigEndianWord(wal, at: offset + 16), sums.1 == Self.bigEndianWord(wal, at: offset + 20) else {
                break
            }
            validFrames += 1
            if commitSize != 0 { committedFrames = validFrames }
            offset += frameSize
        }
    }

    /// SQLite's WAL checksum over `range` (a multiple of 8 bytes), continuing from `sums`.
    private static func checksum(_ b: [UInt8], _ range: Range<Int>, bigEndian: Bool, from sums: (UInt32, UInt32)) -> (UInt32, UInt32) {
        var (s1, s2) = sums
        var i = range.lowerBound
        while i < range.upperBound {
            let x = bigEndian ? bigEndianWord(b, at: i) : littleEndianWord(b, at: i)
            let y = bigEndian ? bigEndianWord(b, at: i + 4) : littleEndianWord(b, at: i + 4)
            s1 = s1 &+ x &+ s2
            s2 = s2 &+ y &+ s1
            i += 8
        }
        return (s1, s2)
    }

    private static func bigEndianWord(_ b: [UInt8], at i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }

    private static func littleEndianWord(_ b: [UInt8], at i: Int) -> UInt32 {
        UInt32(b[i + 3]) << 24 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i])
    }

    private static func nativeWord(_ b: [UInt8], at i: Int) -> UInt32 {
        let little = littleEndianWord(b, at: i)
        return 1.littleEndian == 1 ? little : little.byteSwapped
    }

    var description: String {
        guard let fileSize else { return "no WAL" }
        var text = "WAL \(fileSize) bytes, \(validFrames) valid frame(s), \(committedFrames) committed"
        if let backfilled, let backfillAttempted { text += ", checkpoint \(backfilled)/\(backfillAttempted) copied/started" }
        return text
    }
}
