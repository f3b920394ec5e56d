import Crypto
import Foundation

/// SHA-256 digests as lowercase hex, the identity of imported files and criteria sets.
///
/// ```swift
/// SHA256Digest.hex(of: Array("abc".utf8))
/// // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// let id = try SHA256Digest.hex(ofFileAt: "data/dti-2024.csv")
/// ```
public enum SHA256Digest {
    /// Bytes read per chunk by ``hex(ofFileAt:)``.
    public static let chunkSize = 1 << 20

    /// The digest of `bytes` (an array, `Data`, a string's `utf8` view, …).
    /// - Complexity: O(n).
    public static func hex(of bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        let contiguous: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        }
        if contiguous == nil {
            var chunk: [UInt8] = []
            chunk.reserveCapacity(4096)
            for byte in bytes {
                chunk.append(byte)
                if chunk.count == 4096 {
                    hasher.update(data: chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            hasher.update(data: chunk)
        }
        return hex(hasher.finalize())
    }

    /// The digest of the file at `path`, read in chunks of ``chunkSize`` bytes.
    /// - Throws: ``StoreError/fileAccess(path:reason:)`` when the file cannot be read.
    /// - Complexity: O(n) time, O(1) memory.
    public static func hex(ofFileAt path: String) throws -> String {
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            var hasher = SHA256()
            while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
            return hex(hasher.finalize())
        } catch {
            throw StoreError.fileAccess(path: path, reason: error.localizedDescription)
        }
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(SHA256.byteCount * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
