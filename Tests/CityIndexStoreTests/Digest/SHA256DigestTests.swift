import CityIndexStore
import Foundation
import Testing

@Suite("SHA256Digest")
struct SHA256DigestTests {
    static let vectors: [(String, String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ]

    @Test("known vectors, from arrays, Data and non-contiguous sequences", arguments: vectors)
    func knownVectors(input: String, expected: String) {
        #expect(SHA256Digest.hex(of: Array(input.utf8)) == expected)
        #expect(SHA256Digest.hex(of: Data(input.utf8)) == expected)
        #expect(SHA256Digest.hex(of: input.utf8.lazy.map { $0 }) == expected)
    }

    @Test("a file hashed in chunks equals its bytes hashed at once")
    func fileInChunks() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("big.bin")
        let bytes = (0..<(SHA256Digest.chunkSize * 2 + 12_345)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try SHA256Digest.hex(ofFileAt: path) == SHA256Digest.hex(of: bytes))

        let empty = directory.path("empty.bin")
        try Data().write(to: URL(fileURLWithPath: empty))
        #expect(try SHA256Digest.hex(ofFileAt: empty) == Self.vectors[0].1)
    }

    @Test("a missing file is a fileAccess error naming the path")
    func missingFile() {
        #expect {
            _ = try SHA256Digest.hex(ofFileAt: "/nonexistent/cityindex.csv")
        } throws: { error in
            guard case StoreError.fileAccess(let path, _) = error else { return false }
            return path == "/nonexistent/cityindex.csv"
        }
    }
}
