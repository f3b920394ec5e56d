/// A `TextOutputStream` that appends to a byte array: how a `Double` writes its shortest
/// round-trip text, the very text of its `description`, without making a `String` per number.
///
/// `Double.write(to:)` hands its digits to `_writeASCII(_:)`, the standard library's ASCII fast
/// path: the bytes are copied straight in. Should a `Double` ever write through
/// ``write(_:)`` instead, the text is the same, only slower.
///
/// ```swift
/// var stream = ByteTextStream()
/// 0.1.write(to: &stream)         // stream.bytes == Array("0.1".utf8)
/// ```
struct ByteTextStream: TextOutputStream {
    /// The bytes written so far.
    var bytes: [UInt8] = []

    /// Appends the UTF-8 bytes of `string`.
    mutating func write(_ string: String) {
        bytes.append(contentsOf: string.utf8)
    }

    /// Appends ASCII bytes as they are.
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }
}
