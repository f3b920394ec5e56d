/// A record read by ``CSVReader/nextPlainRecord(fieldCount:_:)`` without copying: its fields
/// are byte ranges of the reader's buffer, valid only inside the closure that receives them
/// (do not keep the record).
///
/// Every field is unquoted printable ASCII on one line, so a field's bytes are its text (no
/// unquoting, no UTF-8 checks, no normalisation) and its column is its byte offset plus one.
struct PlainRecord {
    /// The reader's buffer.
    let buffer: UnsafeBufferPointer<UInt8>
    /// The buffer index of each field's first byte, then the index of the byte ending the last
    /// field: field `i` is `starts[i]..<(starts[i + 1] - 1)`.
    let starts: UnsafeBufferPointer<Int>
    /// The 1-based line of the record.
    let line: Int

    /// The bytes of field `index`.
    @inline(__always)
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buffer[starts[index]..<(starts[index + 1] - 1)])
    }

    /// The 1-based column of field `index`.
    @inline(__always)
    func column(_ index: Int) -> Int { starts[index] - starts[0] + 1 }
}
