import CLibCrypto
import Foundation

/// SHA-256 digests as lowercase hex, the identity of imported files and criteria sets, computed
/// by the system's libcrypto (OpenSSL's EVP interface).
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
        var hasher = Hasher()
        let contiguous: Void? = bytes.withContiguousStorageIfAvailable { hasher.update(UnsafeRawBufferPointer($0)) }
        if contiguous == nil {
            var chunk: [UInt8] = []
            chunk.reserveCapacity(4096)
            for byte in bytes {
                chunk.append(byte)
                if chunk.count == 4096 {
                    chunk.withUnsafeBytes { hasher.update($0) }
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            chunk.withUnsafeBytes { hasher.update($0) }
        }
        return hasher.finalizeHex()
    }

    /// The digest of the file at `path`, read in chunks of ``chunkSize`` bytes.
    /// - Throws: ``StoreError/fileAccess(path:reason:)`` when the file cannot be read.
    /// - Complexity: O(n) time, O(1) memory.
    public static func hex(ofFileAt path: String) throws -> String {
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            var hasher = Hasher()
            while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
                chunk.withUnsafeBytes { hasher.update($0) }
            }
            return hasher.finalizeHex()
        } catch {
            throw StoreError.fileAccess(path: path, reason: error.localizedDescription)
        }
    }

    /// An incremental SHA-256 (one EVP digest context).
    public struct Hasher: ~Copyable {
        private let context: OpaquePointer?

        /// A fresh digest.
        public init() {
            context = EVP_MD_CTX_new()
            EVP_DigestInit_ex(context, EVP_sha256(), nil)
        }

        deinit { EVP_MD_CTX_free(context) }

        /// Adds `bytes`.
        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            EVP_DigestUpdate(context, base, bytes.count)
        }

        /// The digest as 64 lowercase hex digits.
        public consuming func finalizeHex() -> String {
            var digest = [UInt8](repeating: 0, count: 32)
            var length: UInt32 = 0
            EVP_DigestFinal_ex(context, &digest, &length)
            let digits = Array("0123456789abcdef".utf8)
            var text: [UInt8] = []
            text.reserveCapacity(64)
            for byte in digest.prefix(Int(length)) {
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0F)])
            }
            return String(decoding: text, as: UTF8.self)
        }
    }
}
